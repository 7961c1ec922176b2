package org.eemt.job.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eemt.geo.raster.GeoTiffReader;

/** Reading and comparing the products of runs in tests. */
public final class Products {
    private Products() {
    }

    /** All cells of a single-file product. */
    public static float[] cells(Path file) {
        try (GeoTiffReader r = GeoTiffReader.open(file.toString())) {
            return r.read(r.grid().extent());
        }
    }

    /** Asserts that each product (path relative to the output directories) has bit-identical cells in both runs. */
    public static void assertBitIdentical(Path runA, Path runB, List<String> products) {
        for (String product : products) {
            Path a = runA.resolve(product);
            Path b = runB.resolve(product);
            assertTrue(Files.exists(a) && Files.exists(b), product + " exists in both runs");
            float[] ca = cells(a);
            float[] cb = cells(b);
            assertEquals(ca.length, cb.length, product);
            for (int i = 0; i < ca.length; i++) {
                if (Float.floatToRawIntBits(ca[i]) != Float.floatToRawIntBits(cb[i])) {
                    throw new AssertionError(product + ": cell " + i + " differs: " + ca[i] + " vs " + cb[i]);
                }
            }
        }
    }
}
