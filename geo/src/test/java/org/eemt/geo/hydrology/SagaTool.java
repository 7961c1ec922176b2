package org.eemt.geo.hydrology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** SAGA GIS and GDAL run by the comparison tests in a working directory (black-box oracles). */
final class SagaTool {
    private SagaTool() {
    }

    /** Skips (loudly) when saga_cmd or the GDAL tools are missing; CI installs them (.ci/run). */
    static void requireTools() {
        for (String tool : new String[] {"saga_cmd", "gdal_translate", "gdalwarp"}) {
            boolean found = false;
            for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                found |= Files.isExecutable(Path.of(p, tool));
            }
            if (!found) {
                System.err.println("!!! SKIPPING the SAGA comparison: " + tool + " is not on PATH (CI installs it with .ci/run) !!!");
            }
            assumeTrue(found, tool + " is not installed");
        }
    }

    static void saga(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("saga_cmd");
        cmd.addAll(List.of(args));
        run(dir, cmd.toArray(new String[0]));
    }

    static void run(Path dir, String... cmd) throws IOException, InterruptedException {
        Path log = dir.resolve("tool.log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), String.join(" ", cmd) + " did not finish");
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed:\n" + Files.readString(log));
    }

    /**
     * Integer DEMs with flats, made as users make them: the sample DEMs rounded to Int16 by
     * gdal_translate, a 200 x 200 crop of the Zion SRTM (lat/lon) warped to UTM 12N at 30 m, and a
     * 300 x 300 window of it warped to 10 m (bilinear: planar patches between the 90 m samples).
     */
    static Path integerDem(String name, Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve(name + "_int16.tif");
        switch (name) {
            case "sample" -> run(dir, "gdal_translate", "-q", "-ot", "Int16", Dems.sampleDem().toString(), out.toString());
            case "peru" -> run(dir, "gdal_translate", "-q", "-ot", "Int16", Dems.peruDem().toString(), out.toString());
            case "zion" -> {
                Path utm = dir.resolve("zion_utm.tif");
                run(dir, "gdalwarp", "-q", "-t_srs", "EPSG:32612", "-tr", "30", "30", "-r", "bilinear",
                        Dems.zionDem().toString(), utm.toString());
                run(dir, "gdal_translate", "-q", "-ot", "Int16", "-srcwin", "100", "100", "200", "200", utm.toString(), out.toString());
            }
            case "zion10m" -> {
                Path utm = dir.resolve("zion_utm10.tif");
                run(dir, "gdalwarp", "-q", "-t_srs", "EPSG:32612", "-te", "316060", "4136130", "319060", "4139130",
                        "-tr", "10", "10", "-r", "bilinear", Dems.zionDem().toString(), utm.toString());
                run(dir, "gdal_translate", "-q", "-ot", "Int16", utm.toString(), out.toString());
            }
            default -> throw new IllegalArgumentException(name);
        }
        return out;
    }

    /** Agreement of our raster with a reference: Spearman's ρ, median |ours − theirs|, mean (ours − theirs), cells compared. */
    record Stats(double spearman, double medianAbsDifference, double meanDifference, int cells) {
    }

    /** {@link Stats} over cells at least {@code margin} cells from the edge where both have a value. */
    static Stats compare(float[] ours, float[] theirs, int columns, int rows, int margin) {
        List<double[]> pairs = new ArrayList<>();
        for (int y = margin; y < rows - margin; y++) {
            for (int x = margin; x < columns - margin; x++) {
                float a = ours[y * columns + x];
                float b = theirs[y * columns + x];
                if (!Float.isNaN(a) && !Float.isNaN(b)) {
                    pairs.add(new double[] {a, b});
                }
            }
        }
        int n = pairs.size();
        double[] a = new double[n];
        double[] b = new double[n];
        double[] diff = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            a[i] = pairs.get(i)[0];
            b[i] = pairs.get(i)[1];
            diff[i] = Math.abs(a[i] - b[i]);
            mean += a[i] - b[i];
        }
        java.util.Arrays.sort(diff);
        double median = n == 0 ? Double.NaN : n % 2 == 1 ? diff[n / 2] : (diff[n / 2 - 1] + diff[n / 2]) / 2;
        return new Stats(Statistics.spearman(a, b), median, mean / n, n);
    }
}
