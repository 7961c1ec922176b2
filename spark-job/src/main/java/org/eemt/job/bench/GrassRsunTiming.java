package org.eemt.job.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eemt.geo.EemtException;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.grass.GrassCommand;
import org.eemt.geo.solar.RsunTileRun;
import org.eemt.geo.solar.model.SolarParameters;

/**
 * GRASS r.sun day by day as the EEMT workflow ran it (SCIENCE.md §2, "Comparing with GRASS r.sun"):
 * in one {@code grass --tmp-location DEM --exec} session, {@code r.slope.aspect} once (setup), then
 * for each day r.sun's daily mode on the real surface with terrain shadows and {@code r.sun -p}
 * with slope 0 and aspect 0 (S_flat), single-threaded ({@code nprocs=1}). Each r.sun run is timed
 * by {@code /usr/bin/time} (user + system CPU seconds of that process); the session's own
 * start-up, import and the running sums ({@code r.mapcalc}, not part of r.sun's cost) are timed
 * as a whole and reported apart.
 */
final class GrassRsunTiming {
    static final String TIME = "/usr/bin/time";

    private GrassRsunTiming() {
    }

    /** Why GRASS cannot run here (one line), or null when {@code grass} and {@code /usr/bin/time} are found. */
    static String missing(String grass) {
        if (!GrassCommand.onPath(grass)) {
            return "GRASS: '" + grass + "' not found (PATH or file); only the Java engine runs (no speed ratio, no error statistics)";
        }
        if (!Files.isExecutable(Path.of(TIME))) {
            return "GRASS: " + TIME + " not found (needed to time r.sun's CPU); only the Java engine runs";
        }
        return null;
    }

    /** Runs r.sun on {@code days} in one GRASS session in scratch directory {@code work}; the result's sums cover those days. */
    static GrassRun run(String grass, Path dem, SolarParameters parameters, int[] days, Path work) throws IOException, InterruptedException {
        Path out = Files.createDirectories(work.resolve("grass"));
        // the session appends each r.sun's CPU to these: a scratch directory used before must not add its runs' CPU
        for (String name : List.of("setup", "topo", "flat")) {
            Files.deleteIfExists(out.resolve(name + ".time"));
        }
        StringBuilder s = new StringBuilder("set -euo pipefail\nexport GRASS_OVERWRITE=1\nOUT=" + out + "\n");
        s.append("r.in.gdal -o --quiet input=").append(dem.toAbsolutePath()).append(" output=dem\n");
        s.append("g.region raster=dem\n");
        s.append(timed("setup")).append("r.slope.aspect elevation=dem slope=slope aspect=aspect --quiet\n");
        s.append("r.mapcalc --quiet expression='gs = 0.0'\nr.mapcalc --quiet expression='fs = 0.0'\nr.mapcalc --quiet expression='is = 0.0'\n");
        for (int d : days) {
            s.append(timed("topo")).append(RsunTileRun.topoCommand(d, parameters, true, "g", "i")).append(" nprocs=1\n");
            s.append(timed("flat")).append(RsunTileRun.flatCommand(d, parameters, "f")).append(" nprocs=1\n");
            s.append("r.mapcalc --quiet expression='gs = gs + g'\nr.mapcalc --quiet expression='fs = fs + f'\n")
                    .append("r.mapcalc --quiet expression='is = is + i'\n");
        }
        for (String map : List.of("gs", "fs", "is")) {
            s.append("r.out.gdal -c -f --quiet input=").append(map).append(" output=$OUT/").append(map)
                    .append(".tif format=GTiff type=Float64\n");
        }
        Path script = out.resolve("rsun.sh");
        Files.writeString(script, s, StandardCharsets.UTF_8);
        Path log = out.resolve("grass.log");
        Path sessionTime = out.resolve("session.time");
        long wall0 = System.nanoTime();
        Process p = new ProcessBuilder(TIME, "-f", "%U %S", "-o", sessionTime.toString(), grass, "--tmp-location",
                dem.toAbsolutePath().toString(), "--exec", "bash", script.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (p.waitFor() != 0) {
            String text = Files.readString(log);
            throw EemtException.environment("GRASS r.sun", "the GRASS session failed: "
                    + text.substring(Math.max(0, text.length() - 600)).strip().replace('\n', ' '), "see " + log);
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        double setup = cpuSeconds(out.resolve("setup.time"));
        double topo = cpuSeconds(out.resolve("topo.time"));
        double flat = cpuSeconds(out.resolve("flat.time"));
        float[] meanHours = read(out.resolve("is.tif"));
        for (int i = 0; i < meanHours.length; i++) {
            meanHours[i] /= days.length;
        }
        EngineRun run = new EngineRun("grass r.sun", setup, topo + flat, wall, days.length,
                read(out.resolve("gs.tif")), read(out.resolve("fs.tif")), meanHours);
        return new GrassRun(run, topo / days.length, flat / days.length, cpuSeconds(sessionTime));
    }

    /** The GRASS engine's run, r.sun's CPU seconds per day with shadows and flat, and the whole session's CPU seconds. */
    record GrassRun(EngineRun run, double topoCpuPerDay, double flatCpuPerDay, double sessionCpuSeconds) {

        /**
         * The runs of several sessions (the bench's rounds) as one: their days, CPU and wall seconds and sums added, the
         * setup ({@code r.slope.aspect}, repeated by every session) of the first.
         */
        static GrassRun of(List<GrassRun> rounds) {
            EngineRun first = rounds.get(0).run();
            DaySums sums = new DaySums(first.topoSum().length);
            double daysCpu = 0;
            double wall = 0;
            double topoCpu = 0;
            double flatCpu = 0;
            double session = 0;
            int days = 0;
            for (GrassRun round : rounds) {
                EngineRun r = round.run();
                sums.add(r);
                daysCpu += r.daysCpuSeconds();
                wall += r.wallSeconds();
                days += r.days();
                topoCpu += round.topoCpuPerDay() * r.days();
                flatCpu += round.flatCpuPerDay() * r.days();
                session += round.sessionCpuSeconds();
            }
            EngineRun run = sums.result(first.engine(), first.setupCpuSeconds(), daysCpu, wall, days);
            return new GrassRun(run, topoCpu / days, flatCpu / days, session);
        }
    }

    private static String timed(String name) {
        return TIME + " -a -f '%U %S' -o $OUT/" + name + ".time ";
    }

    /** Sum of the "user system" lines of a /usr/bin/time output file. */
    private static double cpuSeconds(Path file) throws IOException {
        double sum = 0;
        for (String line : Files.readAllLines(file)) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2 && f[0].matches("[0-9.]+")) {
                sum += Double.parseDouble(f[0]) + Double.parseDouble(f[1]);
            }
        }
        return sum;
    }

    private static float[] read(Path file) {
        try (GeoTiffReader r = GeoTiffReader.open(file.toString())) {
            return r.read(r.grid().extent());
        }
    }
}
