package org.eemt.job.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where a parameter's value comes from when its flag is not given, first match wins:
 * <ol>
 *   <li>the Spark conf {@code spark.eemt.<name>} (spark-submit {@code --conf} and
 *       {@code spark-defaults.conf} reach the driver as system properties);</li>
 *   <li>{@code eemt.<name>} in {@code eemt.properties} of the configuration directory
 *       (system property {@code eemt.conf.dir}, else environment {@code EEMT_CONF_DIR});</li>
 *   <li>the default written on the option.</li>
 * </ol>
 */
final class ParameterDefaults implements IDefaultValueProvider {
    private final Properties file = new Properties();

    ParameterDefaults() {
        String dir = System.getProperty("eemt.conf.dir", System.getenv("EEMT_CONF_DIR"));
        if (dir != null) {
            Path properties = Path.of(dir, "eemt.properties");
            if (Files.isReadable(properties)) {
                try (InputStream in = Files.newInputStream(properties)) {
                    file.load(in);
                } catch (IOException e) {
                    throw new IllegalStateException(properties + ": cannot be read: " + e.getMessage(), e);
                }
            }
        }
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        String name = option.longestName().replaceFirst("^--", "");
        String fromSpark = System.getProperty("spark.eemt." + name);
        if (fromSpark != null) {
            return fromSpark;
        }
        return file.getProperty("eemt." + name);
    }
}
