package org.eemt.geo.eemt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.eemt.geo.climate.CellClimate;
import org.junit.jupiter.api.Test;

/**
 * The whole model on a few cells whose year has one warm month (July) and eleven frozen ones,
 * so the annual EEMT is July's and can be worked out by hand.
 */
class EemtModelTest {
    private static final int JULY = 6;
    private static final int CELLS = 3;

    @Test
    void oneWarmMonthGivesTheHandComputedEemt() {
        EemtMaps maps = EemtModel.compute(cells(), climate(150), 6.49, 2);
        // Lapse: July T_max 28.245, T_min 18.245 at z_b 2000 m → at 2500 m: −6.49·0.5 = −3.245 → 25, 15; T = 20
        // TRAD: D(35.8°, day 196) = 14.20598 h; PET_H = 29.8·14.20598·2.338281/293.2·31 = 104.6603 mm
        //   F = 150 − 104.6603 = 45.3397 mm; E_PPT = 45.3397·4185.5·20/1e6 = 3.795388 MJ
        //   NPP = 3000/(1 + exp(1.315 − 2.38))·31/365 = 2230.935·31/365 = 189.4766 g; E_BIO = 0.1894766·22 = 4.168486 MJ
        //   EEMT_TRAD(July) = 7.963874 MJ/m²
        assertEquals(7.963874, maps.tradMonthly()[JULY][0], 1e-4);
        // TOPO: S_i = 1 in July → T_max,topo = 25; Penman PET = 269.9019 mm (as in FormulaTest)
        //   AET = 150·(1 + 1.799346 − (1 + 1.799346^2.63)^(1/2.63)) = 129.4081 mm; F = 1.2·(150 − 129.4081) = 24.71027 mm
        //   E_PPT = 24.71027·4185.5·20/1e6 = 2.068497 MJ; NPP = 0.39·2500 + 346·0.5 − 187 = 961 g, all in July (the only
        //   month with T > 0): E_BIO = 0.961·22 = 21.142 MJ; EEMT_TOPO(July) = 23.210497 MJ/m²
        assertEquals(23.210497, maps.topoMonthly()[JULY][0], 1e-4);
        // TOPO-VEG: LAI 4 → r_s = 125/2 = 62.5 s/m; PM = 238.325 mm > PPT → AET = 150, F = 0, E_PPT = 0;
        //   NPP = 196 + 36·20 − (0.61·20 − 12.0933)² = 915.9886 g → E_BIO = 20.151750 MJ
        assertEquals(20.151750, maps.topoVegMonthly()[JULY][0], 1e-4);
        // frozen months (T ≤ 0, including the polar-night months with S_flat = 0): nothing; the year is July
        for (int m = 0; m < 12; m++) {
            if (m != JULY) {
                assertEquals(0f, maps.tradMonthly()[m][0], "TRAD month " + m);
                assertEquals(0f, maps.topoMonthly()[m][0], "TOPO month " + m);
                assertEquals(0f, maps.topoVegMonthly()[m][0], "TOPO-VEG month " + m);
            }
        }
        assertEquals(maps.tradMonthly()[JULY][0], maps.tradAnnual()[0], 1e-6);
        assertEquals(maps.topoMonthly()[JULY][0], maps.topoAnnual()[0], 1e-6);
        assertEquals(maps.topoVegMonthly()[JULY][0], maps.topoVegAnnual()[0], 1e-6);
    }

    @Test
    void noRainLeavesOnlyTheBiologicalTerm() {
        EemtMaps maps = EemtModel.compute(cells(), climate(0), 6.49, 2);
        // TRAD: PPT 0 < PET_H → F = 0 and no Miami NPP → 0
        assertEquals(0f, maps.tradMonthly()[JULY][0]);
        // TOPO: AET = 0 (PPT = 0), F = 0; Eq. 11 NPP does not need rain: 21.142 MJ
        assertEquals(21.142, maps.topoMonthly()[JULY][0], 1e-4);
    }

    @Test
    void aMissingInputMakesTheCellNoDataInTheOutputsThatNeedIt() {
        EemtMaps maps = EemtModel.compute(cells(), climate(150), 6.49, 2);
        // cell 1 has no MCWI: EEMT_TRAD does not need it (same as cell 0), EEMT_TOPO and TOPO-VEG do
        assertEquals(maps.tradAnnual()[0], maps.tradAnnual()[1]);
        assertTrue(Float.isNaN(maps.topoAnnual()[1]) && Float.isNaN(maps.topoVegAnnual()[1]));
        // cell 2 has no T_max in March: every output, every month
        assertTrue(Float.isNaN(maps.tradAnnual()[2]) && Float.isNaN(maps.topoAnnual()[2]) && Float.isNaN(maps.topoVegAnnual()[2]));
        for (int m = 0; m < 12; m++) {
            assertTrue(Float.isNaN(maps.tradMonthly()[m][2]) && Float.isNaN(maps.topoMonthly()[m][2])
                    && Float.isNaN(maps.topoVegMonthly()[m][2]) && Float.isNaN(maps.topoMonthly()[m][1]), "month " + m);
        }
        assertTrue(Float.isFinite(maps.topoAnnual()[0]));
    }

    @Test
    void withoutVapourPressurePenmanTakesTheSaturationPressureAtTmin() {
        CellClimate c = climate(150);
        CellClimate noVapour = new CellClimate(c.tmaxCelsius(), c.tminCelsius(), c.precipitationMm(), null, c.baseElevationMetres());
        EemtMaps maps = EemtModel.compute(cells(), noVapour, 6.49, 2);
        // e_a = e°(15) = 1.705346 kPa instead of 1.2: e_s − e_a = 2.436562 − 1.705346 = 0.731216
        //   numerator = 1.0421294e8 + 0.8828723·1013·0.731216·2678400/120.93208 = 1.0421294e8 + 1.4483940e7 = 1.1869688e8
        //   PET = 1.1869688e8 / 476865.0 = 248.9108 mm; AET = 150·(1 + 1.659406 − (1 + 1.659406^2.63)^(1/2.63)) = 126.8133
        //   F = 1.2·(150 − 126.8133) = 27.82405; E_PPT = 27.82405·4185.5·20/1e6 = 2.329151; + E_BIO 21.142 = 23.471151
        assertEquals(23.471151, maps.topoMonthly()[JULY][0], 1e-4);
        // the cell without MCWI stays NoData; vapour pressure is not what it lacks
        assertTrue(Float.isNaN(maps.topoAnnual()[1]));
    }

    @Test
    void withoutLaiAndCanopyHeightThereIsNoTopoVeg() {
        EemtCells c = cells();
        EemtCells bare = new EemtCells(c.elevationMetres(), c.latitudeDegrees(), c.northness(), c.wetnessIndex(),
                c.sTopoWhPerM2(), c.sFlatWhPerM2(), null, null);
        EemtMaps maps = EemtModel.compute(bare, climate(150), 6.49, 2);
        assertEquals(null, maps.topoVegAnnual());
        assertEquals(23.210497, maps.topoAnnual()[0], 1e-4);
    }

    private static EemtCells cells() {
        float[] z = filled(2500);
        double[] lat = new double[CELLS];
        Arrays.fill(lat, 35.8);
        float[] mcwi = filled(1.2f);
        mcwi[1] = Float.NaN;
        float[][] sTopo = new float[12][];
        float[][] sFlat = new float[12][];
        for (int m = 0; m < 12; m++) {
            boolean polarNight = m == 0 || m == 11;
            sTopo[m] = filled(m == JULY ? 200000 : polarNight ? 0 : 50000);
            sFlat[m] = filled(m == JULY ? 200000 : polarNight ? 0 : 100000);
        }
        return new EemtCells(z, lat, filled(0.5f), mcwi, sTopo, sFlat, filled(4), filled(20));
    }

    private static CellClimate climate(float julyRain) {
        float[][] tmax = new float[12][];
        float[][] tmin = new float[12][];
        float[][] ppt = new float[12][];
        float[][] vp = new float[12][];
        for (int m = 0; m < 12; m++) {
            tmax[m] = filled(m == JULY ? 28.245f : -10);
            tmin[m] = filled(m == JULY ? 18.245f : -20);
            ppt[m] = filled(m == JULY ? julyRain : 30);
            vp[m] = filled(m == JULY ? 1200 : 300);
        }
        tmax[2][2] = Float.NaN;
        return new CellClimate(tmax, tmin, ppt, vp, filled(2000));
    }

    private static float[] filled(float value) {
        float[] a = new float[CELLS];
        Arrays.fill(a, value);
        return a;
    }
}
