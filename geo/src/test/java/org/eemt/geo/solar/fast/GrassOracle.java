package org.eemt.geo.solar.fast;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.TestData;

/**
 * Runs GRASS GIS (the black-box reference) on a DEM: a bash script of GRASS commands inside
 * {@code grass --tmp-location DEM --exec}, with the DEM imported as raster {@code dem} and the
 * region set to it. The script writes GeoTIFFs into {@code $OUT}; outputs are cached under
 * {@code target/grass-oracle/<hash of DEM path and script>} so that each script runs once per build
 * directory. Tests call {@link #requireGrass()} first: without GRASS they are skipped, loudly
 * ({@link ExternalTool#require}).
 */
final class GrassOracle {
    private GrassOracle() {
    }

    static void requireGrass() {
        ExternalTool.require("grass");
    }

    /** Runs {@code script} (bash, GRASS commands, $OUT = output directory) once and returns the output directory. */
    static synchronized Path run(Path dem, String script) throws IOException, InterruptedException {
        String key = hash(dem.toAbsolutePath() + "\n" + script);
        Path out = TestData.projectDir().resolve("geo/target/grass-oracle").resolve(key);
        Path done = out.resolve("DONE");
        if (Files.exists(done)) {
            return out;
        }
        Files.createDirectories(out);
        String full = "set -euo pipefail\nexport GRASS_OVERWRITE=1\nOUT=" + out + "\n"
                + "r.in.gdal -o --quiet input=" + dem.toAbsolutePath() + " output=dem\n"
                + "g.region raster=dem\n" + script;
        Path scriptFile = out.resolve("script.sh");
        Files.writeString(scriptFile, full, StandardCharsets.UTF_8);
        Path log = out.resolve("grass.log");
        long start = System.nanoTime();
        Process p = new ProcessBuilder("grass", "--tmp-location", dem.toAbsolutePath().toString(), "--exec", "bash", scriptFile.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("GRASS script failed, see " + log + ":\n" + tail(log));
        }
        System.out.printf("GRASS oracle %s on %s: %.1f s%n", key, dem.getFileName(), (System.nanoTime() - start) / 1e9);
        Files.writeString(done, "ok");
        return out;
    }

    /** Band 1 of a GeoTIFF written by a script, NaN where GRASS had no value. */
    static float[] read(Path file) {
        try (GeoTiffReader r = GeoTiffReader.open(file.toString())) {
            return r.read(r.grid().extent());
        }
    }

    /** The GRASS command that exports raster {@code map} to {@code $OUT/<map>.tif} as Float32. */
    static String export(String map) {
        return "r.out.gdal -c -f --quiet input=" + map + " output=$OUT/" + map + ".tif format=GTiff type=Float32\n";
    }

    private static String tail(Path log) throws IOException {
        String s = Files.readString(log);
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
