package org.eemt.geo.eemt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eemt.geo.calendar.Calendar365;
import org.eemt.geo.solar.model.SolarDay;
import org.junit.jupiter.api.Test;

/** Each formula of SCIENCE.md §3–4 against values worked out by hand (the arithmetic is in the comments). */
class FormulaTest {

    @Test
    void lapseRateCarriesTemperatureToTheCellElevation() {
        // 10 − 6.49 · (2500 − 2000)/1000 = 10 − 3.245 = 6.755
        assertEquals(6.755, LapseRate.adjustCelsius(10, 2500, 2000, 6.49), 1e-12);
        // below the base station it warms: 10 − 6.49 · (−1000)/1000 = 16.49
        assertEquals(16.49, LapseRate.adjustCelsius(10, 1000, 2000, 6.49), 1e-12);
    }

    @Test
    void atmosphereAtTwentyDegreesAnd2500Metres() {
        // e°(20) = 0.6108 · exp(17.27·20/257.3) = 0.6108 · exp(1.342402) = 0.6108 · 3.828228 = 2.338281 kPa
        assertEquals(2.338281, Atmosphere.saturationVapourPressureKPa(20), 1e-6);
        // Δ = 4098 · 2.338281 / 257.3² = 9582.28 / 66203.29 = 0.144740 kPa/K
        assertEquals(0.144740, Atmosphere.saturationSlopeKPaPerK(20), 1e-6);
        // P = 101.3 · ((293 − 16.25)/293)^5.26 = 101.3 · 0.944539^5.26 = 101.3 · 0.740725 = 75.0355 kPa
        assertEquals(75.0355, Atmosphere.pressureKPa(2500), 1e-4);
        // γ = 0.000665 · 75.0355 = 0.0498986
        assertEquals(0.0498986, Atmosphere.psychrometricConstantKPaPerK(75.0355), 1e-7);
        // ρ = 1000 · 75.0355 / (287.05 · 1.01 · 293.15) = 75035.5 / 84990.0 = 0.882872 kg/m³
        assertEquals(0.882872, Atmosphere.airDensityKgPerM3(75.0355, 20), 1e-6);
    }

    @Test
    void dayLengthAtMidMonthIncludingPolarNightAndDay() {
        // 15 July = day 181 + 15 = 196; j = 2π·196/365.25 = 3.37165; δ = asin(0.3978·sin(3.37165 − 1.4 + 0.0355·sin(3.32275)))
        //   = asin(0.3978 · sin(1.96524)) = asin(0.3978 · 0.92369) = 0.376048 rad
        assertEquals(196, Calendar365.dayOfYearOfThe15th(6));
        assertEquals(0.376048, org.eemt.geo.solar.model.SolarDay.of(196).declinationRadians(), 1e-6);
        // φ 35.8°: D = 24/π · acos(−tan(35.8°)·tan(0.376048)) = 7.63944 · acos(−0.721223 · 0.394366) = 7.63944 · 1.859569 = 14.2060 h
        assertEquals(14.2060, DayLength.midMonthHours(35.8, 6), 1e-4);
        // the equator: −tan 0 · tan δ = 0, acos 0 = π/2, D = 12 h
        assertEquals(12.0, DayLength.midMonthHours(0, 3), 1e-12);
        // 80 °N on 15 December (δ ≈ −0.405): −tan 80°·tan δ = 2.4 > 1, clamped: acos 1 = 0 h; on 15 June < −1: 24 h
        assertEquals(0.0, DayLength.midMonthHours(80, 11), 0);
        assertEquals(24.0, DayLength.midMonthHours(80, 5), 0);
    }

    @Test
    void hamonPetIsZeroAtOrBelowFreezing() {
        // 29.8 · 14 · 2.338281 / 293.2 · 31 = 975.538 / 293.2 · 31 = 3.327209 · 31 = 103.1428 mm
        assertEquals(103.1428, HamonPet.monthlyMm(20, 14, 31), 1e-4);
        assertEquals(0.0, HamonPet.monthlyMm(0, 14, 31), 0);
        assertEquals(0.0, HamonPet.monthlyMm(-5, 14, 31), 0);
    }

    @Test
    void penmanOpenWaterAndWithACanopyResistance() {
        // r_a = 4.72 · ln(2/0.00137)² / (1 + 0.536·2) = 4.72 · 7.286092² / 2.072 = 4.72 · 53.08713 / 2.072 = 120.932 s/m
        double ra = Penman.aerodynamicResistanceSPerM(2);
        assertEquals(120.932, ra, 1e-3);
        // T_max 25, T_min 15 → T 20; S_topo 200000 Wh → R = 7.2e8 J; e_a 1.2 kPa; z 2500 m; July (31 d = 2678400 s)
        // e_s = (e°(25) + e°(15))/2 = (3.167778 + 1.705346)/2 = 2.436562
        // numerator = 0.1447402 · 7.2e8 + 0.8828723 · 1013 · (2.436562 − 1.2) · 2678400 / 120.93208
        //           = 1.0421294e8 + 2.4493854e7 = 1.2870679e8
        // denominator = 2.45e6 · (0.1447402 + 0.0498986) = 476865.0;  PET = 1.2870679e8 / 476865.0 = 269.902 mm
        assertEquals(269.902, Penman.monthlyMm(25, 15, 200000, 1.2, 2500, 6, ra, 0), 1e-3);
        // r_s = 125/(0.5·4) = 62.5: denominator 2.45e6 · (0.144740 + 0.0498986 · (1 + 62.5/120.932)) = 540047.0 → 238.325 mm
        assertEquals(238.325, Penman.monthlyMm(25, 15, 200000, 1.2, 2500, 6, ra, 62.5), 1e-3);
        // T = (2 − 4)/2 = −1 ≤ 0: no evaporation
        assertEquals(0.0, Penman.monthlyMm(2, -4, 200000, 0.3, 2500, 0, ra, 0), 0);
        // saturated air, no radiation: e_a 5 kPa > e_s at 10 °C (1.23 kPa) gives a negative quotient, floored at 0
        assertEquals(0.0, Penman.monthlyMm(10, 10, 0, 5, 0, 0, ra, 0), 0);
    }

    @Test
    void zhangBudykoBelowAndAbovePrecipitationAndWithoutRain() {
        // PET/PPT = 0.5: 100 · (1.5 − (1 + 0.5^2.63)^(1/2.63)) = 100 · (1.5 − 1.161544^0.380228) = 100 · (1.5 − 1.058592) = 44.1408
        assertEquals(44.1408, ZhangBudyko.aetMm(100, 50), 1e-4);
        // PET > PPT, ratio 4: 50 · (5 − (1 + 38.31932)^(1/2.63)) = 50 · (5 − 4.039374) = 48.0313, below both PPT and PET
        double dry = ZhangBudyko.aetMm(50, 200);
        assertEquals(48.0313, dry, 1e-4);
        assertTrue(dry < 50);
        // no rain, no evapotranspiration (and no 0/0)
        assertEquals(0.0, ZhangBudyko.aetMm(0, 120), 0);
        // no PET: 100 · (1 + 0 − 1) = 0
        assertEquals(0.0, ZhangBudyko.aetMm(100, 0), 1e-12);
    }

    @Test
    void netPrimaryProductionModels() {
        // Miami: 3000 / (1 + exp(1.315 − 1.19)) = 3000 / (1 + 1.133148) = 1406.372
        assertEquals(1406.372, NetPrimaryProduction.liethGramsPerYear(10), 1e-3);
        // Eq. 11: 0.39·2500 + 346·0.5 − 187 = 975 + 173 − 187 = 961
        assertEquals(961.0, NetPrimaryProduction.whittakerNieringGramsPerYear(2500, 0.5), 1e-9);
        // 0.39·500 − 346·0.5 − 187 = 195 − 173 − 187 = −165 → the floor, 100
        assertEquals(100.0, NetPrimaryProduction.whittakerNieringGramsPerYear(500, -0.5), 0);
        // Eq. 12: 196 + 36·20 − (12.2 − 12.0933)² = 916 − 0.011385 = 915.988615
        assertEquals(915.988615, NetPrimaryProduction.canopyHeightGramsPerYear(20), 1e-6);
        // h = 150 m: 196 + 5400 − (91.5 − 12.0933)² = 5596 − 6305.4 < 0 → 0
        assertEquals(0.0, NetPrimaryProduction.canopyHeightGramsPerYear(150), 0);
    }

    @Test
    void energyTermsAndTheirUnits() {
        // E_PPT = 100 kg/m² · 4185.5 J/(kg K) · 10 K = 4 185 500 J/m² = 4.1855 MJ/m²
        assertEquals(4.1855, EnergyTransfer.precipitationMJPerM2(100, 10), 1e-12);
        assertEquals(0.0, EnergyTransfer.precipitationMJPerM2(100, 0), 0);
        assertEquals(0.0, EnergyTransfer.precipitationMJPerM2(100, -3), 0);
        // E_BIO = 1000 g = 1 kg · 22e6 J/kg = 22 MJ/m²
        assertEquals(22.0, EnergyTransfer.biologicalMJPerM2(1000), 1e-12);
    }

    @Test
    void topographicMaximumTemperature() {
        // S_i = 120/100 = 1.2: 20 + (1.2 − 1/1.2) = 20 + 0.366667
        assertEquals(20.366667, TopographicTemperature.maxCelsius(20, 120, 100, 0), 1e-6);
        // S_i = 0.5: 20 + (0.5 − 2) = 18.5; with LAI 5: 20 − 1.5 · (1 − 5/10) = 19.25
        assertEquals(18.5, TopographicTemperature.maxCelsius(20, 50, 100, 0), 1e-12);
        assertEquals(19.25, TopographicTemperature.maxCelsius(20, 50, 100, 5), 1e-12);
        // polar night: S_flat = 0 → S_i = 1, no change
        assertEquals(1.0, TopographicTemperature.solarIndex(0, 0), 0);
        assertEquals(-12.0, TopographicTemperature.maxCelsius(-12, 0, 0, 0), 0);
    }
}
