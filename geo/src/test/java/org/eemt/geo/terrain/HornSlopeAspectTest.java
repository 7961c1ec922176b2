package org.eemt.geo.terrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.sis.referencing.CommonCRS;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.junit.jupiter.api.Test;

class HornSlopeAspectTest {
    private static final RasterGrid GRID = RasterGrid.of(5, 4, 500000, 4000000, 10, 10, CommonCRS.WGS84.universal(35, -106));

    /** z = 0.1·x_east + 0.2·y_north (m), on 10 m cells; rows go south. */
    private static double[] plane() {
        double[] z = new double[20];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 5; c++) {
                z[r * 5 + c] = (1000 + 0.1 * (c * 10) + 0.2 * ((3 - r) * 10));
            }
        }
        return z;
    }

    @Test
    void inclinedPlane() {
        float[] slope = new float[20], aspect = new float[20], north = new float[20];
        PixelWindow all = GRID.extent();
        HornSlopeAspect.compute(plane(), all, all, 5, 4, new MetricCellSize(GRID), slope, aspect, north);
        // ∂z/∂x = 0.1, ∂z/∂y = 0.2: β = atan(√0.05) = 12.6044°;
        // downslope (−0.1, −0.2) points south-south-west: bearing = 180° + atan(0.1/0.2) = 206.5651°;
        // northness = cos(206.5651°)·sin(12.6044°) = −0.894427·0.218218 = −0.195180
        int centre = 1 * 5 + 2;
        assertEquals(12.6044, slope[centre], 1e-4);
        assertEquals(206.5651, aspect[centre], 1e-4);
        assertEquals(-0.195180, north[centre], 1e-6);
    }

    @Test
    void northnessInTrueNorthTurnsTheAspectByTheConvergence() {
        float[] slope = new float[20], aspect = new float[20], north = new float[20];
        PixelWindow all = GRID.extent();
        double[] z = plane();
        z[0] = Double.NaN;
        HornSlopeAspect.compute(z, all, all, 5, 4, new MetricCellSize(GRID), slope, aspect, north);
        double[] gamma = new double[20];
        java.util.Arrays.fill(gamma, Math.toRadians(-6.4));
        float[] grid = north.clone();
        HornSlopeAspect.northnessInTrueNorth(slope, aspect, gamma, north);
        // grid aspect 206.5651° is 200.1651° from true north where grid north is 6.4° west of it
        int centre = 1 * 5 + 2;
        assertEquals(Math.cos(Math.toRadians(206.5651 - 6.4)) * 0.218218, north[centre], 1e-6);
        assertTrue(Math.abs(north[centre] - grid[centre]) > 0.005, "turned: " + grid[centre] + " -> " + north[centre]);
        assertTrue(Float.isNaN(north[0]) && Float.isNaN(north[6]), "NoData and edges stay NoData");
    }

    @Test
    void edgesAndNoDataNeighboursAreNoDataAndFlatsHaveNoAspect() {
        double[] z = new double[20];
        java.util.Arrays.fill(z, 1000);
        z[3] = Double.NaN; // row 0, column 3: its neighbours (row 1, columns 2..3) lose their slope
        float[] slope = new float[20], aspect = new float[20], north = new float[20];
        PixelWindow all = GRID.extent();
        HornSlopeAspect.compute(z, all, all, 5, 4, new MetricCellSize(GRID), slope, aspect, north);
        for (int c = 0; c < 5; c++) {
            assertTrue(Float.isNaN(slope[c]) && Float.isNaN(slope[15 + c]), "first and last rows");
        }
        assertTrue(Float.isNaN(slope[5]) && Float.isNaN(slope[9]), "first and last columns");
        assertTrue(Float.isNaN(slope[5 + 2]) && Float.isNaN(slope[5 + 3]), "next to NoData");
        assertEquals(0f, slope[5 + 1]);
        assertTrue(Float.isNaN(aspect[5 + 1]), "flat: no aspect");
        assertEquals(0f, north[5 + 1]);
    }

    @Test
    void aTileWithItsHaloGivesTheSameCellsAsTheWholeRaster() {
        double[] z = plane();
        for (int i = 0; i < z.length; i++) {
            z[i] += Math.sin(i * 1.7) * 3;
        }
        PixelWindow all = GRID.extent();
        float[] s = new float[20], a = new float[20], n = new float[20];
        HornSlopeAspect.compute(z, all, all, 5, 4, new MetricCellSize(GRID), s, a, n);
        PixelWindow core = new PixelWindow(2, 1, 2, 2);
        PixelWindow read = core.expandClipped(1, 5, 4);
        float[] ts = new float[4], ta = new float[4], tn = new float[4];
        HornSlopeAspect.compute(crop(z, all, read), read, core, 5, 4, new MetricCellSize(GRID), ts, ta, tn);
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                int whole = (1 + r) * 5 + 2 + c;
                assertEquals(Float.floatToIntBits(s[whole]), Float.floatToIntBits(ts[r * 2 + c]));
                assertEquals(Float.floatToIntBits(a[whole]), Float.floatToIntBits(ta[r * 2 + c]));
            }
        }
    }

    private static double[] crop(double[] z, PixelWindow all, PixelWindow inner) {
        double[] out = new double[Math.toIntExact(inner.cells())];
        for (int r = 0; r < inner.height(); r++) {
            System.arraycopy(z, all.index(inner.x0(), inner.y0() + r), out, r * inner.width(), inner.width());
        }
        return out;
    }
}
