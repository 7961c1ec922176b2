package org.eemt.job.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eemt.geo.EemtException;
import org.eemt.job.outputs.Product;
import org.eemt.job.stage.Stage;
import org.eemt.job.stage.WorkFile;

/**
 * The stages of a run from their declared products (and work files, {@link WorkFile}): which run ({@code --products} and the stages
 * that write what those read), in which order (every stage after the stages whose products it
 * reads), and the check, before Spark starts, that every product a stage reads is written by a
 * stage that runs before it.
 */
final class StageGraph {
    private StageGraph() {
    }

    /**
     * The stages {@code requested} names ({@code all}, or stage names), with the stages that write
     * what they read, in dependency order (ties in the order of {@code stages}). Asks only stages
     * that others read from for their products ({@link #check} asks every stage).
     */
    static List<Stage> select(List<Stage> stages, List<String> requested) {
        Set<Stage> selected = new LinkedHashSet<>();
        for (String r : requested) {
            String name = r.trim().toLowerCase(Locale.ROOT);
            if (name.equals("all")) {
                selected.addAll(stages);
            } else {
                Stage stage = stages.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> EemtException.input(
                        "--products " + r, "unknown product group",
                        "use all or a comma list of " + String.join(", ", stages.stream().map(Stage::name).toList())));
                selected.add(stage);
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Stage s : List.copyOf(selected)) {
                for (Stage writer : stages) {
                    if (writer != s && writesAnyOf(writer, s)) {
                        grew |= selected.add(writer);
                    }
                }
            }
        }
        return order(stages.stream().filter(selected::contains).toList());
    }

    /** {@code stages} in an order where each comes after the stages whose products it reads; ties keep their order. */
    static List<Stage> order(List<Stage> stages) {
        List<Stage> remaining = new ArrayList<>(stages);
        List<Stage> ordered = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Stage next = remaining.stream()
                    .filter(s -> remaining.stream().noneMatch(t -> t != s && writesAnyOf(t, s)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("stages read each other's products: "
                            + String.join(", ", remaining.stream().map(Stage::name).toList())));
            ordered.add(next);
            remaining.remove(next);
        }
        return ordered;
    }

    /**
     * Every product that a stage with products to make reads is written by a stage before it (a
     * stage without products, such as EEMT without climate, reads nothing).
     */
    static void check(List<Stage> ordered) {
        Set<Product> written = new LinkedHashSet<>();
        Set<WorkFile<?>> writtenWork = new LinkedHashSet<>();
        for (Stage s : ordered) {
            if (!s.writes().isEmpty()) {
                for (Product p : s.reads()) {
                    if (!written.contains(p)) {
                        throw EemtException.input(p.path(), "is read by the " + s.name() + " stage, but no stage makes it with these options",
                                "run the stages that make it (--products all) with the options that make it (monthly solar "
                                        + "products need --days covering every month, e.g. --days 1-365)");
                    }
                }
                for (WorkFile<?> w : s.readsWork()) {
                    if (!writtenWork.contains(w)) {
                        throw new IllegalStateException("the " + s.name() + " stage reads " + w.description() + " (" + w.name()
                                + "), which no stage before it writes");
                    }
                }
            }
            written.addAll(s.writes());
            writtenWork.addAll(s.writesWork());
        }
    }

    /** Whether {@code writer} writes a product or work file that {@code reader} reads (asking the writer only when the reader reads any). */
    static boolean writesAnyOf(Stage writer, Stage reader) {
        List<Product> reads = reader.reads();
        List<WorkFile<?>> readsWork = reader.readsWork();
        return !reads.isEmpty() && writer.writes().stream().anyMatch(reads::contains)
                || !readsWork.isEmpty() && writer.writesWork().stream().anyMatch(readsWork::contains);
    }
}
