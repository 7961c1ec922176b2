package org.eemt.job.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eemt.geo.EemtException;
import org.eemt.job.outputs.Product;
import org.eemt.job.stage.Stage;

/**
 * The stages of a run from their declared products: which run ({@code --products} and the stages
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
                if (s.reads().isEmpty()) {
                    continue;
                }
                for (Stage writer : stages) {
                    if (writer != s && writesAnyOf(writer, s.reads())) {
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
                    .filter(s -> s.reads().isEmpty() || remaining.stream().noneMatch(t -> t != s && writesAnyOf(t, s.reads())))
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
        for (Stage s : ordered) {
            if (!s.writes().isEmpty()) {
                for (Product p : s.reads()) {
                    if (!written.contains(p)) {
                        throw EemtException.input(p.path(), "is read by the " + s.name() + " stage, but no stage makes it with these options",
                                "run the stages that make it (--products all) with the options that make it (monthly solar "
                                        + "products need --days covering every month, e.g. --days 1-365)");
                    }
                }
            }
            written.addAll(s.writes());
        }
    }

    private static boolean writesAnyOf(Stage writer, List<Product> products) {
        return writer.writes().stream().anyMatch(products::contains);
    }
}
