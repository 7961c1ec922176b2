package org.eemt.job.terrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.TestData;
import org.eemt.job.cli.EemtCli;
import org.eemt.job.testing.Products;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DEM whose map units are US survey feet (elevations in metres, as 3DEP and State Plane DEMs
 * come) gives the science of the same cells in metres: the sample DEM is relabelled by GDAL in
 * the same UTM projection with {@code +units=us-ft} and its corners in feet, so only the unit of
 * the cell size differs. Slope, shading (S_topo) and flow (SCA, TWI) must come out as in metres;
 * cells taken as metres would make every slope ~3.3 times too gentle.
 */
class FeetDemRunTest {
    private static final double METRES_PER_US_FOOT = 1200.0 / 3937;

    @TempDir
    Path tmp;

    private Path run(Path dem, String name) {
        Path out = tmp.resolve(name);
        List<String> args = List.of("run", "--dem", dem.toString(), "--out", out.toString(),
                "--products", "terrain,solar,wetness", "--days", "80,172,355", "--master", "local[2]");
        assertEquals(0, EemtCli.execute(args.toArray(String[]::new)), "exit code of " + args);
        return out;
    }

    @Test
    void feetCellsGiveTheScienceOfTheSameCellsInMetres() throws Exception {
        ExternalTool.require("gdal_translate");
        Path metres = TestData.sampleDem();
        RasterGrid g = GeoTiffReader.readGrid(metres.toString());
        double f = 1 / METRES_PER_US_FOOT;
        double ulx = g.originX() * f;
        double uly = g.originY() * f;
        double lrx = (g.originX() + g.columns() * g.cellWidth()) * f;
        double lry = (g.originY() - g.rows() * g.cellHeight()) * f;
        Path feet = tmp.resolve("dem_usft.tif");
        ExternalTool.run(tmp, List.of("gdal_translate", "-q", "-a_srs", "+proj=utm +zone=13 +datum=NAD83 +units=us-ft +no_defs",
                "-a_ullr", Double.toString(ulx), Double.toString(uly), Double.toString(lrx), Double.toString(lry),
                metres.toString(), feet.toString()));
        RasterGrid feetGrid = GeoTiffReader.readGrid(feet.toString());
        assertEquals(METRES_PER_US_FOOT, feetGrid.metresPerUnit(), 1e-12, "read as US survey feet");

        Path inMetres = run(metres, "metres");
        Path inFeet = run(feet, "feet");

        double slope = maxAbsDifference(inMetres, inFeet, "terrain/slope.tif");
        double aspect = maxAbsDifference(inMetres, inFeet, "terrain/aspect.tif");
        double topo = maxRelativeDifference(inMetres, inFeet, "global/monthly/total_sun_jun_sum.tif");
        double flat = maxRelativeDifference(inMetres, inFeet, "global/monthly/flat_total_sun_dec_sum.tif");
        float[] scaM = Products.cells(inMetres.resolve("terrain/sca.tif"));
        float[] scaF = Products.cells(inFeet.resolve("terrain/sca.tif"));
        int same = 0;
        int valid = 0;
        for (int i = 0; i < scaM.length; i++) {
            if (Float.isFinite(scaM[i]) && Float.isFinite(scaF[i])) {
                valid++;
                same += Math.abs(scaF[i] / scaM[i] - 1) <= 1e-3 ? 1 : 0;
            }
        }
        double twiMedian = medianAbsDifference(inMetres, inFeet, "terrain/twi.tif");
        System.out.printf("feet vs metres: slope max |Δ| %.2e°, aspect max |Δ| %.2e°, S_topo (Jun) max rel %.2e, "
                + "S_flat (Dec) max rel %.2e, SCA within 0.1 %% on %.1f %% of %d cells, TWI median |Δ| %.2e%n",
                slope, aspect, topo, flat, 100.0 * same / valid, valid, twiMedian);
        assertTrue(valid > g.cells() * 0.9, "SCA valid on both: " + valid);
        assertTrue(slope <= 1e-3, "slope max |Δ| " + slope);
        assertTrue(aspect <= 1e-2, "aspect max |Δ| " + aspect);
        assertTrue(topo <= 1e-4, "S_topo max relative difference " + topo);
        assertTrue(flat <= 1e-4, "S_flat max relative difference " + flat);
        assertTrue(same >= 0.9 * valid, "SCA within 0.1 % on " + same + " of " + valid + " cells");
        assertTrue(twiMedian <= 1e-3, "TWI median |Δ| " + twiMedian);
    }

    private static double maxAbsDifference(Path a, Path b, String product) {
        float[] x = Products.cells(a.resolve(product));
        float[] y = Products.cells(b.resolve(product));
        assertEquals(x.length, y.length, product);
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            assertEquals(Float.isNaN(x[i]), Float.isNaN(y[i]), product + ": NoData at cell " + i);
            if (!Float.isNaN(x[i])) {
                double d = Math.abs(x[i] - y[i]);
                max = Math.max(max, product.contains("aspect") ? Math.min(d, 360 - d) : d);
            }
        }
        return max;
    }

    private static double maxRelativeDifference(Path a, Path b, String product) {
        float[] x = Products.cells(a.resolve(product));
        float[] y = Products.cells(b.resolve(product));
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            if (Float.isFinite(x[i]) && x[i] != 0) {
                max = Math.max(max, Math.abs(y[i] / x[i] - 1));
            }
        }
        return max;
    }

    private static double medianAbsDifference(Path a, Path b, String product) {
        float[] x = Products.cells(a.resolve(product));
        float[] y = Products.cells(b.resolve(product));
        List<Double> d = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Float.isFinite(x[i]) && Float.isFinite(y[i])) {
                d.add(Math.abs((double) x[i] - y[i]));
            }
        }
        double[] sorted = d.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
