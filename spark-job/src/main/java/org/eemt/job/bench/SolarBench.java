package org.eemt.job.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eemt.geo.solar.ErrorStatistics;
import org.eemt.geo.solar.model.Shading;
import org.eemt.geo.solar.model.SolarParameters;
import org.eemt.geo.solar.model.SolarTile;
import org.eemt.job.report.ColourScale;

/**
 * {@code eemt bench solar}: GRASS r.sun ({@link GrassRsunTiming}) and the Java engine
 * ({@link JavaSolarTiming}, each requested shading mode) on the same DEM and days in this process,
 * one core each, then a table of CPU seconds, seconds per day and the speed ratio per core, and the
 * error statistics of the Java results against r.sun's daily mode summed over the days GRASS ran.
 * The engines alternate in rounds of consecutive days (a GRASS session for the round's days, then each
 * Java mode on them), so that a machine whose speed drifts during the long GRASS run is seen alike by
 * both; each round's line gives both engines' CPU per day, and the day-cost ratios of the rounds are summarised
 * (median and range), so that a run whose speed changed part-way shows it. A year's CPU time is measured when all 365
 * days ran and extrapolated (labelled so) otherwise.
 */
public final class SolarBench {
    private final PrintWriter out;

    public SolarBench(PrintWriter out) {
        this.out = out;
    }

    /**
     * @param grassDays days GRASS runs (a subset of {@code days}, ascending); errors are compared over them
     * @param rounds    rounds the days are cut into (at most one per day)
     * @param grass     the GRASS executable
     * @param work      scratch directory for GRASS
     */
    public void run(Path demFile, SolarParameters parameters, List<Shading> modes, int[] days, int[] grassDays, int rounds,
                    String grass, Path work) throws IOException, InterruptedException {
        BenchDem dem = BenchDem.read(demFile);
        int roundCount = Math.max(1, Math.min(rounds, days.length));
        out.printf(Locale.ROOT, "DEM %s: %d x %d cells (%d with data), %s; Java days: %d, GRASS days: %d%n", demFile.getFileName(),
                dem.grid().columns(), dem.grid().rows(), dem.validCells(), dem.grid().geographic() ? "geographic" : "projected",
                days.length, grassDays.length);
        out.printf(Locale.ROOT, "parameters: step %s h, Linke %s, albedo %s, %d horizon azimuths, Java shadows searched up to %s m "
                        + "(r.sun: over the whole DEM); "
                        + "one thread per engine; CPU = thread CPU time (Java), user + system time of each r.sun process (GRASS); "
                        + "the engines alternate in %d round%s of days%n",
                parameters.stepHours(), linke(parameters.linkeByMonth()), parameters.albedo(), parameters.horizonAzimuths(),
                String.format(Locale.ROOT, "%.0f", parameters.horizonDistanceMetres()), roundCount, roundCount == 1 ? "" : "s");
        out.flush();
        String missing = GrassRsunTiming.missing(grass);
        if (missing != null) {
            out.println(missing);
        }
        SolarTile tile = dem.tile();
        List<JavaSolarTiming> java = new ArrayList<>();
        for (Shading mode : modes) {
            java.add(JavaSolarTiming.prepare("java " + mode.name().toLowerCase(Locale.ROOT), tile, parameters.withShading(mode)));
        }
        List<GrassRsunTiming.GrassRun> grassRounds = new ArrayList<>();
        // per Java engine, GRASS's CPU per day over Java's in each round in which GRASS ran all of the round's days
        List<List<Double>> roundRatios = java.stream().<List<Double>>map(e -> new ArrayList<>()).toList();
        for (int r = 0; r < roundCount; r++) {
            int[] roundDays = Arrays.copyOfRange(days, r * days.length / roundCount, (r + 1) * days.length / roundCount);
            int[] roundGrassDays = Arrays.stream(grassDays).filter(d -> Arrays.binarySearch(roundDays, d) >= 0).toArray();
            boolean grassRanAll = false;
            double grassPerDay = Double.NaN;
            String grassCost = "-";
            if (missing == null && roundGrassDays.length > 0) {
                GrassRsunTiming.GrassRun round = GrassRsunTiming.run(grass, demFile, parameters, roundGrassDays, work.resolve("round-" + (r + 1)));
                grassRounds.add(round);
                grassRanAll = roundGrassDays.length == roundDays.length;
                grassPerDay = round.run().cpuSecondsPerDay();
                grassCost = String.format(Locale.ROOT, "%.3f CPU s/day%s", grassPerDay, grassRanAll ? ""
                        : String.format(Locale.ROOT, " over %d of the round's %d days", roundGrassDays.length, roundDays.length));
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d/%d, days %d-%d: GRASS %s", r + 1, roundCount,
                    roundDays[0], roundDays[roundDays.length - 1], grassCost));
            for (int e = 0; e < java.size(); e++) {
                double javaPerDay = java.get(e).run(roundDays, grassDays);
                line.append(String.format(Locale.ROOT, "; %s %.4f CPU s/day", java.get(e).engine(), javaPerDay));
                if (grassRanAll) {
                    roundRatios.get(e).add(grassPerDay / javaPerDay);
                    line.append(String.format(Locale.ROOT, " (%.1fx)", grassPerDay / javaPerDay));
                }
            }
            out.println(line);
            out.flush();
        }
        GrassRsunTiming.GrassRun grassRun = grassRounds.isEmpty() ? null : GrassRsunTiming.GrassRun.of(grassRounds);
        List<EngineRun> runs = java.stream().map(JavaSolarTiming::result).toList();
        EngineRun reference = grassRun == null ? null : grassRun.run();
        out.printf(Locale.ROOT, "%-14s %12s %5s %11s %14s %-28s %10s%n", "engine", "setup CPU s", "days", "CPU s/day",
                "year CPU s", "", "ratio/core");
        if (reference != null) {
            row(reference, reference);
        }
        for (EngineRun r : runs) {
            row(r, reference);
        }
        if (grassRun != null) {
            out.printf(Locale.ROOT, "GRASS r.sun CPU per day: %.3f s with shadows + %.3f s flat (-p); the GRASS sessions' total CPU "
                            + "(start-up, import, slope, r.sun, running sums, export): %.1f s; wall %.1f s%n",
                    grassRun.topoCpuPerDay(), grassRun.flatCpuPerDay(), grassRun.sessionCpuSeconds(), reference.wallSeconds());
            out.printf(Locale.ROOT, "errors vs GRASS r.sun daily mode, summed over the %d GRASS days (cells where both have values):%n",
                    grassDays.length);
            for (EngineRun r : runs) {
                ErrorStatistics topo = ErrorStatistics.of(r.topoSum(), reference.topoSum(), 1);
                ErrorStatistics flat = ErrorStatistics.of(r.flatSum(), reference.flatSum(), 1);
                ErrorStatistics hours = ErrorStatistics.of(r.meanInsolationHours(), reference.meanInsolationHours(), 0);
                out.printf(Locale.ROOT, "%s: S_topo MARE %.3f %%, P95 %.3f %%, mean %+.3f %%; S_flat MARE %.4f %%, P95 %.4f %%, "
                                + "mean %+.4f %%; insolation MAE %.3f h/day (%d cells)%n", r.engine(),
                        100 * topo.meanAbsoluteRelative(), 100 * topo.p95Relative(), 100 * topo.meanRelative(),
                        100 * flat.meanAbsoluteRelative(), 100 * flat.p95Relative(), 100 * flat.meanRelative(),
                        hours.meanAbsolute(), topo.cells());
            }
        }
        for (int e = 0; e < java.size(); e++) {
            double[] ratios = roundRatios.get(e).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (ratios.length > 0) {
                out.printf(Locale.ROOT, "%s: day-cost ratio per round (GRASS CPU s/day / Java CPU s/day, same days, setup excluded): "
                                + "median %.1f, range %.1f-%.1f over %d rounds%n", java.get(e).engine(), ColourScale.quantile(ratios, 0.5),
                        ratios[0], ratios[ratios.length - 1], ratios.length);
            }
        }
        for (EngineRun r : runs) {
            out.printf(Locale.ROOT, "%s wall: %.1f s%n", r.engine(), r.wallSeconds());
        }
        out.flush();
    }

    private void row(EngineRun r, EngineRun reference) {
        String year = r.wholeYear() ? "(measured)" : String.format(Locale.ROOT, "(extrapolated from %d day%s)", r.days(), r.days() == 1 ? "" : "s");
        String ratio = reference == null ? "-" : String.format(Locale.ROOT, "%.1f", reference.yearCpuSeconds() / r.yearCpuSeconds());
        out.printf(Locale.ROOT, "%-14s %12.2f %5d %11.4f %14.1f %-28s %10s%n", r.engine(), r.setupCpuSeconds(), r.days(),
                r.cpuSecondsPerDay(), r.yearCpuSeconds(), year, ratio);
    }

    /** Writes the synthetic DEM ({@link SyntheticTerrain}) of {@code size} x {@code size} cells. */
    public static void writeSynthetic(int size, Path file) throws IOException {
        SyntheticTerrain.write(size, file);
    }

    /** One Linke turbidity, or the 12 monthly values when they differ. */
    private static String linke(double[] byMonth) {
        return Arrays.stream(byMonth).distinct().count() == 1 ? String.valueOf(byMonth[0])
                : Arrays.stream(byMonth).mapToObj(String::valueOf).collect(Collectors.joining(","));
    }
}
