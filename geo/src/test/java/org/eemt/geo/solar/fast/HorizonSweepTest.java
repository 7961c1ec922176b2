package org.eemt.geo.solar.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.solar.ErrorStatistics;
import org.eemt.geo.solar.model.SolarParameters;
import org.eemt.geo.solar.model.SolarTile;
import org.eemt.geo.terrain.MetricCellSize;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link HorizonSweep}: its far tangents equal a plain maximum over each line's points, and the horizon mode with the
 * sweep keeps the irradiation of the march alone (today's full-resolution horizons, same azimuths and distance)
 * within 0.1 % mean absolute and 0.5 % at the 95th percentile in annual S_topo (every fifth day), and 0.3 % mean on
 * day 355, on the sample DEM (10 m), Peru (30 m) and Zion warped to UTM 12N at 30 m.
 */
class HorizonSweepTest {
    private static final double R = TerrainShadow.EARTH_RADIUS_METRES;

    private record Dem(RasterGrid grid, float[] z) {
        static Dem read(Path file) {
            try (GeoTiffReader r = GeoTiffReader.open(file.toString())) {
                return new Dem(r.grid(), r.read(r.grid().extent()));
            }
        }

        SolarTile tile(PixelWindow core, SolarParameters p) {
            return TestTerrain.tile(grid, z, TestTerrain.horn(grid, z), TestTerrain.max(z), core, p);
        }
    }

    /** Zion's canyon warped to UTM 12N with 30 m cells (300 x 300), made once per build directory with gdalwarp. */
    private static Path zion30() throws IOException, InterruptedException {
        Path dir = TestData.projectDir().resolve("geo/target/test-dems");
        Path out = dir.resolve("zion_utm12n_30m_canyon.tif");
        if (!Files.exists(out)) {
            ExternalTool.require("gdalwarp");
            Files.createDirectories(dir);
            Path partial = dir.resolve("zion_utm12n_30m_canyon.partial.tif");
            ExternalTool.run(dir, List.of("gdalwarp", "-q", "-overwrite", "-t_srs", "EPSG:32612",
                    "-te", "320000", "4118000", "329000", "4127000", "-tr", "30", "30", "-r", "bilinear",
                    "-ot", "Float32", "-dstnodata", "-9999", RsunCase.ZION.toString(), partial.toString()));
            Files.move(partial, out);
        }
        return out;
    }

    private static Dem named(String name) throws IOException, InterruptedException {
        return Dem.read(switch (name) {
            case "sample" -> RsunCase.MCN;
            case "peru" -> RsunCase.PERU;
            case "zion30" -> zion30();
            default -> throw new IllegalArgumentException(name);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample", "peru", "zion30"})
    void sweptHorizonsKeepTheMarchsIrradiation(String name) throws Exception {
        Dem dem = named(name);
        SolarParameters p = SolarParameters.defaults();
        SolarTile tile = dem.tile(dem.grid().extent(), p);
        MetricCellSize cellSize = new MetricCellSize(dem.grid());
        SunAzimuths sun = SunAzimuths.of(dem.grid(), tile.convergence(p.north()));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long t0 = cpu.getCurrentThreadCpuTime();
        HorizonShadow march = HorizonShadow.compute(tile, cellSize, p.horizonDistanceMetres(), p.horizonAzimuths(), sun, 1,
                Integer.MAX_VALUE);
        long t1 = cpu.getCurrentThreadCpuTime();
        HorizonShadow swept = HorizonShadow.compute(tile, cellSize, p.horizonDistanceMetres(), p.horizonAzimuths(), sun, 1);
        long t2 = cpu.getCurrentThreadCpuTime();
        SolarTileModel reference = SolarTileModel.withShadow(tile, p, march);
        SolarTileModel model = SolarTileModel.withShadow(tile, p, swept);
        int cells = Math.toIntExact(tile.core().cells());
        float[] annualReference = new float[cells];
        float[] annual = new float[cells];
        for (int day = 1; day <= 365; day += 5) {
            add(annualReference, reference.day(day).globalTopo());
            add(annual, model.day(day).globalTopo());
        }
        ErrorStatistics year = ErrorStatistics.of(annual, annualReference, 1);
        ErrorStatistics solstice = ErrorStatistics.of(model.day(355).globalTopo(), reference.day(355).globalTopo(), 1);
        System.out.printf(Locale.ROOT, "%s, %d cells: horizons CPU march %.2f s, sweep %.2f s%n  annual (every 5th day) "
                        + "sweep vs march: %s%n  day 355 sweep vs march: %s%n",
                name, cells, (t1 - t0) / 1e9, (t2 - t1) / 1e9, year, solstice);
        assertTrue(year.cells() > 10_000, year.toString());
        assertTrue(year.meanAbsoluteRelative() <= 0.001, year.toString());
        assertTrue(year.p95Relative() <= 0.005, year.toString());
        assertTrue(solstice.meanAbsoluteRelative() <= 0.003, solstice.toString());
    }

    private static void add(float[] sum, float[] day) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += day[i];
        }
    }

    /**
     * On a tile of the sample DEM with a 40 x 30 core and two holes of NoData (one in the core, one east of it), every
     * core cell's far tangent toward 64 azimuths equals the largest tangent over the points of its line, walked one by
     * one; the cells without data get none.
     */
    @Test
    void farTangentsAreTheLargestOverEachLine() throws Exception {
        Dem sample = named("sample");
        float[] holed = sample.z().clone();
        int holeCells = 0;
        for (int r = 110; r < 114; r++) {
            for (int c = 100; c < 105; c++) {
                holed[r * sample.grid().columns() + c] = Float.NaN;   // in the core
                holed[r * sample.grid().columns() + c + 45] = Float.NaN;  // 16 cells east of it
                holeCells++;
            }
        }
        Dem dem = new Dem(sample.grid(), holed);
        double near = 80;
        double reach = 1_500;
        SolarParameters p = SolarParameters.defaults().withHorizon(reach, 64);
        SolarTile tile = dem.tile(new PixelWindow(90, 100, 40, 30), p);
        RasterGrid grid = dem.grid();
        double dx = new MetricCellSize(grid).dx(0);
        double dy = new MetricCellSize(grid).dy(0);
        HorizonSweep sweep = new HorizonSweep(tile, dx, dy, near, reach);
        int[] cells = new int[64];
        double[] tangents = new double[64];
        int compared = 0;
        int positive = 0;
        for (int k = 0; k < 64; k++) {
            double azimuth = 2 * Math.PI * k / 64;
            sweep.azimuth(azimuth);
            boolean[] seen = new boolean[Math.toIntExact(tile.core().cells())];
            for (int line = sweep.firstLine(); line <= sweep.lastLine(); line++) {
                int found = sweep.farTangents(line, cells, tangents);
                for (int i = 0; i < found; i++) {
                    int column = tile.core().x0() + cells[i] % tile.core().width();
                    int row = tile.core().y0() + cells[i] / tile.core().width();
                    double expected = plainFarTangent(dem, azimuth, dx, dy, column, row, near, reach);
                    assertEquals(expected, tangents[i], 1e-12 * Math.max(1, expected),
                            "azimuth " + k + ", cell " + column + ", " + row);
                    seen[cells[i]] = true;
                    compared++;
                    positive += expected > 0 ? 1 : 0;
                }
            }
            for (int cell = 0; cell < seen.length; cell++) {
                int column = tile.core().x0() + cell % tile.core().width();
                int row = tile.core().y0() + cell / tile.core().width();
                assertEquals(!Float.isNaN(tile.elevationAt(column, row)), seen[cell], "azimuth " + k + ": core cell " + cell);
            }
        }
        System.out.printf(Locale.ROOT, "far tangents: %d compared, %d above 0%n", compared, positive);
        assertEquals(64 * (40 * 30 - holeCells), compared);
        assertTrue(positive > compared / 4, "far terrain raises few horizons: " + positive);
    }

    /** The far tangent by its definition (HorizonSweep's class comment), one point after the other. */
    private static double plainFarTangent(Dem dem, double azimuth, double dx, double dy, int column, int row,
                                          double near, double reach) {
        RasterGrid grid = dem.grid();
        double columnsPerMetre = Math.sin(azimuth) / dx;
        double rowsPerMetre = -Math.cos(azimuth) / dy;
        boolean alongColumns = Math.abs(columnsPerMetre) >= Math.abs(rowsPerMetre);
        double perStep = alongColumns ? rowsPerMetre / columnsPerMetre : columnsPerMetre / rowsPerMetre;
        int step = (alongColumns ? columnsPerMetre : rowsPerMetre) > 0 ? 1 : -1;
        int s0 = alongColumns ? column : row;
        int line = (alongColumns ? row : column) - (int) Math.floor(s0 * perStep + 0.5);
        double x0 = column * dx * Math.sin(azimuth) - row * dy * Math.cos(azimuth);
        double z0 = dem.z()[row * grid.columns() + column];
        double best = 0;
        for (int s = s0 + step; ; s += step) {
            int other = line + (int) Math.floor(s * perStep + 0.5);
            int c = alongColumns ? s : other;
            int r = alongColumns ? other : s;
            if (c < 0 || r < 0 || c >= grid.columns() || r >= grid.rows()) {
                return best;
            }
            double d = c * dx * Math.sin(azimuth) - r * dy * Math.cos(azimuth) - x0;
            if (d > reach) {
                return best;
            }
            float z = dem.z()[r * grid.columns() + c];
            if (Float.isNaN(z)) {
                return best;
            }
            if (d > near && c != grid.columns() - 1 && r != grid.rows() - 1) {
                best = Math.max(best, (z - z0 - d * d / (2 * R)) / d);
            }
        }
    }
}
