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
        List<String> products = EemtProductChecks.products(YEARS);
        assertEquals(26, products.size());
        for (EemtProductChecks.Aspects aspects : EemtProductChecks.assertOnDemGridAndPlausible(a, PERU, YEARS, "Peru, TerraClimate")) {
            System.out.printf("Peru EEMT_%s %d: north-facing minus south-facing %.3f MJ m-2 yr-1%n", aspects.kind(), aspects.year(),
                    aspects.north() - aspects.south());
        }
        Products.assertBitIdentical(a, b, products);
        assertTrue(Files.readString(a.resolve("manifest.json")).contains("z_b = mean elevation of the DEM cells inside each climate cell"),
                "manifest says how z_b was made");

        // the dataset's own elevation grid (as WorldClim's wc2.1_*_elev.tif) as z_b: named in the manifest, and it changes T_loc
        Path elevation = MonthlyClimateFixture.elevation(Files.createDirectory(tmp.resolve("elev")),
                (row, column) -> 200 + 60 * column + 10 * row);
        Path c = run("elevation-run", "--climate", terraClimate.toString(), "--climate-elevation", elevation.toString(), "--years", "2001");
        EemtProductChecks.assertOnDemGridAndPlausible(c, PERU, YEARS, "Peru, TerraClimate, z_b from its elevation grid");
        assertTrue(Files.readString(c.resolve("manifest.json")).contains("z_b from " + elevation), "manifest names the z_b grid");
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
