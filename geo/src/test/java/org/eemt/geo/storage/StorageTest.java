package org.eemt.geo.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local files written through {@link Storage} (plain paths and {@code file://}): directories made as needed, targets
 * replaced whole, nothing hidden left behind, the permissions Hadoop's local file system gave (rw-r--r--, rwxr-xr-x
 * under the usual umask 022), and readable back through Storage.
 */
class StorageTest {
    @TempDir
    Path tmp;

    @Test
    void localWritesMakeTheirDirectoriesReplaceTheTargetAndLeaveNothingHidden() throws IOException {
        for (String prefix : List.of("", "file://")) {
            Path dir = tmp.resolve(prefix.isEmpty() ? "plain" : "uri");
            String manifest = prefix + dir.resolve("a/b/manifest.json");
            Storage.writeAtomically(manifest, "first".getBytes(StandardCharsets.UTF_8));
            Storage.writeAtomically(manifest, "second".getBytes(StandardCharsets.UTF_8));
            assertEquals("second", read(manifest));

            Path local = Files.writeString(tmp.resolve("finished-" + dir.getFileName() + ".tif"), "cells");
            String product = prefix + dir.resolve("c/product.tif");
            Storage.publish(local, product);
            Files.writeString(local, "newer cells");
            Storage.publish(local, product);
            assertEquals("newer cells", read(product));
            assertTrue(Files.exists(local), "the published file is copied, not moved");

            Storage.mkdirs(prefix + dir.resolve("d/e"));
            assertTrue(Files.isDirectory(dir.resolve("d/e")));
            assertEquals(List.of("manifest.json"), Storage.list(prefix + dir.resolve("a/b")));
            try (Stream<Path> all = Files.walk(dir)) {
                assertEquals(List.of(), all.filter(p -> p.getFileName().toString().startsWith(".")).toList(), "hidden files left");
            }
            if ("022".equals(umask())) {
                assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/manifest.json"))));
                assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))));
            }
        }
    }

    @Test
    void aTargetThatCannotBeReplacedIsAnErrorAndLeavesNoPart() throws IOException {
        Path target = tmp.resolve("out/manifest.json");
        Files.createDirectories(target.resolve("not-empty"));
        assertThrows(IOException.class, () -> Storage.writeAtomically(target.toString(), new byte[] {1}));
        try (Stream<Path> files = Files.list(tmp.resolve("out"))) {
            assertEquals(List.of(target), files.toList());
        }
    }

    private static String read(String location) throws IOException {
        try (InputStream in = Storage.open(location)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String umask() {
        try {
            Process p = new ProcessBuilder("sh", "-c", "umask").start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            p.waitFor();
            return out.length() > 3 ? out.substring(out.length() - 3) : out;
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }
}
