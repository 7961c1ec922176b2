package org.eemt.geo.solar.fast;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.solar.model.SolarParameters;
import org.eemt.geo.solar.model.SolarTile;
import org.eemt.geo.terrain.MetricCellSize;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link HorizonShadow#sinAltitudeAlwaysLit} over an arc of azimuths is exact: a sun at that sin h0 whose azimuth lies on
 * the arc is never shadowed, whatever its azimuth there, also at the arc's ends and across north; and it is tighter than
 * the whole circle's bound where the highest horizon lies off the arc.
 */
class HorizonArcBoundTest {

    @ParameterizedTest
    @ValueSource(strings = {"sample", "zion"})
    void noSunOnTheArcAtTheBoundIsShadowed(String dem) throws InterruptedException {
        TestTerrain.WholeDem whole = TestTerrain.WholeDem.named(dem);
        RasterGrid grid = whole.grid();
        SolarParameters p = SolarParameters.defaults().withHorizon(3_000, 64);
        PixelWindow core = new PixelWindow(40, 40, Math.min(50, grid.columns() - 40), Math.min(40, grid.rows() - 40));
        SolarTile tile = whole.tile(core, p);
        HorizonShadow shadow = HorizonShadow.compute(tile, new MetricCellSize(grid), p.horizonDistanceMetres(), p.horizonAzimuths(),
                SunAzimuths.of(grid, null), 1);
        Random random = new Random(11);
        long tests = 0;
        int tighter = 0;
        int cells = 0;
        for (int cell = 0; cell < core.cells(); cell++) {
            if (Float.isNaN(tile.elevationAt(core.x0() + cell % core.width(), core.y0() + cell / core.width()))) {
                continue;
            }
            cells++;
            double whole360 = shadow.sinAltitudeAlwaysLit(cell, 0, 2 * Math.PI);
            for (int arc = 0; arc < 12; arc++) {
                // half days turned by a convergence of up to ±5°, and arcs of any length starting anywhere
                double from = arc < 4 ? (arc % 2) * Math.PI + Math.toRadians(-5 + 10 * random.nextDouble())
                        : -Math.PI + 3 * Math.PI * random.nextDouble();
                double to = from + (arc < 4 ? Math.PI : 2 * Math.PI * random.nextDouble());
                double bound = shadow.sinAltitudeAlwaysLit(cell, from, to);
                assertTrue(bound <= whole360, "an arc's bound above the whole circle's");
                tighter += bound < whole360 ? 1 : 0;
                if (bound >= 1) {
                    continue;
                }
                for (int k = 0; k <= 64; k++) {
                    // the ends exactly, and azimuths between
                    double azimuth = k == 0 ? from : k == 64 ? to : from + (to - from) * random.nextDouble();
                    double cosAltitude = Math.sqrt(1 - bound * bound);
                    SunDirection sun = SunDirection.of(cosAltitude * Math.sin(azimuth), cosAltitude * Math.cos(azimuth), bound);
                    assertFalse(shadow.isShadowed(cell, sun), dem + " cell " + cell + ": shadowed at azimuth " + azimuth
                            + " on the arc " + from + " … " + to + " at its bound " + bound);
                    tests++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d suns at the arc's bound, none shadowed; %d of %d arcs tighter than the whole circle%n",
                dem, tests, tighter, cells * 12);
        assertTrue(tests > 20_000, "tests: " + tests);
        assertTrue(tighter > cells * 12 / 4, "arcs tighter than the circle: " + tighter);
    }
}
