package org.eemt.job.pipeline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkContext;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.apache.spark.api.plugin.SparkPlugin;
import org.eemt.geo.storage.Storage;

/**
 * Spark's Hadoop configuration for every file the run reads and writes ({@link Storage}): the
 * driver's {@code sc.hadoopConfiguration()} (the {@code spark.hadoop.*} settings, the cluster's
 * {@code *-site.xml}, settings a notebook made on it) on the driver, and a copy of it on every
 * executor, asked from the driver when the executor starts, before it runs a task. The copy
 * travels over Spark's RPC (authenticated and encrypted as the cluster is configured), not in the
 * Spark conf: credentials never show in the UI's environment page.
 *
 * <p>Installed by {@code spark.plugins} (eemt's own sessions add it; a notebook's session needs
 * {@code spark.plugins=org.eemt.job.pipeline.StoragePlugin}).
 */
public final class StoragePlugin implements SparkPlugin {
    private static final String ASK = "hadoop-configuration";

    @Override
    public DriverPlugin driverPlugin() {
        return new DriverPlugin() {
            private SparkContext sc;

            @Override
            public Map<String, String> init(SparkContext context, PluginContext pluginContext) {
                sc = context;
                Storage.configure(context.hadoopConfiguration());
                return Map.of();
            }

            @Override
            public Object receive(Object message) {
                if (!ASK.equals(message)) {
                    throw new IllegalArgumentException("unknown request to " + StoragePlugin.class.getName() + ": " + message);
                }
                return toBytes(sc.hadoopConfiguration());
            }
        };
    }

    @Override
    public ExecutorPlugin executorPlugin() {
        return new ExecutorPlugin() {
            @Override
            public void init(PluginContext context, Map<String, String> extraConf) {
                try {
                    Storage.configure(fromBytes((byte[]) context.ask(ASK)));
                } catch (Exception e) {
                    throw new IllegalStateException("the driver's Hadoop configuration did not reach this executor: " + e.getMessage(), e);
                }
            }
        };
    }

    static byte[] toBytes(Configuration conf) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            conf.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Configuration fromBytes(byte[] bytes) throws IOException {
        Configuration conf = new Configuration(false);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            conf.readFields(in);
        }
        return conf;
    }
}
