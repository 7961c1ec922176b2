package org.eemt.geo.hydrology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eemt.geo.raster.RasterGrid;
import org.junit.jupiter.api.Test;

/**
 * SCA against analytic values on synthetic surfaces with 10 m cells (the DEMs are made here).
 * Error measure: mean absolute natural-log error |ln(SCA / expected)| over the compared cells.
 */
class AnalyticSurfacesTest {
    private static final double CELL = 10;

    /**
     * An inclined plane falling to the east (5 %): the specific catchment area of a cell is the
     * upslope length from the divide (the west edge) to the cell's downslope side, (column + 1)·10 m.
     */
    @Test
    void inclinedPlaneGivesTheUpslopeLength() {
        int columns = 150;
        int rows = 60;
        float[] z = new float[columns * rows];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                z[y * columns + x] = (float) (1000 - 0.05 * CELL * x);
            }
        }
        InMemoryTiles.Result r = InMemoryTiles.run(Dems.grid10m(columns, rows), z, 64, 64);
        double edge = 0;
        double centre = 0;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                double sca = r.sca()[y * columns + x];
                edge += Math.abs(Math.log(sca / ((x + 1) * CELL)));
                centre += Math.abs(Math.log(sca / ((x + 0.5) * CELL)));
            }
        }
        edge /= z.length;
        centre /= z.length;
        System.out.printf("inclined plane: mean |ln error| %.4f against the downslope side, %.4f against the cell centre%n",
                edge, centre);
        assertTrue(edge <= 0.03, "plane: mean absolute log error " + edge);
    }

    /**
     * A divergent cone (z falls by 0.2 per metre of distance r from the apex): the catchment of a
     * contour arc is the sector inside it, so SCA = r/2 (r at the cell centre). Compared: the disc
     * inscribed in the DEM without the two cells nearest the apex (there the cell itself dominates
     * its area). Outside the disc the DEM's edge cells, whose outward neighbours are unknown, pass
     * flow along the edge, so the analytic cone no longer holds there.
     */
    @Test
    void divergentConeGivesHalfTheRadius() {
        int n = 161;
        float[] z = new float[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                z[y * n + x] = (float) (2000 - 0.2 * CELL * Math.hypot(x - n / 2, y - n / 2));
            }
        }
        RasterGrid grid = Dems.grid10m(n, n);
        InMemoryTiles.Result r = InMemoryTiles.run(grid, z, 50, 50);
        double sum = 0;
        double signed = 0;
        int count = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double radius = CELL * Math.hypot(x - n / 2, y - n / 2);
                if (radius < 2 * CELL || radius > (n / 2 - 1) * CELL) {
                    continue;
                }
                double e = Math.log(r.sca()[y * n + x] / (radius / 2));
                sum += Math.abs(e);
                signed += e;
                count++;
            }
        }
        System.out.printf("divergent cone: mean |ln error| %.4f, mean ln error %.4f over %d cells%n",
                sum / count, signed / count, count);
        assertTrue(sum / count <= 0.15, "cone: mean absolute log error " + sum / count);
    }

    /** On a plane with a known aspect, D-infinity's angle is the downslope direction. */
    @Test
    void flowAngleIsTheDownslopeDirectionOfAPlane() {
        int n = 7;
        for (double degrees : new double[] {0, 10, 30, 45, 100, 200, 290}) {
            double a = Math.toRadians(degrees);
            float[] padded = new float[(n + 2) * (n + 2)];
            for (int y = 0; y < n + 2; y++) {
                for (int x = 0; x < n + 2; x++) {
                    // angle counter-clockwise from east; y grows southward
                    padded[y * (n + 2) + x] = (float) (100 - 0.1 * CELL * (x * Math.cos(a) - y * Math.sin(a)));
                }
            }
            double[] size = new double[n + 2];
            java.util.Arrays.fill(size, CELL);
            DInfinity flow = DInfinity.of(padded, n + 2, n + 2, size, size);
            int centre = (n / 2 + 1) * (n + 2) + n / 2 + 1;
            assertEquals(a, flow.angle(centre), 1e-4, "flow angle for a plane falling towards " + degrees + " degrees");
        }
    }
}
