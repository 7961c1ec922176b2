package org.eemt.geo.solar.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.eemt.geo.raster.CellCoordinates;
import org.eemt.geo.raster.GeoTiffWriter;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.solar.ErrorStatistics;
import org.eemt.geo.solar.model.DailyIrradiation;
import org.eemt.geo.solar.model.Shading;
import org.eemt.geo.solar.model.SolarDay;
import org.eemt.geo.solar.model.SolarParameters;
import org.eemt.geo.solar.model.SolarTile;
import org.eemt.geo.terrain.MetricCellSize;
import org.eemt.geo.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opengis.referencing.operation.MathTransform;

/**
 * GRASS 8.2 r.sun's terrain shadows in a lat/lon location, measured as a black box against
 * geometry, against r.sun in a UTM location and against the Java ray ({@link Shading#RAY}).
 *
 * <p>Towers on flat grids, written with the project's GeoTIFF writer and imported by
 * {@link GrassOracle} ({@code grass --tmp-location DEM}, {@code r.in.gdal}, {@code g.region
 * raster=dem}); a cell counts as shadowed by r.sun when its {@code incidout} is null or its
 * {@code beam_rad} is 0 at {@code time=t}. GRASS's own copy of each DEM is read back to check that
 * the tower is in the cell where the test put it.
 *
 * <p>Measured: in a lat/lon location r.sun's shadows match, cell for cell, a ray marched in
 * <em>degree</em> space (one cell per step, the sun's azimuth applied as if cells were square) whose
 * distance is only the north–south separation of the observer and the sampled centre (rows x the
 * row height in metres): a sun due east or west sees every obstacle on its row as at distance 0. So
 * the shadows are far too long, the more so the nearer the sun's azimuth to east or west, and
 * slightly rotated. In a UTM location, and in lat/lon when r.sun reads horizon maps made by
 * {@code r.horizon} instead of marching its own ray, r.sun's shadows are geometric and agree with
 * the Java ray. On the Zion DEM this rule accounts for the whole difference between the Java ray
 * and r.sun in its lat/lon location, and r.sun in UTM on the warped DEM sides with the Java ray.
 * Hence r.sun's own shading in lat/lon locations is not a usable reference, and
 * {@code RsunRayTest} compares Zion in UTM 12N ({@link RsunCase#zionUtm(int)}).
 */
class RsunLatLonShadowTest {
    private static final int DAY = 172;

    @BeforeAll
    static void grass() {
        GrassOracle.requireGrass();
    }

    /**
     * A 20 m tower on 3″ cells at 37.28° N, day 172, when the sun stands due east of the tower's row
     * (azimuth 90°, altitude 41°): geometry casts a 23 m shadow, less than a cell, so no cell is
     * shadowed, as the Java ray and r.sun in UTM (same tower on 30 m cells) say. r.sun in lat/lon
     * shadows the whole row west of the tower, 500 cells (37 km) to the edge of the map.
     */
    @Test
    void sunDueEastShadowsTheWholeRowInLatLonOnly() throws Exception {
        double time = 12 - 12 / Math.PI * Math.acos(Math.tan(SolarDay.of(DAY).declinationRadians())
                / Math.tan(Math.toRadians(37.28375)));
        int columns = 1001;
        int rows = 21;
        RasterGrid geographic = RasterGrid.of(columns, rows, -113.5, 37.2925, 1 / 1200.0, 1 / 1200.0,
                CommonCRS.WGS84.normalizedGeographic());
        RasterGrid utm = RasterGrid.of(columns, rows, 300000, 4128315, 30, 30, CRS.forCode("EPSG:32612"));
        double[] times = {time};
        Tower ll = new Tower(geographic, 500, 10, 20);
        Tower projected = new Tower(utm, 500, 10, 20);
        boolean[] rsunLatLon = ll.rsun(times)[0];
        boolean[] rsunUtm = projected.rsun(times)[0];
        boolean[] java = ll.java(time);
        int westOnRow = 0;
        for (int c = 0; c < ll.column; c++) {
            westOnRow += rsunLatLon[ll.row * columns + c] ? 1 : 0;
        }
        double[] sun = ll.sun(ll.row, time);
        System.out.printf("sun due east, day %d t=%.4f h: azimuth %.2f°, altitude %.2f°, geometric shadow of the 20 m tower %.0f m%n",
                DAY, time, Math.toDegrees(sun[0]), Math.toDegrees(Math.asin(sun[1])), 20 / Math.tan(Math.asin(sun[1])));
        System.out.printf("  r.sun lat/lon: %d shadowed cells, %d of the %d cells west of the tower on its row (%.0f m)%n",
                count(rsunLatLon), westOnRow, ll.column, ll.column * new MetricCellSize(geographic).dx(ll.row));
        System.out.printf("  r.sun UTM: %d shadowed cells; Java ray (lat/lon): %d%n", count(rsunUtm), count(java));
        assertEquals(90, Math.toDegrees(sun[0]), 0.01);
        assertEquals(0, count(java), "Java ray");
        assertEquals(0, count(rsunUtm), "r.sun in UTM");
        assertEquals(ll.column, westOnRow, "r.sun in lat/lon shadows the row west of the tower to the map edge");
    }

    /**
     * A 500 m tower on 201 x 201 cells, day 172, 6:00 to 12:00 solar time. In lat/lon (3″ cells at
     * 37.28° N) r.sun's shadow masks equal those of the measured rule (class comment) within 1 % of
     * their cells, and at 6:00–10:00 reach at least twice as far as geometry; the Java ray's
     * masks end where geometry says ({@link LatLonShadowGeometryTest}). In UTM (30 m cells) r.sun's
     * masks equal the Java ray's within 1 %. r.sun in lat/lon reading horizon maps from
     * {@code r.horizon} (1° steps) instead of marching its own ray casts shadows that end within 2.5
     * cell diagonals of geometry, as the Java ray's do.
     */
    @Test
    void latLonShadowsFollowTheNorthSouthSeparationOnly() throws Exception {
        double[] times = {6, 7, 8, 9, 10, 12};
        Tower ll = new Tower(RasterGrid.of(201, 201, -113.1, 37.2 + 201 / 1200.0, 1 / 1200.0, 1 / 1200.0,
                CommonCRS.WGS84.normalizedGeographic()), 100, 100, 500);
        Tower utm = new Tower(RasterGrid.of(201, 201, 300000, 4130000 + 30.0 * 201, 30, 30, CRS.forCode("EPSG:32612")),
                100, 100, 500);
        boolean[][] rsunLatLon = ll.rsun(times);
        boolean[][] rsunUtm = utm.rsun(times);
        boolean[][] rsunHorizonMaps = ll.rsun(times, true);
        double cellDiagonal = Math.hypot(ll.size.dx(ll.row), ll.size.dy(ll.row));
        int ruleMismatch = 0;
        int rsunCells = 0;
        int utmMismatch = 0;
        int utmCells = 0;
        for (int k = 0; k < times.length; k++) {
            double t = times[k];
            boolean[] rule = ll.measuredLatLonRule(t);
            boolean[] java = ll.java(t);
            boolean[] javaUtm = utm.java(t);
            double[] sun = ll.sun(ll.row, t);
            double geometry = 500 / Math.tan(Math.asin(sun[1]));
            double[] rsunEnd = ll.farthest(rsunLatLon[k]);
            double[] javaEnd = ll.farthest(java);
            double[] horizonEnd = ll.farthest(rsunHorizonMaps[k]);
            int m = mismatches(rsunLatLon[k], rule);
            int mu = mismatches(rsunUtm[k], javaUtm);
            System.out.printf("t=%4.1f h0=%4.1f° A=%5.1f°: geometry %5.0f m toward %5.1f°; lat/lon r.sun %3d cells to %5.0f m toward %5.1f°,"
                            + " Java ray to %5.0f m toward %5.1f°, r.sun vs measured rule %d cells differ; UTM r.sun %3d cells, vs Java %d differ;"
                            + " lat/lon r.sun with r.horizon maps to %5.0f m toward %5.1f°%n",
                    t, Math.toDegrees(Math.asin(sun[1])), Math.toDegrees(sun[0]), geometry, (Math.toDegrees(sun[0]) + 180) % 360,
                    count(rsunLatLon[k]), rsunEnd[0], rsunEnd[1], javaEnd[0], javaEnd[1], m, count(rsunUtm[k]), mu, horizonEnd[0], horizonEnd[1]);
            ruleMismatch += m;
            rsunCells += count(rsunLatLon[k]);
            utmMismatch += mu;
            utmCells += count(rsunUtm[k]);
            if (t <= 10) {
                assertTrue(rsunEnd[0] >= 2 * geometry, "r.sun lat/lon shadow at t=" + t + " ends at " + rsunEnd[0] + " m");
                assertEquals(geometry, horizonEnd[0], 2.5 * cellDiagonal, "r.sun with r.horizon maps at t=" + t);
            }
        }
        assertTrue(ruleMismatch <= 0.01 * rsunCells, ruleMismatch + " of " + rsunCells + " cells differ from the measured rule");
        assertTrue(utmMismatch <= 0.01 * utmCells, utmMismatch + " of " + utmCells + " UTM cells differ from the Java ray");
    }

    /**
     * The Zion DEM (lat/lon, 3″) against the sum of r.sun's instantaneous mode in its lat/lon
     * location, days 80 and 355, as {@code RsunRayTest} compares: the Java ray (geometric shadows)
     * is more than 1 % above r.sun on average, while the same equations with the measured rule
     * ({@link MeasuredLatLonRsunShadow}) in place of the ray meet {@code RsunRayTest}'s bounds
     * (MARE ≤ 0.2 %, P95 ≤ 1 %, insolation ≤ 0.05 h MAE). So r.sun's lat/lon shadow rule is the
     * whole difference.
     */
    @Test
    void zionDifferenceFromRsunLatLonIsItsShadowRule() throws Exception {
        RsunReference reference = new RsunReference(new RsunCase(RsunCase.ZION));
        SolarTile tile = reference.tile();
        SolarParameters parameters = RsunCase.parameters(Shading.RAY);
        SolarTileModel ray = SolarTileModel.prepare(tile, parameters);
        SolarTileModel rule = SolarTileModel.withShadow(tile, parameters, new MeasuredLatLonRsunShadow(tile));
        for (int day : new int[] {80, 355}) {
            Path out = reference.instantaneousSums(day);
            float[] global = RsunReference.scaled(GrassOracle.read(out.resolve("gsum.tif")), 0.25f);
            float[] hours = RsunReference.scaled(GrassOracle.read(out.resolve("bcount.tif")), 0.25f);
            DailyIrradiation geometric = ray.day(day);
            DailyIrradiation measured = rule.day(day);
            ErrorStatistics gRay = ErrorStatistics.of(geometric.globalTopo(), global, 1);
            ErrorStatistics gRule = ErrorStatistics.of(measured.globalTopo(), global, 1);
            double hRay = ErrorStatistics.of(geometric.insolationHours(), hours, 0).meanAbsolute();
            double hRule = ErrorStatistics.of(measured.insolationHours(), hours, 0).meanAbsolute();
            System.out.printf("zion (lat/lon) day %d against r.sun time= sums in its lat/lon location%n"
                            + "  Java ray (geometric)  %s, insolation MAE %.4f h%n  measured r.sun rule   %s, insolation MAE %.4f h%n",
                    day, gRay, hRay, gRule, hRule);
            assertTrue(gRule.cells() > 0.9 * global.length, "too few cells compared: " + gRule.cells());
            assertTrue(gRay.meanRelative() > 0.01, "day " + day + " ray: " + gRay);
            assertTrue(gRule.meanAbsoluteRelative() <= 0.002, "day " + day + " rule: " + gRule);
            assertTrue(gRule.p95Relative() <= 0.01, "day " + day + " rule: " + gRule);
            assertTrue(hRule <= 0.05, "day " + day + " rule insolation MAE " + hRule);
        }
    }

    /**
     * Which of the two is right on Zion, judged by a third: r.sun in a UTM location on the same
     * terrain, the Zion DEM warped to UTM 12N with 45 m cells ({@link RsunCase#zionUtm(int)}), where
     * r.sun's shadows are geometric ({@code RsunRayTest} checks the Java ray against it at 90 m). Each lat/lon cell is paired
     * with the UTM cell that contains its centre, over the lat/lon cells inside the UTM rectangle,
     * and the means of the day's global irradiation (sums of {@code time=t}, days 80 and 355) are
     * compared: the Java ray on the lat/lon DEM is within 0.5 % of r.sun in UTM, r.sun in lat/lon is
     * more than 1 % below it. Also printed: the unshaded means (Java without shading, both grids)
     * and the shadow loss 1 − shaded / unshaded of each. (With 90 m UTM cells the warped terrain is
     * smoother: r.sun in UTM then loses 1.35 % / 3.35 % to shadows instead of 1.52 % / 3.66 %, the
     * Java ray on the lat/lon DEM 1.68 % / 4.06 %.)
     */
    @Test
    void zionJavaLatLonAgreesWithRsunInUtm() throws Exception {
        RsunCase latLon = new RsunCase(RsunCase.ZION);
        RsunReference reference = new RsunReference(latLon);
        RsunCase utm = new RsunCase(RsunCase.zionUtm(45));
        RsunReference utmReference = new RsunReference(utm);
        SolarTileModel ray = SolarTileModel.prepare(reference.tile(), RsunCase.parameters(Shading.RAY));
        SolarTileModel unshaded = SolarTileModel.prepare(reference.tile(), RsunCase.parameters(Shading.NONE));
        SolarTileModel unshadedUtm = SolarTileModel.prepare(utmReference.tile(), RsunCase.parameters(Shading.NONE));
        int n = latLon.elevation.length;
        int[] pair = new int[n];
        MathTransform toUtm = CRS.findOperation(latLon.grid.crs(), utm.grid.crs(), null).getMathTransform();
        double[] point = new double[2];
        for (int i = 0; i < n; i++) {
            point[0] = latLon.grid.centreX(i % latLon.grid.columns());
            point[1] = latLon.grid.centreY(i / latLon.grid.columns());
            toUtm.transform(point, 0, point, 0, 1);
            int c = (int) Math.floor((point[0] - utm.grid.originX()) / utm.grid.cellWidth());
            int r = (int) Math.floor((utm.grid.originY() - point[1]) / utm.grid.cellHeight());
            pair[i] = c < 0 || r < 0 || c >= utm.grid.columns() || r >= utm.grid.rows() ? -1 : r * utm.grid.columns() + c;
        }
        for (int day : new int[] {80, 355}) {
            float[] rsunLatLon = GrassOracle.read(reference.instantaneousSums(day).resolve("gsum.tif"));
            float[] rsunUtm = GrassOracle.read(utmReference.instantaneousSums(day).resolve("gsum.tif"));
            float[] java = ray.day(day).globalTopo();
            float[] none = unshaded.day(day).globalTopo();
            float[] noneUtm = unshadedUtm.day(day).globalTopo();
            double sumNone = 0;
            double sumNoneUtm = 0;
            double sumJava = 0;
            double sumLatLon = 0;
            double sumUtm = 0;
            int cells = 0;
            for (int i = 0; i < n; i++) {
                if (pair[i] < 0 || Float.isNaN(java[i]) || Float.isNaN(rsunLatLon[i]) || Float.isNaN(rsunUtm[pair[i]])) {
                    continue;
                }
                sumJava += java[i];
                sumLatLon += 0.25 * rsunLatLon[i];
                sumUtm += 0.25 * rsunUtm[pair[i]];
                sumNone += none[i];
                sumNoneUtm += noneUtm[pair[i]];
                cells++;
            }
            System.out.printf("  unshaded (Java, no shading) lat/lon %.1f, UTM %.1f (%+.3f %%); shadow loss: r.sun UTM %.3f %%, Java lat/lon %.3f %%, r.sun lat/lon %.3f %%%n",
                    sumNone / cells, sumNoneUtm / cells, 100 * (sumNone / sumNoneUtm - 1), 100 * (1 - sumUtm / sumNoneUtm),
                    100 * (1 - sumJava / sumNone), 100 * (1 - sumLatLon / sumNone));
            double javaVsUtm = sumJava / sumUtm - 1;
            double latLonVsUtm = sumLatLon / sumUtm - 1;
            System.out.printf("zion day %d, %d lat/lon cells paired with UTM cells, mean global irradiation (Wh m-2):"
                            + " r.sun UTM %.1f, Java ray lat/lon %.1f (%+.3f %%), r.sun lat/lon %.1f (%+.3f %%)%n",
                    day, cells, sumUtm / cells, sumJava / cells, 100 * javaVsUtm, sumLatLon / cells, 100 * latLonVsUtm);
            assertTrue(cells > 0.7 * n, "too few cells paired: " + cells);
            assertTrue(Math.abs(javaVsUtm) <= 0.005, "Java lat/lon vs r.sun UTM, day " + day + ": " + javaVsUtm);
            assertTrue(latLonVsUtm < -0.01, "r.sun lat/lon vs r.sun UTM, day " + day + ": " + latLonVsUtm);
        }
    }

    private static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return n;
    }

    private static int mismatches(boolean[] a, boolean[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            n += a[i] != b[i] ? 1 : 0;
        }
        return n;
    }

    /** A plain at 1000 m with one tower cell, as a DEM file and as a Java tile. */
    private static final class Tower {
        final RasterGrid grid;
        final int column;
        final int row;
        final float[] z;
        final SolarTile tile;
        final MetricCellSize size;
        final double[] latitude;

        Tower(RasterGrid grid, int column, int row, double height) {
            this.grid = grid;
            this.column = column;
            this.row = row;
            int n = Math.toIntExact(grid.cells());
            z = new float[n];
            Arrays.fill(z, 1000);
            z[row * grid.columns() + column] = (float) (1000 + height);
            float[] flat = new float[n];
            float[] noAspect = new float[n];
            Arrays.fill(noAspect, Float.NaN);
            PixelWindow all = grid.extent();
            tile = new SolarTile(grid, 1000 + height, all, z, all, flat, noAspect);
            size = new MetricCellSize(grid);
            latitude = new double[grid.rows()];
            for (int r = 0; r < grid.rows(); r++) {
                latitude[r] = CellCoordinates.latitudesRadians(grid, new PixelWindow(0, r, 1, 1))[0];
            }
        }

        /** Compass azimuth (radians) and sin h0 of the sun seen from row {@code r} at solar time {@code t}. */
        double[] sun(int r, double t) {
            double d = SolarDay.of(DAY).declinationRadians();
            double w = (t - 12) * Math.PI / 12;
            double phi = latitude[r];
            double sin = Math.sin(phi) * Math.sin(d) + Math.cos(phi) * Math.cos(d) * Math.cos(w);
            double north = Math.cos(phi) * Math.sin(d) - Math.sin(phi) * Math.cos(d) * Math.cos(w);
            double east = -Math.cos(d) * Math.sin(w);
            return new double[] {(Math.atan2(east, north) + 2 * Math.PI) % (2 * Math.PI), sin};
        }

        /** r.sun's shadow masks at the given solar times (GRASS, cached by {@link GrassOracle}). */
        boolean[][] rsun(double[] times) throws Exception {
            return rsun(times, false);
        }

        /**
         * r.sun's shadow masks at the given solar times; with {@code horizonMaps}, r.sun reads
         * horizon angles from {@code r.horizon} (1° steps) instead of marching its own ray.
         */
        boolean[][] rsun(double[] times, boolean horizonMaps) throws Exception {
            String name = String.format("tower_%s_%dx%d_%d_%d_%.0f.tif", grid.geographic() ? "ll" : "utm", grid.columns(), grid.rows(),
                    column, row, z[row * grid.columns() + column] - 1000);
            Path dir = TestData.projectDir().resolve("geo/target/test-dems");
            Files.createDirectories(dir);
            Path dem = dir.resolve(name);
            GeoTiffWriter.writeLocal(grid, z, dem);
            StringBuilder s = new StringBuilder(GrassOracle.export("dem"));
            if (horizonMaps) {
                s.append("r.horizon --quiet elevation=dem step=1 output=hor\n");
            }
            for (int k = 0; k < times.length; k++) {
                s.append("r.sun --quiet elevation=dem slope_value=0 aspect_value=0 day=").append(DAY).append(" time=").append(times[k])
                        .append(" beam_rad=b incidout=inc").append(horizonMaps ? " horizon_basename=hor horizon_step=1" : "").append('\n');
                s.append("r.mapcalc --quiet \"s").append(k).append(" = if(isnull(inc) || b == 0, 1, 0)\"\n");
                s.append(GrassOracle.export("s" + k));
            }
            Path out = GrassOracle.run(dem, s.toString());
            float[] imported = GrassOracle.read(out.resolve("dem.tif"));
            for (int i = 0; i < z.length; i++) {
                assertEquals(z[i], imported[i], "GRASS's copy of " + name + " at cell " + i);
            }
            boolean[][] masks = new boolean[times.length][];
            for (int k = 0; k < times.length; k++) {
                float[] m = GrassOracle.read(out.resolve("s" + k + ".tif"));
                masks[k] = new boolean[m.length];
                for (int i = 0; i < m.length; i++) {
                    masks[k][i] = m[i] == 1;
                }
            }
            return masks;
        }

        /** The Java ray's shadow mask ({@link RayShadow}). */
        boolean[] java(double t) {
            return mask(new RayShadow(tile, size, 1e6), t);
        }

        /** The shadow mask of r.sun's measured lat/lon rule ({@link MeasuredLatLonRsunShadow}). */
        boolean[] measuredLatLonRule(double t) {
            return mask(new MeasuredLatLonRsunShadow(tile), t);
        }

        private boolean[] mask(TerrainShadow shadow, double t) {
            boolean[] mask = new boolean[z.length];
            for (int i = 0; i < z.length; i++) {
                double[] sun = sun(i / grid.columns(), t);
                double cosAltitude = Math.sqrt(1 - sun[1] * sun[1]);
                mask[i] = sun[1] > 0 && shadow.isShadowed(i, SunDirection.of(cosAltitude * Math.sin(sun[0]), cosAltitude * Math.cos(sun[0]), sun[1]));
            }
            return mask;
        }

        /** Distance (m) and compass bearing (°) from the tower to the farthest shadowed cell. */
        double[] farthest(boolean[] mask) {
            double best = 0;
            double bearing = Double.NaN;
            for (int i = 0; i < mask.length; i++) {
                if (!mask[i] || i == row * grid.columns() + column) {
                    continue;
                }
                double ex = (i % grid.columns() - column) * size.dx(row);
                double ny = (row - i / grid.columns()) * size.dy(row);
                if (Math.hypot(ex, ny) > best) {
                    best = Math.hypot(ex, ny);
                    bearing = (Math.toDegrees(Math.atan2(ex, ny)) + 360) % 360;
                }
            }
            return new double[] {best, bearing};
        }
    }
}
