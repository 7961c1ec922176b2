package org.eemt.job.cli;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.sql.SparkSession;
import org.eemt.geo.EemtException;
import org.eemt.geo.storage.Storage;
import org.eemt.job.deploy.ExecutorSizing;
import org.eemt.job.pipeline.EemtKryoRegistrator;
import org.eemt.job.pipeline.ProgressLine;
import org.eemt.job.pipeline.StoragePlugin;

/**
 * The Spark session of a command-line run. Under spark-submit the cluster's settings win; run
 * directly (submit/eemt, tests) the master comes from {@code --master}. Executors sized to a
 * standalone cluster's workers ({@link ExecutorSizing}), files through Spark's Hadoop
 * configuration ({@link StoragePlugin}), Kryo with registration required, and
 * the project's progress line instead of Spark's console bar.
 */
final class SparkSessions {
    private SparkSessions() {
    }

    static SparkSession getOrCreate(String defaultMaster) {
        SparkConf conf = new SparkConf();
        SparkSession.Builder builder = SparkSession.builder().appName(conf.get("spark.app.name", "eemt"));
        if (!conf.contains("spark.master")) {
            builder.master(defaultMaster);
        }
        ExecutorSizing.forMaster(conf.get("spark.master", defaultMaster), conf).forEach(builder::config);
        setIfAbsent(builder, conf, "spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        setIfAbsent(builder, conf, "spark.kryo.registrator", EemtKryoRegistrator.class.getName());
        setIfAbsent(builder, conf, "spark.kryo.registrationRequired", "true");
        setIfAbsent(builder, conf, "spark.ui.showConsoleProgress", "false");
        String plugins = conf.get("spark.plugins", "");
        if (!plugins.contains(StoragePlugin.class.getName())) {
            builder.config("spark.plugins", (plugins.isBlank() ? "" : plugins + ",") + StoragePlugin.class.getName());
        }
        SparkSession session = builder.getOrCreate();
        requireRegisteredWithStandaloneMaster(session);
        session.sparkContext().addSparkListener(new ProgressLine(System.err, System.console() != null));
        return session;
    }

    /**
     * Runs {@code checks}, then returns the session of {@link #getOrCreate}. A local master's session starts on another
     * thread while the checks run (both mostly load classes, each on a core of its own) and is stopped when they refuse the
     * run; a cluster's is asked for only once they passed, so that refused inputs never hold a cluster's executors.
     */
    static SparkSession startedAfterChecks(String defaultMaster, Runnable checks) {
        // a SparkConf's settings are the JVM's spark.* properties: read here without one, Spark's classes load on the
        // thread that starts it, beside the checks
        if (!System.getProperty("spark.master", defaultMaster).startsWith("local")) {
            checks.run();
            return getOrCreate(defaultMaster);
        }
        FutureTask<SparkSession> starting = new FutureTask<>(() -> getOrCreate(defaultMaster));
        Thread starter = new Thread(starting, "eemt-spark-start");
        starter.setDaemon(true);
        starter.start();
        try {
            checks.run();
        } catch (RuntimeException refused) {
            try {
                started(starting).stop();
            } catch (RuntimeException alsoFailed) {
                refused.addSuppressed(alsoFailed);
            }
            throw refused;
        }
        return started(starting);
    }

    private static SparkSession started(FutureTask<SparkSession> starting) {
        try {
            return starting.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Spark was starting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * A standalone master that refuses the application (another {@code spark.authenticate}
     * secret) or never answers leaves a SparkContext that Spark stops from another thread while
     * the first job is being submitted, and that job then waits forever. Spark's constructor
     * returns only once the master registered the application (an id {@code app-…}) or gave up
     * (the scheduler's fallback id {@code spark-application-…}): the second is an environment
     * error, reported before any job starts.
     */
    private static void requireRegisteredWithStandaloneMaster(SparkSession session) {
        String master = session.sparkContext().master();
        String applicationId = session.sparkContext().applicationId();
        if (master.startsWith("spark://") && !applicationId.startsWith("app-")) {
            session.stop();
            throw EemtException.environment("--master " + master,
                    "the standalone master did not register this application (unreachable, or it refused its spark.authenticate secret)",
                    "check the master URL and that EEMT_SECRET_FILE / spark.authenticate.secret match the cluster's; Spark's log above says which");
        }
    }

    /**
     * Before a session exists (checking the inputs): the Hadoop configuration Spark will build,
     * from the {@code spark.hadoop.*} settings spark-submit passed and the {@code *-site.xml} files.
     */
    static void configureStorage() {
        Storage.configure(SparkHadoopUtil.get().newConfiguration(new SparkConf()));
    }

    private static void setIfAbsent(SparkSession.Builder builder, SparkConf conf, String key, String value) {
        if (!conf.contains(key)) {
            builder.config(key, value);
        }
    }
}
