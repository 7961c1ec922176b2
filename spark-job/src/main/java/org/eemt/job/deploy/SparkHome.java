package org.eemt.job.deploy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Spark installation the daemons run from. Without a Spark distribution it is the
 * directory of jars this JVM loaded Spark from (spark-job/target/spark-jars, or an installed
 * Spark's jars/), presented as {@code SPARK_HOME/jars}, the layout the standalone Worker
 * expects when it builds executor command lines.
 */
final class SparkHome {
    /** Spark's Scala line; the Worker's launcher needs it when SPARK_HOME is not a distribution. */
    static final String SCALA_BINARY_VERSION = scala.util.Properties.versionNumberString().replaceAll("^(\\d+\\.\\d+).*", "$1");

    private SparkHome() {
    }

    /** The directory holding spark-core's jar, the Spark jars this process runs on. */
    static Path jarsDirectory() {
        try {
            var source = org.apache.spark.SparkContext.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                throw new IllegalStateException("cannot tell where Spark's jars are: spark-core has no code source");
            }
            Path jar = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("Spark is loaded from " + jar + ", not from a jar: run through submit/eemt");
            }
            return jar.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where Spark's jars are: " + e.getMessage(), e);
        }
    }

    /** A directory with {@code jars/} for SPARK_HOME: the jars' parent when named so, else a link under tmp. */
    static Path locate() throws IOException {
        Path jars = jarsDirectory();
        if (jars.getFileName().toString().equals("jars")) {
            return jars.getParent();
        }
        Path home = Path.of(System.getProperty("java.io.tmpdir"),
                "eemt-spark-home-" + Integer.toHexString(jars.toString().hashCode()));
        Path link = home.resolve("jars");
        Files.createDirectories(home);
        if (!Files.isSymbolicLink(link)) {
            try {
                Files.createSymbolicLink(link, jars);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another daemon on this host created it at the same moment
            }
        }
        return home;
    }
}
