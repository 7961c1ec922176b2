package org.eemt.job.bench;

/** Per-cell sums of daily S_topo, S_flat and insolation time over the compared days (double precision). */
final class DaySums {
    private final double[] topo;
    private final double[] flat;
    private final double[] hours;
    private int days;

    DaySums(int cells) {
        topo = new double[cells];
        flat = new double[cells];
        hours = new double[cells];
    }

    void add(float[] dayTopo, float[] dayFlat, float[] dayHours) {
        add(dayTopo, dayFlat, dayHours, 1);
    }

    /** Adds a run's results over its days: its S_topo and S_flat sums, its mean insolation time x its days. */
    void add(EngineRun run) {
        add(run.topoSum(), run.flatSum(), run.meanInsolationHours(), run.days());
    }

    private void add(float[] topoSum, float[] flatSum, float[] meanHours, int n) {
        for (int i = 0; i < topo.length; i++) {
            topo[i] += topoSum[i];
            flat[i] += flatSum[i];
            hours[i] += (double) meanHours[i] * n;
        }
        days += n;
    }

    EngineRun result(String engine, double setupCpu, double daysCpu, double wall, int daysRun) {
        float[] meanHours = new float[hours.length];
        for (int i = 0; i < hours.length; i++) {
            meanHours[i] = (float) (hours[i] / days);
        }
        return new EngineRun(engine, setupCpu, daysCpu, wall, daysRun, toFloat(topo), toFloat(flat), meanHours);
    }

    private static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
