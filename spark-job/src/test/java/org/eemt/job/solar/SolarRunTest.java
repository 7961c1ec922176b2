package org.eemt.job.solar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eemt.geo.testing.TestData;
import org.eemt.job.cli.EemtCli;
import org.eemt.job.testing.Products;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eemt solar} on the sample DEM in local[2] through the CLI: the monthly product set, and tile
 * invariance (tile size 64 vs 512, horizon distance covering the DEM) bit for bit in both shading
 * modes. The 512-cell run is one tile on 2 cores, so its task computes the horizons' rows and its
 * three days on 2 threads (blocks of days), while the 64-cell run has 16 tiles of one thread each:
 * thread invariance is checked too.
 */
class SolarRunTest {
    private static final List<String> MONTHLY = List.of(
            "global/monthly/total_sun_jun_sum.tif", "global/monthly/flat_total_sun_jun_sum.tif", "insol/monthly/hours_sun_jun_average.tif",
            "global/monthly/total_sun_dec_sum.tif", "global/monthly/flat_total_sun_dec_sum.tif", "insol/monthly/hours_sun_dec_average.tif");

    @TempDir
    Path tmp;

    private Path solar(String name, String... extra) {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("solar", "--dem", TestData.sampleDem().toString(), "--out", out.toString(),
                "--master", "local[2]", "--days", "170,172,355", "--horizon-distance", "4000"));
        args.addAll(List.of(extra));
        assertEquals(0, EemtCli.execute(args.toArray(String[]::new)), "exit code of " + args);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"horizon", "ray"})
    void monthlyProductsAreBitIdenticalForTileSizes64And512(String shading) {
        Path small = solar("t64", "--tile-size", "64", "--shading", shading, "--keep-daily");
        Path large = solar("t512", "--tile-size", "512", "--shading", shading);
        Products.assertBitIdentical(small, large, MONTHLY);
        assertTrue(Files.exists(small.resolve("global/daily/total_sun_day_172.tif")));
        assertTrue(Files.exists(small.resolve("insol/daily/hours_sun_day_355.tif")));
        assertFalse(Files.exists(large.resolve("global/daily")));
        assertFalse(Files.exists(small.resolve("global/monthly/total_sun_jan_sum.tif")), "no product for a month without days");

        float[] topo = Products.cells(small.resolve("global/monthly/total_sun_jun_sum.tif"));
        float[] flat = Products.cells(small.resolve("global/monthly/flat_total_sun_jun_sum.tif"));
        float[] hours = Products.cells(small.resolve("insol/monthly/hours_sun_dec_average.tif"));
        int valid = 0;
        for (int i = 0; i < topo.length; i++) {
            if (!Float.isNaN(topo[i])) {
                valid++;
                // two June days of a clear sky at 2300-2600 m, 35.8 N: about 2 x 9-10 kWh m-2 on the flat
                assertTrue(flat[i] > 2 * 8500 && flat[i] < 2 * 11000, "S_flat " + flat[i]);
                assertTrue(topo[i] >= 0 && topo[i] < 2 * 12000, "S_topo " + topo[i]);
                assertTrue(hours[i] >= 0 && hours[i] <= 10, "December insolation " + hours[i]);
            }
        }
        assertTrue(valid > 45_000, "valid cells " + valid);
    }
}
