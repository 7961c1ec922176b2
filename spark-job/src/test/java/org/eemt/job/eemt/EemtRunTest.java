package org.eemt.job.eemt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.GeoTiffWriter;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.testing.TestData;
import org.eemt.job.cli.EemtCli;
import org.eemt.job.testing.Products;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eemt run --products eemt} on the sample DEM, in local[2], through the CLI, with the gridded
 * Daymet fixture (2000–2001) and with the Telluride single-pixel record.
 *
 * <p>The solar stage runs for real, with a half-hour step and a 1 km horizon to keep the test
 * short (the solar tests check the full settings); EEMT_TOPO then carries the S_i term as well
 * as Eq. 11's northness term and MCWI.
 */
public class EemtRunTest {
    private static final String FIXTURE = TestData.shared("climate/daymet-monthly-fixture").toString();
    private static final String REFERENCE = TestData.shared("climate/daymet-monthly-fixture/daymet_reference_elevation.tif").toString();
    private static final String TELLURIDE = TestData.shared("climate/daymet_v2_telluride_co.csv").toString();

    @TempDir
    Path tmp;

    @Test
    void griddedClimateGivesEveryProductOnTheDemGridBitIdenticalForTwoTileSizes() throws Exception {
        Path a = run("tiles64", "--climate", FIXTURE, "--climate-elevation", REFERENCE, "--years", "2000-2001", "--tile-size", "64");
        Path b = run("tiles100", "--climate", FIXTURE, "--climate-elevation", REFERENCE, "--years", "2000-2001", "--tile-size", "100");
        List<String> products = products(List.of(2000, 2001));
        assertEquals(52, products.size());
        Products.assertBitIdentical(a, b, products);
        assertProductsOnDemGridAndPlausible(a, List.of(2000, 2001), "gridded fixture with reference elevation");
    }

    @Test
    void griddedClimateWithoutReferenceElevationUsesDemMeans() throws Exception {
        // the means do not depend on the tiles: DemMeanElevation sums exactly (ClimateWindowTest splits the DEM)
        Path a = run("means64", "--climate", FIXTURE, "--years", "2001", "--tile-size", "64");
        assertProductsOnDemGridAndPlausible(a, List.of(2001), "gridded fixture, z_b = DEM means");
        String manifest = Files.readString(a.resolve("manifest.json"));
        assertTrue(manifest.contains("z_b = mean elevation of the DEM cells inside each climate cell"), "manifest says how z_b was made");
    }

    @Test
    void tellurideRecordAsBaseStationWithVegetation() throws Exception {
        // uniform LAI 3 and canopy height 15 m: EEMT_TOPO-VEG's NPP (Eq. 12) = 196 + 540 − (9.15 − 12.0933)² = 727.34 g m⁻²
        RasterGrid dem = GeoTiffReader.readGrid(TestData.sampleDem().toString());
        float[] value = new float[Math.toIntExact(dem.cells())];
        java.util.Arrays.fill(value, 3f);
        Path lai = tmp.resolve("lai.tif");
        GeoTiffWriter.write(dem, value, lai.toString());
        java.util.Arrays.fill(value, 15f);
        Path height = tmp.resolve("height.tif");
        GeoTiffWriter.write(dem, value, height.toString());
        Path out = run("telluride", "--climate", TELLURIDE, "--years", "2000-2001", "--tile-size", "128",
                "--lai", lai.toString(), "--canopy-height", height.toString());
        assertProductsOnDemGridAndPlausible(out, List.of(2000, 2001), "Telluride single-pixel base station");
        float[] topo = Products.cells(out.resolve("eemt/annual/EEMT_Topo_2001.tif"));
        float[] veg = Products.cells(out.resolve("eemt/annual/EEMT_TopoVeg_2001.tif"));
        double biologicalMJ = 727.34 / 1000 * 22; // E_BIO of the whole year, MJ m⁻²
        for (int i = 0; i < veg.length; i++) {
            assertEquals(Float.isFinite(topo[i]), Float.isFinite(veg[i]), "TOPO-VEG where TOPO, cell " + i);
            if (Float.isFinite(veg[i])) {
                assertTrue(veg[i] >= biologicalMJ - 1e-3, "E_BIO plus a non-negative E_PPT, cell " + i + ": " + veg[i]);
            }
        }
    }

    /** Runs eemt after writing the fixture solar and MCWI products into the output directory. */
    private Path run(String name, String... extra) throws Exception {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("run", "--dem", TestData.sampleDem().toString(), "--out", out.toString(),
                "--products", "eemt", "--master", "local[2]", "--step", "0.5", "--horizon-distance", "1000"));
        args.addAll(List.of(extra));
        assertEquals(0, EemtCli.execute(args.toArray(String[]::new)), "exit code of " + args);
        return out;
    }

    public static List<String> products(List<Integer> years) {
        List<String> list = new ArrayList<>();
        for (int year : years) {
            for (String kind : new String[] {"Trad", "Topo"}) {
                for (int m = 0; m < 12; m++) {
                    String mon = org.eemt.geo.calendar.Calendar365.monthName(m);
                    list.add("eemt/EEMT_" + kind + "_" + mon + "_" + year + ".tif");
                }
                list.add("eemt/annual/EEMT_" + kind + "_" + year + ".tif");
            }
        }
        return list;
    }

    /** {@link EemtProductChecks} on the sample DEM, and EEMT_TOPO higher on north-facing than on south-facing cells. */
    private static void assertProductsOnDemGridAndPlausible(Path out, List<Integer> years, String what) {
        for (EemtProductChecks.Aspects a : EemtProductChecks.assertOnDemGridAndPlausible(out, TestData.sampleDem(), years, what)) {
            if (a.kind().equals("Topo")) {
                assertTrue(a.north() > a.south(), what + ": north-facing EEMT_TOPO exceeds south-facing");
            }
        }
    }
}
