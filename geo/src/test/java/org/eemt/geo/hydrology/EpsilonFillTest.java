package org.eemt.geo.hydrology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EpsilonFillTest {

    /** A pit one cell deep inside a rim, with one low outlet on the edge. */
    @Test
    void raisesAPitJustAboveItsSpillElevation() {
        float[] z = {
            20, 20, 20, 20, 20,
            20, 10, 10, 10, 20,
            5, 10, 1, 10, 20,
            20, 10, 10, 10, 20,
            20, 20, 20, 20, 20};
        float[] f = fillWhole(z, 5, 5);
        assertEquals(Math.nextUp(10f), f[12], "the pit fills to one ulp above its spill elevation (10)");
        assertEquals(10f, f[11], "the rim cell next to the outlet keeps its elevation");
        assertEquals(5f, f[10], "the outlet on the edge is a seed");
        assertEquals(Math.nextUp(Math.nextUp(10f)), f[8], "rim cells two steps from the outlet rise by two ulps");
        assertAllDrain(z, f, 5, 5);
    }

    /** On random terrain with pits and NoData, the fill equals the fixed point computed by brute force. */
    @Test
    void equalsTheFixedPointOfTheEpsilonRule() {
        Random random = new Random(42);
        int w = 23;
        int h = 17;
        float[] z = new float[w * h];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (100 + 5 * random.nextDouble());
        }
        z[8 * w + 11] = Float.NaN;
        z[3 * w + 4] = Float.NaN;
        float[] f = fillWhole(z, w, h);
        float[] expected = bruteForce(z, w, h);
        for (int i = 0; i < z.length; i++) {
            assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(f[i]), "cell " + i);
        }
        int raised = 0;
        for (int i = 0; i < z.length; i++) {
            if (f[i] > z[i]) {
                raised++;
            }
        }
        assertTrue(raised > 20, "the random surface has depressions to fill: " + raised);
        assertAllDrain(z, f, w, h);
    }

    static float[] fillWhole(float[] z, int w, int h) {
        int pw = w + 2;
        float[] padded = new float[pw * (h + 2)];
        Arrays.fill(padded, Float.NaN);
        for (int y = 0; y < h; y++) {
            System.arraycopy(z, y * w, padded, (y + 1) * pw + 1, w);
        }
        EpsilonFill.fill(padded, pw, h + 2);
        float[] f = new float[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(padded, (y + 1) * pw + 1, f, y * w, w);
        }
        return f;
    }

    /** Iterates F = max(z, nextUp(min neighbour F)) from +∞ until nothing changes (seeds: edge and NoData neighbours). */
    private static float[] bruteForce(float[] z, int w, int h) {
        float[] f = new float[z.length];
        boolean[] seed = new boolean[z.length];
        for (int i = 0; i < z.length; i++) {
            seed[i] = Float.isNaN(z[i]) || touchesNoDataOrEdge(z, w, h, i);
            f[i] = seed[i] ? z[i] : Float.POSITIVE_INFINITY;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < z.length; i++) {
                if (seed[i]) {
                    continue;
                }
                float min = Float.POSITIVE_INFINITY;
                for (int n : neighbours(i, w, h)) {
                    if (!Float.isNaN(f[n])) {
                        min = Math.min(min, f[n]);
                    }
                }
                float v = Math.max(z[i], Math.nextUp(min));
                if (v != f[i]) {
                    f[i] = v;
                    changed = true;
                }
            }
        }
        return f;
    }

    private static boolean touchesNoDataOrEdge(float[] z, int w, int h, int i) {
        int x = i % w;
        int y = i / w;
        if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
            return true;
        }
        for (int n : neighbours(i, w, h)) {
            if (Float.isNaN(z[n])) {
                return true;
            }
        }
        return false;
    }

    private static int[] neighbours(int i, int w, int h) {
        int x = i % w;
        int y = i / w;
        int[] out = new int[8];
        int k = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int xx = x + dx;
                int yy = y + dy;
                if ((dx != 0 || dy != 0) && xx >= 0 && yy >= 0 && xx < w && yy < h) {
                    out[k++] = yy * w + xx;
                }
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** Every filled cell not on the edge or next to NoData has a strictly lower neighbour; F ≥ z. */
    private static void assertAllDrain(float[] z, float[] f, int w, int h) {
        for (int i = 0; i < z.length; i++) {
            if (Float.isNaN(z[i])) {
                continue;
            }
            assertTrue(f[i] >= z[i], "filled below the DEM at " + i);
            if (touchesNoDataOrEdge(z, w, h, i)) {
                continue;
            }
            boolean lower = false;
            for (int n : neighbours(i, w, h)) {
                lower |= f[n] < f[i];
            }
            assertTrue(lower, "cell " + i + " has no lower neighbour");
        }
    }
}
