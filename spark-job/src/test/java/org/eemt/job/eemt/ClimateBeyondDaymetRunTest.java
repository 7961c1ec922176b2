package org.eemt.job.eemt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eemt.geo.testing.MonthlyClimateFixture;
import org.eemt.geo.testing.TestData;
import org.eemt.job.cli.EemtCli;
import org.eemt.job.stage.ProductCatalog;
import org.eemt.job.testing.Products;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EEMT beyond Daymet, end to end through the CLI in local[2]: the Peru DEM (9.6 °S, 78.3 °W, far
 * outside Daymet) with a TerraClimate fixture written by ncgen (packed shorts, latitude descending,
 * 1/24°) and with a WorldClim-style stack of the same numbers written by gdal_translate (twelve
 * GeoTIFFs per variable). Solar as in {@link EemtRunTest}: half-hour step, 1 km horizon.
 */
class ClimateBeyondDaymetRunTest {
    private static final Path PERU = TestData.shared("dem/peru_mongon_utm17s_30m.tif");
    private static final List<Integer> YEARS = List.of(2001);

    @TempDir
    static Path tmp;
    private static Path terraClimate;
    private static Path worldClim;

    @BeforeAll
    static void writeClimate() throws Exception {
        terraClimate = Files.createDirectory(tmp.resolve("terraclimate"));
        MonthlyClimateFixture.terraClimate(terraClimate, 2001, "nc7", false);
        worldClim = Files.createDirectory(tmp.resolve("worldclim"));
        MonthlyClimateFixture.worldClim(worldClim, false);
    }

    @Test
    void terraClimateAndWorldClimGiveTheSameEemtOnThePeruDemAndAnElevationGridIsZb() throws Exception {
        Path a = run("terraclimate-run", "--climate", terraClimate.toString(), "--years", "2001");
        Path b = run("worldclim-run", "--climate", worldClim.toString(), "--years", "2001");
        List<String> products = EemtRunTest.products(YEARS);
        assertEquals(26, products.size());
        List<EemtProductChecks.Aspects> aspects = EemtProductChecks.assertOnDemGridAndPlausible(a, PERU, YEARS, "Peru, TerraClimate");
        // 9.6 °S: north-facing slopes face the equator and receive more sun (S_topo) than south-facing ones ...
        float[] z = Products.cells(PERU);
        float[] northness = Products.cells(a.resolve("terrain/northness.tif"));
        float[] topo = Products.cells(a.resolve("eemt/annual/EEMT_Topo_2001.tif"));
        double[] sun = new double[northness.length];
        for (int m = 0; m < 12; m++) {
            float[] month = Products.cells(a.resolve(ProductCatalog.topo(m).path() + ".tif"));
            for (int i = 0; i < sun.length; i++) {
                sun[i] += month[i];
            }
        }
        // per aspect (0 north-facing, 1 south-facing): cells, S_topo, EEMT_TOPO, and its E_BIO = NPP (Eq. 11, every month > 0 °C) x 22 MJ/kg
        double[][] sums = new double[2][4];
        for (int i = 0; i < sun.length; i++) {
            int k = northness[i] > 0.3 ? 0 : northness[i] < -0.3 ? 1 : -1;
            if (k >= 0 && Float.isFinite(topo[i])) {
                sums[k][0]++;
                sums[k][1] += sun[i];
                sums[k][2] += topo[i];
                sums[k][3] += Math.max(100, 0.39 * z[i] + 346 * northness[i] - 187) / 1000 * 22;
            }
        }
        double[][] mean = new double[2][3];
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < 3; j++) {
                mean[k][j] = sums[k][j + 1] / sums[k][0];
            }
        }
        System.out.printf("Peru 2001, north-facing vs south-facing: S_topo %.0f vs %.0f Wh m-2 yr-1; EEMT_TOPO %.2f vs %.2f MJ m-2 yr-1 "
                + "= E_BIO (Eq. 11) %.2f vs %.2f + E_PPT %.2f vs %.2f; EEMT_TRAD north minus south %.2f%n",
                mean[0][0], mean[1][0], mean[0][1], mean[1][1], mean[0][2], mean[1][2], mean[0][1] - mean[0][2], mean[1][1] - mean[1][2],
                aspects.get(0).north() - aspects.get(0).south());
        assertTrue(mean[0][0] > mean[1][0], "southern hemisphere: north-facing cells get more sun");
        // ... and EEMT_TOPO is higher there, through Eq. 11's northness term (hemisphere-blind as published: README)
        assertEquals("Topo", aspects.get(1).kind());
        assertTrue(aspects.get(1).north() > aspects.get(1).south(), "north-facing EEMT_TOPO above south-facing");
        Products.assertBitIdentical(a, b, products);
        assertTrue(Files.readString(a.resolve("manifest.json")).contains("z_b = mean elevation of the DEM cells inside each climate cell"),
                "manifest says how z_b was made");

        // the dataset's own elevation grid (as WorldClim's wc2.1_*_elev.tif) as z_b: named in the manifest, and it changes T_loc
        Path elevation = MonthlyClimateFixture.elevation(Files.createDirectory(tmp.resolve("elev")),
                (row, column) -> 200 + 60 * column + 10 * row);
        Path c = run("elevation-run", "--climate", terraClimate.toString(), "--climate-elevation", elevation.toString(), "--years", "2001");
        EemtProductChecks.assertOnDemGridAndPlausible(c, PERU, YEARS, "Peru, TerraClimate, z_b from its elevation grid");
        String manifest = Files.readString(c.resolve("manifest.json"));
        assertTrue(manifest.contains("z_b from --climate-elevation") && manifest.contains(elevation.toString()), "manifest names the z_b grid");
        float[] meansZb = Products.cells(a.resolve("eemt/annual/EEMT_Trad_2001.tif"));
        float[] gridZb = Products.cells(c.resolve("eemt/annual/EEMT_Trad_2001.tif"));
        int differ = 0;
        for (int i = 0; i < meansZb.length; i++) {
            differ += Float.isFinite(meansZb[i]) && meansZb[i] != gridZb[i] ? 1 : 0;
        }
        assertTrue(differ > meansZb.length / 2, "another z_b gives another EEMT_TRAD in most cells: " + differ);
    }

    private static Path run(String name, String... extra) throws Exception {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("run", "--dem", PERU.toString(), "--out", out.toString(),
                "--products", "eemt", "--master", "local[2]", "--step", "0.5", "--horizon-distance", "1000", "--tile-size", "64"));
        args.addAll(List.of(extra));
        assertEquals(0, EemtCli.execute(args.toArray(String[]::new)), "exit code of " + args);
        return out;
    }
}
