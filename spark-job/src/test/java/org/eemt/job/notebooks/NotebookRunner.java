package org.eemt.job.notebooks;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import scala.collection.JavaConverters;
import scala.tools.nsc.Settings;
import scala.tools.nsc.interpreter.IMain;
import scala.tools.nsc.interpreter.Results;

/**
 * Runs every {@code %spark} paragraph of every note in a directory, in order, the way Zeppelin's
 * Spark interpreter does: one Scala 2.12 REPL ({@link IMain}, class-based wrappers, classes
 * written to {@code spark.repl.class.outputDir} for the executors) with {@code spark} and
 * {@code sc} bound and Zeppelin's start-up imports, against a local SparkSession configured as
 * {@code eemt run} configures its own. Other paragraphs ({@code %md}, {@code %spark.conf}) are
 * skipped. Exit code 0 when every paragraph succeeds; 1 at the first that does not (an error or
 * incomplete code), after printing which one.
 *
 * <p>Run in a child JVM by {@link NotebooksIT} with the built eemt.jar, Spark's jars and the
 * Scala compiler on the class path. Arguments: the notes' directory, a scratch directory.
 */
public final class NotebookRunner {
    private NotebookRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path notes = Path.of(args[0]);
        Path scratch = Path.of(args[1]);
        Path replClasses = Files.createDirectories(scratch.resolve("repl-classes"));
        SparkSession spark = SparkSession.builder().master("local[2]").appName("eemt notebooks")
                .config("spark.repl.class.outputDir", replClasses.toString())
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "8") // the sample's summaries are small
                .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .config("spark.kryo.registrator", "org.eemt.job.pipeline.EemtKryoRegistrator")
                .config("spark.kryo.registrationRequired", "true")
                .getOrCreate();
        int status = 1;
        try {
            status = runAll(spark, notes, replClasses);
        } finally {
            spark.stop();
        }
        System.exit(status);
    }

    private static int runAll(SparkSession spark, Path notes, Path replClasses) throws Exception {
        Settings settings = new Settings();
        List<String> options = List.of("-Yrepl-class-based", "-Yrepl-outdir", replClasses.toString(),
                "-classpath", System.getProperty("java.class.path"));
        settings.processArguments(JavaConverters.asScalaBuffer(options).toList(), true);
        PrintWriter out = new PrintWriter(System.out, true);
        IMain repl = new IMain(settings, out);
        repl.initializeSynchronous();
        bind(repl, "spark", "org.apache.spark.sql.SparkSession", spark);
        bind(repl, "sc", "org.apache.spark.SparkContext", spark.sparkContext());
        for (String line : List.of("import org.apache.spark.SparkContext._", "import spark.implicits._",
                "import spark.sql", "import org.apache.spark.sql.functions._")) {
            if (repl.interpret(line) != Results.Success$.MODULE$) {
                System.out.println("FAILED: Zeppelin's start-up line " + line);
                return 1;
            }
        }
        for (ZeppelinNote note : ZeppelinNote.all(notes)) {
            for (ZeppelinNote.Paragraph p : note.paragraphs()) {
                if (!p.isSparkScala()) {
                    System.out.println("skip " + note.file().getFileName() + " paragraph " + p.number() + " (%" + p.interpreter() + ")");
                    continue;
                }
                long start = System.nanoTime();
                System.out.println("run  " + note.file().getFileName() + " paragraph " + p.number() + " (" + p.id() + ")");
                Results.Result result = repl.interpret(p.code());
                out.flush();
                if (result != Results.Success$.MODULE$) {
                    System.out.println("FAILED: " + note.file().getFileName() + " paragraph " + p.number() + " (" + p.id() + "): "
                            + (result == Results.Incomplete$.MODULE$ ? "incomplete code" : "error") + "\n" + p.code());
                    return 1;
                }
                System.out.printf("ok   %s paragraph %d, %.1f s%n", note.file().getFileName(), p.number(), (System.nanoTime() - start) / 1e9);
            }
        }
        return 0;
    }

    private static void bind(IMain repl, String name, String type, Object value) {
        Results.Result r = repl.bind(name, type, value, JavaConverters.asScalaBuffer(List.<String>of()).toList());
        if (r != Results.Success$.MODULE$) {
            throw new IllegalStateException("cannot bind " + name);
        }
    }
}
