package org.eemt.geo.hydrology;

/**
 * The SAGA Wetness Index: Böhner, Köthe, Conrad, Gross, Ringeler &amp; Selige (2002), "Soil
 * regionalisation by means of terrain analysis and process parameterisation", European Soil
 * Bureau Research Report 7:213-222; Böhner &amp; Selige (2006), "Spatial prediction of soil
 * attributes using terrain analysis and climate regionalisation", Göttinger Geographische
 * Abhandlungen 115:13-28. A TWI whose catchment area does not treat flow as a thin film: cells of
 * valley floors close to a channel take a share of the channel's catchment area.
 *
 * <p>Modified catchment area, from the {@link MultipleFlowDirection} catchment area CA with the
 * suction t and the local slope β ({@link LocalSlope}, radians):
 * <pre>
 *   CA_m(n) = max( CA(n), (1/t)^(β(n)·exp(t^β(n))) · max over the 8 neighbours m of CA_m(m) )
 * </pre>
 * the iterated neighbourhood maximum of the publications (t = 15 there, 10 in SAGA), solved as
 * the least fixed point: a worklist raises cells until nothing changes. The factor is at most 1,
 * so values only fall along a propagation, and the least fixed point is unique in floating
 * point whatever the order of the updates: a tile solved from the true values of its ring gets
 * the true values inside ({@link TiledHydrology} exchanges rings until they settle). Then every
 * cell within one cell of a modified cell (CA_m &gt; CA) takes the mean CA_m of its 3x3
 * neighbourhood (valid cells only, in a fixed order): the post-processing pass of SAGA 8.5's tool,
 * found with it as a black-box oracle (docs/hydrology.md). The index:
 * <pre>
 *   SWI = ln( CA_m / w / tan(β_c + 0.1°) )
 * </pre>
 * with the flow width w = √(dx·dy) (specific catchment area, SAGA's default area type), the
 * catchment slope β_c and SAGA's default slope offset of 0.1°.
 */
final class SagaWetnessIndex {
    /** SAGA's default "offset slope" (degrees) added to the catchment slope in tan β. */
    static final double SLOPE_OFFSET_DEGREES = 0.1;

    private SagaWetnessIndex() {
    }

    /** The suction factor (1/t)^(β·exp(t^β)) of a cell of slope β (radians). */
    static double suctionFactor(double slopeRadians, double suction) {
        return Math.pow(1 / suction, slopeRadians * Math.exp(Math.pow(suction, slopeRadians)));
    }

    /**
     * The least fixed point of the modified catchment area over the core of a padded {@code pw x ph}
     * array, in place: {@code m} holds CA in the core and the fixed values of the ring (NaN =
     * NoData); {@code factor} the suction factor per padded cell.
     */
    static void modify(double[] m, double[] factor, int pw, int ph) {
        int n = pw * ph;
        int[] queue = new int[n];
        boolean[] queued = new boolean[n];
        int head = 0;
        int size = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(m[i])) {
                queue[size++] = i;
                queued[i] = true;
            }
        }
        int[] offsets = {-pw - 1, -pw, -pw + 1, -1, 1, pw - 1, pw, pw + 1};
        while (size > 0) {
            int c = queue[head];
            head = (head + 1) % n;
            size--;
            queued[c] = false;
            int cx = c % pw;
            int cy = c / pw;
            for (int o : offsets) {
                int j = c + o;
                int jx = j % pw;
                int jy = j / pw;
                if (j < 0 || j >= n || Math.abs(jx - cx) > 1 || jx == 0 || jy == 0 || jx == pw - 1 || jy == ph - 1
                        || Double.isNaN(m[j])) {
                    continue;
                }
                double raised = factor[j] * m[c];
                if (raised > m[j]) {
                    m[j] = raised;
                    if (!queued[j]) {
                        queue[(head + size) % n] = j;
                        size++;
                        queued[j] = true;
                    }
                }
            }
        }
    }

    /**
     * The post-processed modified catchment area of core cell {@code i} (padded index): the mean of
     * the valid {@code m} of its 3x3 neighbourhood when one of them was modified ({@code m > ca}),
     * else its own {@code m}.
     */
    static double smoothed(double[] m, double[] ca, int pw, int i) {
        boolean modified = false;
        double sum = 0;
        int count = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int j = i + dy * pw + dx;
                if (!Double.isNaN(m[j])) {
                    modified |= m[j] > ca[j];
                    sum += m[j];
                    count++;
                }
            }
        }
        return modified ? sum / count : m[i];
    }

    /** The index of a cell from its modified catchment area (m²), flow width (m) and catchment slope (radians). */
    static double index(double modifiedArea, double width, double catchmentSlope) {
        return Math.log(modifiedArea / width / Math.tan(catchmentSlope + Math.toRadians(SLOPE_OFFSET_DEGREES)));
    }
}
