package org.eemt.job.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.eemt.job.pipeline.EemtKryoRegistrator;
import org.eemt.job.pipeline.ProgressLine;

/**
 * The Spark session of a command-line run. Under spark-submit the cluster's settings win; run
 * directly (submit/eemt, tests) the master comes from {@code --master}. Kryo with registration
 * required, and the project's progress line instead of Spark's console bar.
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
        setIfAbsent(builder, conf, "spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        setIfAbsent(builder, conf, "spark.kryo.registrator", EemtKryoRegistrator.class.getName());
        setIfAbsent(builder, conf, "spark.kryo.registrationRequired", "true");
        setIfAbsent(builder, conf, "spark.ui.showConsoleProgress", "false");
        SparkSession session = builder.getOrCreate();
        session.sparkContext().addSparkListener(new ProgressLine(System.err, System.console() != null));
        return session;
    }

    private static void setIfAbsent(SparkSession.Builder builder, SparkConf conf, String key, String value) {
        if (!conf.contains(key)) {
            builder.config(key, value);
        }
    }
}
