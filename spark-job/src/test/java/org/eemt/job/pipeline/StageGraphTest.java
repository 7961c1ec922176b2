package org.eemt.job.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eemt.geo.EemtException;
import org.eemt.job.eemt.EemtOptions;
import org.eemt.job.wetness.WetnessOptions;
import org.eemt.job.outputs.Product;
import org.eemt.job.solar.SolarOptions;
import org.eemt.job.stage.Stage;
import org.eemt.job.stage.StageContext;
import org.junit.jupiter.api.Test;

/**
 * The stages of a run are selected and ordered from the products they declare, and a product that
 * a stage reads but no earlier stage writes is refused before Spark starts.
 */
class StageGraphTest {
    private static final Product A = new Product("x/a", "1", "a");
    private static final Product B = new Product("x/b", "1", "b");
    private static final Product C = new Product("x/c", "1", "c");

    /** A stage that only declares. */
    private record Declared(String name, List<Product> reads, List<Product> writes) implements Stage {
        @Override
        public void run(StageContext context, List<Product> wanted) {
            throw new AssertionError("not run here");
        }
    }

    @Test
    void stagesRunAfterTheStagesWhoseProductsTheyRead() {
        Stage last = new Declared("last", List.of(A, B), List.of(C));
        Stage middle = new Declared("middle", List.of(A), List.of(B));
        Stage first = new Declared("first", List.of(), List.of(A));
        Stage alone = new Declared("alone", List.of(), List.of(new Product("y/z", "1", "z")));
        List<Stage> all = List.of(last, alone, middle, first);
        assertEquals(List.of(alone, first, middle, last), StageGraph.select(all, List.of("all")));
        // asking for the last stage brings the stages that write what it reads, and not the others
        assertEquals(List.of(first, middle, last), StageGraph.select(all, List.of("last")));
        assertEquals(List.of(first), StageGraph.select(all, List.of("FIRST")));
        StageGraph.check(StageGraph.select(all, List.of("last")));
    }

    @Test
    void aProductNoEarlierStageWritesIsRefused() {
        Stage reader = new Declared("reader", List.of(A, B), List.of(C));
        Stage writer = new Declared("writer", List.of(), List.of(A));
        EemtException e = assertThrows(EemtException.class, () -> StageGraph.check(StageGraph.select(List.of(reader, writer), List.of("all"))));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().startsWith("x/b: is read by the reader stage, but no stage makes it"), e.getMessage());
        // a stage with nothing to write (EEMT without climate) reads nothing
        StageGraph.check(StageGraph.select(List.of(new Declared("reader", List.of(A, B), List.of()), writer), List.of("all")));
    }

    @Test
    void stagesThatReadEachOtherHaveNoOrder() {
        Stage one = new Declared("one", List.of(B), List.of(A));
        Stage two = new Declared("two", List.of(A), List.of(B));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> StageGraph.order(List.of(one, two)));
        assertEquals("stages read each other's products: one, two", e.getMessage());
    }

    @Test
    void unknownStageNameIsAnInputError() {
        EemtException e = assertThrows(EemtException.class,
                () -> StageGraph.select(List.of(new Declared("terrain", List.of(), List.of(A))), List.of("slope")));
        assertEquals("--products slope: unknown product group. Use all or a comma list of terrain", e.getMessage());
    }

    /** The run's own stages: EEMT after the three it reads from, and only those with --products eemt; solar after terrain. */
    @Test
    void theRunsStagesInOrder() {
        SolarOptions solar = new SolarOptions();
        solar.days = "1-365";
        solar.engine = "java";
        EemtOptions eemt = new EemtOptions();
        RunConfig config = new RunConfig("dem.tif", 1, "out", List.of("eemt"), 512, 1, false, solar, new WetnessOptions(), eemt,
                new java.util.TreeMap<>());
        List<String> names = StageGraph.select(Pipeline.stages(config), List.of("eemt")).stream().map(Stage::name).toList();
        assertEquals(List.of("terrain", "solar", "wetness", "eemt"), names);
        // the java solar engine reads the terrain stage's slope and aspect (Horn slope once per tile); GRASS r.sun reads nothing
        assertEquals(List.of("terrain", "solar"), StageGraph.select(Pipeline.stages(config), List.of("solar")).stream().map(Stage::name).toList());
        solar.engine = "grass";
        assertEquals(List.of("solar"), StageGraph.select(Pipeline.stages(config), List.of("solar")).stream().map(Stage::name).toList());
    }
}
