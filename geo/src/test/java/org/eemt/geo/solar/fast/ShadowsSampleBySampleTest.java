package org.eemt.geo.solar.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.eemt.geo.raster.CellCoordinates;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.solar.model.ShadowByHorizon;
import org.eemt.geo.solar.model.ShadowByRay;
import org.eemt.geo.solar.model.SolarDay;
import org.eemt.geo.solar.model.SolarParameters;
import org.eemt.geo.solar.model.SolarTile;
import org.eemt.geo.solar.model.SunPosition;
import org.eemt.geo.terrain.MetricCellSize;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast shadow tests against the plain ones of the model (SCIENCE.md Eq. 2.28–2.29), sample for
 * sample: every core cell at every sample time t = (k + ½)·step of a day with the sun up.
 * <ul>
 *   <li>{@link RayShadow} against {@link ShadowByRay}: the same decision at every sample, the plain
 *       ray pointed at the fast path's rounded azimuth (its one documented approximation: azimuths
 *       rounded to 0.01°, so that rays are shared). How many decisions that rounding changes against
 *       the sun's exact azimuth is printed.</li>
 *   <li>{@link HorizonShadow} against {@link ShadowByHorizon}: the interpolated horizon angle toward
 *       the sun within {@value #ANGLE_TOLERANCE} rad (the fast path keeps its angles as floats: half an
 *       ulp at π/2 is 6e-8), and the same decision wherever the sun's altitude is farther than that
 *       from the angle.</li>
 * </ul>
 */
class ShadowsSampleBySampleTest {
    private static final double ANGLE_TOLERANCE = 1e-7;

    @ParameterizedTest
    @CsvSource({
            "sample, 355, 90, 20",   // projected (UTM 13N), low winter sun: long shadows
            "sample, 172, 10, 140",
            "zion, 20, 200, 150",    // geographic: cell sizes change with the row
            "peru, 200, 20, 20"})    // southern hemisphere
    void fastShadowsDecideAsThePlainOnes(String dem, int dayOfYear, int x0, int y0) throws InterruptedException {
        TestTerrain.WholeDem whole = TestTerrain.WholeDem.named(dem);
        RasterGrid grid = whole.grid();
        SolarParameters p = SolarParameters.defaults().withHorizon(3_000, 64);
        PixelWindow core = new PixelWindow(x0, y0, Math.min(40, grid.columns() - x0), Math.min(30, grid.rows() - y0));
        SolarTile tile = whole.tile(core, p);
        MetricCellSize cellSize = new MetricCellSize(grid);
        RayShadow fastRay = new RayShadow(tile, cellSize, p.horizonDistanceMetres());
        ShadowByRay plainRay = new ShadowByRay(tile, p.horizonDistanceMetres());
        // the march alone: the sweep of far terrain is held to the march by HorizonSweepTest
        HorizonShadow fastHorizon = HorizonShadow.compute(tile, cellSize, p.horizonDistanceMetres(), p.horizonAzimuths(),
                SunAzimuths.of(grid, null), 1, Integer.MAX_VALUE);
        ShadowByHorizon plainHorizon = new ShadowByHorizon(tile, p.horizonDistanceMetres(), p.horizonAzimuths());

        double declination = SolarDay.of(dayOfYear).declinationRadians();
        double[] latitude = CellCoordinates.latitudesRadians(grid, core);
        int samples = (int) Math.ceil(24 / p.stepHours() - 0.5);
        long tests = 0;
        long rayShadowed = 0;
        long changedByRounding = 0;
        long horizonShadowed = 0;
        long horizonTies = 0;
        double worstAngle = 0;
        for (int cell = 0; cell < latitude.length; cell++) {
            if (Float.isNaN(tile.elevationAt(core.x0() + cell % core.width(), core.y0() + cell / core.width()))) {
                continue;
            }
            for (int k = 0; k < samples; k++) {
                SunPosition sun = SunPosition.at(latitude[cell], declination, (k + 0.5) * p.stepHours());
                if (!(sun.sinAltitude() > 0)) {
                    continue;
                }
                tests++;
                SunDirection direction = SunDirection.of(sun.eastward(), sun.northward(), sun.sinAltitude());
                int bin = (int) Math.round(direction.azimuth() * (RayShadow.AZIMUTH_BINS / (2 * Math.PI))) % RayShadow.AZIMUTH_BINS;
                boolean plain = plainRay.isShadowed(cell, sun, bin * (2 * Math.PI / RayShadow.AZIMUTH_BINS));
                assertEquals(plain, fastRay.isShadowed(cell, direction), dem + " ray: cell " + cell + ", sample " + k);
                rayShadowed += plain ? 1 : 0;
                changedByRounding += plain != plainRay.isShadowed(cell, sun) ? 1 : 0;

                double plainAngle = plainHorizon.angle(cell, sun.azimuth());
                double fastAngle = fastHorizon.angle(cell, direction.azimuth());
                worstAngle = Math.max(worstAngle, Math.abs(plainAngle - fastAngle));
                assertTrue(Math.abs(plainAngle - fastAngle) <= ANGLE_TOLERANCE,
                        dem + " horizon angle: cell " + cell + ", sample " + k + ": " + fastAngle + " vs " + plainAngle);
                boolean plainHidden = plainHorizon.isShadowed(cell, sun);
                horizonShadowed += plainHidden ? 1 : 0;
                if (Math.abs(plainAngle - Math.asin(sun.sinAltitude())) <= ANGLE_TOLERANCE) {
                    horizonTies++;
                } else {
                    assertEquals(plainHidden, fastHorizon.isShadowed(cell, direction), dem + " horizon: cell " + cell + ", sample " + k);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s day %d: %d shadow tests; ray: %d shadowed, all equal, %d changed by the 0.01° azimuth rounding; "
                        + "horizon: %d shadowed, worst angle difference %.1e rad, %d within it of the sun (not compared)%n",
                dem, dayOfYear, tests, rayShadowed, changedByRounding, horizonShadowed, worstAngle, horizonTies);
        assertTrue(tests > 20_000, "tests: " + tests);
        assertTrue(rayShadowed > 0 && horizonShadowed > 0, "some samples are shadowed");
    }
}
