package org.eemt.geo.solar.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.solar.model.DailyIrradiation;
import org.eemt.geo.solar.model.SampleBySampleModel;
import org.eemt.geo.solar.model.ShadowByHorizon;
import org.eemt.geo.solar.model.SolarParameters;
import org.eemt.geo.solar.model.SolarTile;
import org.eemt.geo.terrain.MetricCellSize;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast {@link SolarTileModel} against the plain {@link SampleBySampleModel} (SCIENCE.md §2 written out sample by
 * sample, as plainly as the equations read: every sample time t = (k + ½)·step with the sun above the horizontal, the
 * exact air mass and τ (no tables), Muneer's diffuse in its three cases, no grouping of samples, no tabulated sums).
 * The terrain shadow of the equations is the plain one by horizon ({@link ShadowByHorizon}, every azimuth marched
 * cell by cell), so this checks the radiation arithmetic and its restructurings (groups of samples, {@link FullSunSums},
 * branch-free sunlit counts) with the fast {@link HorizonShadow}'s decisions too ({@link ShadowsSampleBySampleTest}
 * compares the shadows alone).
 */
class EquationsSampleBySampleTest {
    /** Worst relative difference allowed (a few float ulps): the model's air-mass and τ tables and {@link FullSunSums}' interpolation stay below it. */
    private static final double BOUND = 5e-7;

    @ParameterizedTest
    @CsvSource({
            "sample, 80, 60, 60, 0.25",     // projected (UTM 13N): every cell its own latitude
            "sample, 355, 90, 20, 0.25",
            "sample, 172, 10, 140, 0.35",   // a grid not symmetric about noon: groups of one sample
            "zion, 20, 200, 150, 0.25",     // geographic: rows share the latitude and the sun's directions
            "zion, 172, 300, 250, 0.25",
            "peru, 200, 20, 20, 0.25"})     // southern hemisphere
    void dailySumsFollowTheEquations(String dem, int dayOfYear, int x0, int y0, double step) throws InterruptedException {
        TestTerrain.WholeDem whole = TestTerrain.WholeDem.named(dem);
        RasterGrid grid = whole.grid();
        SolarParameters p = SolarParameters.defaults().withStep(step).withHorizon(3_000, 64);
        PixelWindow core = new PixelWindow(x0, y0, Math.min(60, grid.columns() - x0), Math.min(50, grid.rows() - y0));
        SolarTile tile = whole.tile(core, p);
        // the march alone: the sweep of far terrain is held to the march by HorizonSweepTest
        TerrainShadow shadow = HorizonShadow.compute(tile, new MetricCellSize(grid), p.horizonDistanceMetres(),
                p.horizonAzimuths(), SunAzimuths.of(grid, tile.convergence(p.north())), 1, Integer.MAX_VALUE);
        DailyIrradiation model = SolarTileModel.withShadow(tile, p, shadow).day(dayOfYear);
        DailyIrradiation equations = SampleBySampleModel.day(tile, p,
                new ShadowByHorizon(tile, p.horizonDistanceMetres(), p.horizonAzimuths()), dayOfYear);

        double worstTopo = 0;
        double worstFlat = 0;
        int cells = 0;
        for (int i = 0; i < model.globalTopo().length; i++) {
            assertEquals(Float.isNaN(equations.globalFlat()[i]), Float.isNaN(model.globalFlat()[i]), "NoData at cell " + i);
            if (Float.isNaN(equations.globalTopo()[i])) {
                assertTrue(Float.isNaN(model.globalTopo()[i]), "topo NoData at cell " + i);
                continue;
            }
            cells++;
            worstTopo = Math.max(worstTopo, relative(model.globalTopo()[i], equations.globalTopo()[i]));
            worstFlat = Math.max(worstFlat, relative(model.globalFlat()[i], equations.globalFlat()[i]));
            assertEquals(equations.insolationHours()[i], model.insolationHours()[i], "insolation hours at cell " + i);
        }
        System.out.printf(Locale.ROOT, "%s day %d step %s: %d cells, worst relative difference topo %.2e, flat %.2e%n",
                dem, dayOfYear, step, cells, worstTopo, worstFlat);
        assertTrue(cells > 2000, "cells compared: " + cells);
        assertTrue(worstTopo <= BOUND, "topo: " + worstTopo);
        assertTrue(worstFlat <= BOUND, "flat: " + worstFlat);
    }

    private static double relative(float value, float reference) {
        return Math.abs(value - reference) / Math.max(Math.abs(reference), 1);
    }
}
