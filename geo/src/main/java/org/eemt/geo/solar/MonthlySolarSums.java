package org.eemt.geo.solar;

import java.io.Serializable;
import java.util.Arrays;
import org.eemt.geo.calendar.Calendar365;
import org.eemt.geo.solar.model.DailyIrradiation;

/**
 * Monthly sums of daily solar results for the core cells of a tile: S_topo and S_flat
 * (Wh m⁻² month⁻¹, sums of the daily global irradiation on the real and on the flat surface) and
 * the daily insolation time, whose monthly mean (h day⁻¹) is {@link #meanInsolationHours}.
 *
 * <p>Sums are exact: each daily value (the {@code float} of the daily product) is rounded to a
 * multiple of 2^-{@value #FRACTION_BITS} (about 1e-6 Wh or h) and added as a {@code long}. Integer
 * addition is associative, so the sums do not depend on the order in which days are added nor on
 * how days are split into blocks that are {@linkplain #add(MonthlySolarSums) merged} later: a
 * Spark stage may compute blocks of days in parallel and get the bit-identical result of one pass.
 * A cell with no data on any day it was given stays NaN.
 */
public final class MonthlySolarSums implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int FRACTION_BITS = 20;
    private static final double SCALE = 1L << FRACTION_BITS;
    private static final long NO_DATA = Long.MIN_VALUE;

    private final int cells;
    private final long[][] topo = new long[Calendar365.MONTHS][];
    private final long[][] flat = new long[Calendar365.MONTHS][];
    private final long[][] hours = new long[Calendar365.MONTHS][];
    private final int[] days = new int[Calendar365.MONTHS];

    public MonthlySolarSums(int cells) {
        this.cells = cells;
    }

    public int cells() {
        return cells;
    }

    /** Adds one day. */
    public void add(DailyIrradiation day) {
        int m = Calendar365.monthOf(day.dayOfYear());
        if (days[m] == 0) {
            topo[m] = new long[cells];
            flat[m] = new long[cells];
            hours[m] = new long[cells];
        }
        days[m]++;
        accumulate(topo[m], day.globalTopo());
        accumulate(flat[m], day.globalFlat());
        accumulate(hours[m], day.insolationHours());
    }

    /** Adds the sums of other days (for example another block of days of the same tile). */
    public void add(MonthlySolarSums other) {
        if (other.cells != cells) {
            throw new IllegalArgumentException(other.cells + " cells added to " + cells);
        }
        for (int m = 0; m < Calendar365.MONTHS; m++) {
            if (other.days[m] == 0) {
                continue;
            }
            if (days[m] == 0) {
                topo[m] = other.topo[m].clone();
                flat[m] = other.flat[m].clone();
                hours[m] = other.hours[m].clone();
            } else {
                merge(topo[m], other.topo[m]);
                merge(flat[m], other.flat[m]);
                merge(hours[m], other.hours[m]);
            }
            days[m] += other.days[m];
        }
    }

    /** Number of days summed in a month (0..11). */
    public int days(int month) {
        return days[month];
    }

    /** S_topo of a month (Wh m⁻² month⁻¹ over the days given), or null when no day of it was added. */
    public float[] topo(int month) {
        return days[month] == 0 ? null : values(topo[month], 1);
    }

    /** S_flat of a month (Wh m⁻² month⁻¹ over the days given), or null when no day of it was added. */
    public float[] flat(int month) {
        return days[month] == 0 ? null : values(flat[month], 1);
    }

    /** Mean daily insolation time of a month (h day⁻¹), or null when no day of it was added. */
    public float[] meanInsolationHours(int month) {
        return days[month] == 0 ? null : values(hours[month], days[month]);
    }

    private static void accumulate(long[] sums, float[] daily) {
        for (int i = 0; i < sums.length; i++) {
            float v = daily[i];
            if (Float.isNaN(v) || sums[i] == NO_DATA) {
                sums[i] = NO_DATA;
            } else {
                sums[i] += Math.round(v * SCALE);
            }
        }
    }

    private static void merge(long[] sums, long[] other) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] = sums[i] == NO_DATA || other[i] == NO_DATA ? NO_DATA : sums[i] + other[i];
        }
    }

    private float[] values(long[] sums, int divisor) {
        float[] out = new float[cells];
        for (int i = 0; i < cells; i++) {
            out[i] = sums[i] == NO_DATA ? Float.NaN : (float) (sums[i] / SCALE / divisor);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MonthlySolarSums s && s.cells == cells && Arrays.equals(s.days, days)
                && Arrays.deepEquals(s.topo, topo) && Arrays.deepEquals(s.flat, flat) && Arrays.deepEquals(s.hours, hours);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(days) * 31 + Arrays.deepHashCode(topo);
    }
}
