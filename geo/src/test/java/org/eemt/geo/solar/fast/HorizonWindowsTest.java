package org.eemt.geo.solar.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.eemt.geo.raster.CellCoordinates;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.solar.model.SolarDay;
import org.eemt.geo.solar.model.SolarParameters;
import org.eemt.geo.solar.model.SolarTile;
import org.eemt.geo.terrain.GridConvergence;
import org.eemt.geo.terrain.MetricCellSize;
import org.eemt.geo.terrain.North;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link HorizonShadow#verdict} and {@link HorizonShadow#interpolatedVerdict}, each from a day's
 * {@link HorizonWindows} against the horizon test with the sun's direction at each cell ({@link HorizonShadow#isShadowed}):
 * every core cell, every sample with the sun up, both halves of the day, the sun's direction turned into grid terms by
 * the cell's own grid convergence as {@link SunPath} turns it. A window
 * may leave a test undecided, never decide it otherwise; how many it decides is printed (and must be most of them, or
 * the test would hold for windows that decide nothing).
 */
class HorizonWindowsTest {

    @ParameterizedTest
    @CsvSource({
            "sample, 355, 0, 0",     // projected (UTM 13N), grid convergence, low winter sun
            "sample, 172, 60, 40",
            "zion, 20, 150, 100",    // geographic
            "peru, 200, 0, 0"})      // southern hemisphere
    void windowsDecideAsTheTestWithTheSunsDirection(String dem, int dayOfYear, int x0, int y0) throws InterruptedException {
        TestTerrain.WholeDem whole = TestTerrain.WholeDem.named(dem);
        RasterGrid grid = whole.grid();
        SolarParameters p = SolarParameters.defaults().withHorizon(3_000, 64);
        PixelWindow core = new PixelWindow(x0, y0, Math.min(120, grid.columns() - x0), Math.min(100, grid.rows() - y0));
        SolarTile tile = whole.tile(core, p);
        GridConvergence convergence = tile.convergence(North.TRUE);
        HorizonShadow horizon = HorizonShadow.compute(tile, new MetricCellSize(grid), p.horizonDistanceMetres(), p.horizonAzimuths(),
                SunAzimuths.of(grid, convergence), 1);
        double[] latitude = CellCoordinates.latitudesRadians(grid, core);
        double[] gamma = convergence == null ? new double[latitude.length] : convergence.radians(core);
        double minLatitude = Double.POSITIVE_INFINITY;
        double maxLatitude = Double.NEGATIVE_INFINITY;
        double minGamma = 0;
        double maxGamma = 0;
        for (int cell = 0; cell < latitude.length; cell++) {
            minLatitude = Math.min(minLatitude, latitude[cell]);
            maxLatitude = Math.max(maxLatitude, latitude[cell]);
            minGamma = Math.min(minGamma, gamma[cell]);
            maxGamma = Math.max(maxGamma, gamma[cell]);
        }
        SolarDay day = SolarDay.of(dayOfYear);
        SampleGroups groups = SampleGroups.of(p.stepHours());
        HorizonWindows windows = new HorizonWindows(groups, day, p.horizonAzimuths(), minLatitude, maxLatitude, minGamma, maxGamma);
        double sinDeclination = Math.sin(day.declinationRadians());
        double cosDeclination = Math.cos(day.declinationRadians());
        long tests = 0;
        long decided = 0;
        long decidedByInterpolation = 0;
        long shadowed = 0;
        for (int cell = 0; cell < latitude.length; cell++) {
            if (Float.isNaN(tile.elevationAt(core.x0() + cell % core.width(), core.y0() + cell / core.width()))) {
                continue;
            }
            double a = Math.sin(latitude[cell]) * sinDeclination;
            double b = Math.cos(latitude[cell]) * cosDeclination;
            double turnCos = Math.cos(gamma[cell]);
            double turnSin = Math.sin(gamma[cell]);
            for (int g = 0; g < groups.size(); g++) {
                double s = a + b * groups.cosHourAngle(g);
                if (!(s > 0)) {
                    continue;
                }
                double north = Math.cos(latitude[cell]) * sinDeclination - Math.sin(latitude[cell]) * cosDeclination * groups.cosHourAngle(g);
                for (int half = 0; half < (groups.paired(g) ? 2 : 1); half++) {
                    double east = (half == 0 ? -1 : 1) * cosDeclination * groups.sinHourAngle(g);
                    SunDirection sun = SunDirection.of(east * turnCos - north * turnSin, north * turnCos + east * turnSin, s);
                    boolean hidden = horizon.isShadowed(cell, sun);
                    int verdict = horizon.verdict(cell, windows, 2 * g + half);
                    // the day loop asks the interpolated bounds first: they must hold wherever they decide
                    int interpolated = horizon.interpolatedVerdict(cell, windows, 2 * g + half);
                    tests++;
                    shadowed += hidden ? 1 : 0;
                    if (interpolated >= 0) {
                        assertEquals(hidden ? 0 : 1, interpolated, dem + ": cell " + cell + ", group " + g + ", half " + half + " (interpolated)");
                    }
                    if (verdict >= 0) {
                        decided++;
                        assertEquals(hidden ? 0 : 1, verdict, dem + ": cell " + cell + ", group " + g + ", half " + half);
                    } else if (interpolated >= 0) {
                        decidedByInterpolation++;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s day %d: %d horizon tests, %d shadowed, %.1f %% decided by the windows' nodes, %.1f %% of the "
                + "others by the interpolated angle's bounds%n", dem, dayOfYear, tests, shadowed, 100.0 * decided / tests,
                100.0 * decidedByInterpolation / Math.max(1, tests - decided));
        assertTrue(tests > 100_000 && shadowed > 0, "tests " + tests + ", shadowed " + shadowed);
        assertTrue(decided > 0.8 * tests, "decided " + decided + " of " + tests);
        assertTrue(decidedByInterpolation > 0.5 * (tests - decided), "decided by interpolation " + decidedByInterpolation + " of " + (tests - decided));
    }
}
