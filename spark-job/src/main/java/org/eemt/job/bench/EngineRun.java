package org.eemt.job.bench;

import org.eemt.geo.calendar.Calendar365;

/**
 * What one engine did in {@code eemt bench solar}: CPU seconds of its per-DEM setup and of the
 * days it computed (real surface and flat), wall seconds of both, and its results summed over the
 * days compared: S_topo and S_flat (Wh m⁻²) and the mean daily insolation time (h), NaN without data.
 */
record EngineRun(String engine, double setupCpuSeconds, double daysCpuSeconds, double wallSeconds, int days,
                 float[] topoSum, float[] flatSum, float[] meanInsolationHours) {

    double cpuSecondsPerDay() {
        return daysCpuSeconds / days;
    }

    /** CPU seconds for the whole year: measured when every day ran, else setup + the mean day x 365. */
    double yearCpuSeconds() {
        return setupCpuSeconds + cpuSecondsPerDay() * Calendar365.DAYS_IN_YEAR;
    }

    boolean wholeYear() {
        return days == Calendar365.DAYS_IN_YEAR;
    }
}
