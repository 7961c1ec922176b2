package org.eemt.job.solar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eemt.geo.calendar.Calendar365;
import org.eemt.job.testing.Products;

/**
 * The GRASS engine's products against the java engine's ({@code --shading ray}) for the same DEM
 * and days: the same files, NaN in the same cells, and values within what SCIENCE.md ("Comparing
 * with GRASS r.sun") says of r.sun's daily mode:
 * <ul>
 *   <li>S_flat (no terrain, no shadows, the same equations): mean relative difference at most
 *       0.01 %, daily and monthly;</li>
 *   <li>S_topo: r.sun's daily mode shades less than the ray at every sample time and differs on
 *       steep north slopes, so the mean absolute relative difference may reach
 *       {@value #TOPO_MEAN_BOUND} (a few percent in winter) and the GRASS value is larger on
 *       average (shading less);</li>
 *   <li>insolation time: mean absolute difference at most {@value #HOURS_MEAN_BOUND} h per day.</li>
 * </ul>
 */
final class EngineComparison {
    static final double FLAT_MEAN_BOUND = 1e-4;
    static final double TOPO_MEAN_BOUND = 0.03;
    static final double HOURS_MEAN_BOUND = 0.5;

    private EngineComparison() {
    }

    /** The GeoTIFF products of a run, relative to its output directory, sorted. */
    static List<String> productFiles(Path out) {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(p -> p.toString().endsWith(".tif")).map(p -> out.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts the comparison above for every product of the runs ({@code days} with --keep-daily): the same solar
     * products (the java engine's run also has the terrain stage's, whose slope and aspect it reads; GRASS none).
     */
    static void assertAgree(Path grass, Path java, int[] days) {
        List<String> files = productFiles(grass);
        assertEquals(List.of("terrain/aspect.tif", "terrain/dem.tif", "terrain/northness.tif", "terrain/slope.tif"),
                productFiles(java).stream().filter(f -> f.startsWith("terrain/")).toList(), "the java engine's terrain products");
        assertEquals(productFiles(java).stream().filter(f -> !f.startsWith("terrain/")).toList(), files, "the same solar product set");
        assertTrue(files.size() >= 3 * days.length, "daily products present: " + files);
        for (int d : days) {
            compare(grass, java, "global/daily/flat_total_sun_day_" + d + ".tif");
            compare(grass, java, "global/daily/total_sun_day_" + d + ".tif");
            compare(grass, java, "insol/daily/hours_sun_day_" + d + ".tif");
        }
        for (int d : days) {
            String month = Calendar365.monthName(Calendar365.monthOf(d));
            compare(grass, java, "global/monthly/flat_total_sun_" + month + "_sum.tif");
            compare(grass, java, "global/monthly/total_sun_" + month + "_sum.tif");
            compare(grass, java, "insol/monthly/hours_sun_" + month + "_average.tif");
        }
    }

    private static void compare(Path grassRun, Path javaRun, String product) {
        float[] grass = Products.cells(grassRun.resolve(product));
        float[] java = Products.cells(javaRun.resolve(product));
        assertEquals(java.length, grass.length, product);
        double sumRelative = 0;
        double sumAbsolute = 0;
        double sumSigned = 0;
        int n = 0;
        for (int i = 0; i < grass.length; i++) {
            assertEquals(Float.isNaN(java[i]), Float.isNaN(grass[i]), product + ": NoData differs at cell " + i);
            if (Float.isNaN(grass[i])) {
                continue;
            }
            double difference = grass[i] - java[i];
            sumAbsolute += Math.abs(difference);
            sumSigned += difference;
            sumRelative += java[i] > 0 ? Math.abs(difference) / java[i] : 0;
            n++;
        }
        assertTrue(n > 45_000, product + ": valid cells " + n);
        double meanRelative = sumRelative / n;
        System.out.printf("GRASS vs java %s: mean |rel| %.5f %%, mean |diff| %.4f, mean diff %+.4f%n",
                product, 100 * meanRelative, sumAbsolute / n, sumSigned / n);
        if (product.contains("flat_total_sun")) {
            assertTrue(meanRelative <= FLAT_MEAN_BOUND, product + ": mean relative difference " + meanRelative);
        } else if (product.contains("total_sun")) {
            assertTrue(meanRelative <= TOPO_MEAN_BOUND, product + ": mean relative difference " + meanRelative);
            assertTrue(sumSigned >= 0, product + ": r.sun's daily mode shades less, so its mean is not below the ray's");
        } else {
            assertTrue(sumAbsolute / n <= HOURS_MEAN_BOUND, product + ": mean |diff| h " + sumAbsolute / n);
        }
    }
}
