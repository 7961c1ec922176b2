package org.eemt.geo.solar.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eemt.geo.calendar.Calendar365;
import org.eemt.geo.solar.model.EsraClearSky;
import org.eemt.geo.solar.model.OpticalAirMass;
import org.eemt.geo.solar.model.SolarDay;
import org.junit.jupiter.api.Test;

/** The tables of the hot loop against the exact formulas, and the day geometry against known values. */
class ClearSkyTablesTest {
    @Test
    void seaLevelAirMassTableIsWithinOnePartPerMillionOfTheFormula() {
        double worst = 0;
        for (int i = 1; i <= 200_000; i++) {
            double s = i / 200_000.0;
            double exact = OpticalAirMass.atSeaLevel(s);
            worst = Math.max(worst, Math.abs(AirMassTable.atSeaLevel(s) - exact) / exact);
        }
        System.out.println("air mass table: worst relative error " + worst);
        assertTrue(worst < 1e-6, "worst relative error " + worst);
    }

    @Test
    void beamTransmittanceTableIsWithinOnePartPerMillionOfTheFormula() {
        for (double linke : new double[] {1.5, 3, 7}) {
            EsraClearSky sky = new EsraClearSky(linke);
            ClearSkyTable table = new ClearSkyTable(sky);
            double worst = 0;
            for (int i = 1; i <= 100_000; i++) {
                double m = i * 40.0 / 100_000;
                double exact = sky.beamTransmittance(m);
                worst = Math.max(worst, Math.abs(table.beamTransmittance(m) - exact) / exact);
            }
            System.out.println("transmittance table, T_L " + linke + ": worst relative error " + worst);
            assertTrue(worst < 1e-6, "T_L " + linke + " worst relative error " + worst);
        }
    }

    @Test
    void airMassIsOneForTheZenithSunAtSeaLevelAndFallsWithElevation() {
        // sin h0r + 0.50572·(90 + 6.07995)^−1.6364 ≈ 1.0003 at the zenith
        assertEquals(1.0, OpticalAirMass.atSeaLevel(1.0), 1e-3);
        assertEquals(Math.exp(-1), OpticalAirMass.elevationFactor(8434.5), 1e-15);
    }

    @Test
    void declinationAndExtraterrestrialIrradianceFollowTheSeasons() {
        assertEquals(23.45, Math.toDegrees(SolarDay.of(172).declinationRadians()), 0.1);
        assertEquals(-23.45, Math.toDegrees(SolarDay.of(355).declinationRadians()), 0.1);
        assertEquals(0, Math.toDegrees(SolarDay.of(80).declinationRadians()), 0.5);
        // perihelion in early January, aphelion in early July: ±3.3 % around the solar constant
        assertEquals(1367 * 1.0334, SolarDay.of(3).extraterrestrialIrradiance(), 0.5);
        assertEquals(1367 * (1 - 0.0334), SolarDay.of(185).extraterrestrialIrradiance(), 0.5);
    }

    @Test
    void monthsOfTheYear() {
        assertEquals(0, Calendar365.monthOf(31));
        assertEquals(1, Calendar365.monthOf(32));
        assertEquals(1, Calendar365.monthOf(59));
        assertEquals(2, Calendar365.monthOf(60));
        assertEquals(11, Calendar365.monthOf(365));
    }
}
