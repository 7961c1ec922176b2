package org.eemt.job.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.eemt.geo.grass.ContainerRuntime;
import org.eemt.geo.grass.GrassCommand;
import org.eemt.geo.EemtException;
import org.eemt.geo.solar.DaySelection;
import org.eemt.geo.solar.model.SolarParameters;
import org.eemt.job.eemt.EemtOptions;
import org.eemt.job.wetness.WetnessOptions;
import org.eemt.job.outputs.Product;
import org.eemt.job.solar.SolarConfig;
import org.eemt.job.stage.Stage;
import org.eemt.job.stage.StageContext;
import org.eemt.job.stage.WorkFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** A stage that declares work files too. */
    private record WithWork(String name, List<Product> writes, List<WorkFile<?>> readsWork, List<WorkFile<?>> writesWork)
            implements Stage {
        @Override
        public List<Product> reads() {
            return List.of();
        }

        @Override
        public void run(StageContext context, List<Product> wanted) {
            throw new AssertionError("not run here");
        }
    }

    @Test
    void workFilesOrderStagesAsProductsDo() {
        WorkFile<String> w = new WorkFile<>("w.ser", String.class, "a value");
        Stage reader = new WithWork("reader", List.of(C), List.of(w), List.of());
        Stage other = new Declared("other", List.of(), List.of(A));
        Stage writer = new WithWork("writer", List.of(), List.of(), List.of(w));
        List<Stage> all = List.of(reader, other, writer);
        assertEquals(List.of(other, writer, reader), StageGraph.select(all, List.of("all")));
        assertEquals(List.of(writer, reader), StageGraph.select(all, List.of("reader")));
        StageGraph.check(StageGraph.select(all, List.of("reader")));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> StageGraph.check(List.of(reader)));
        assertEquals("the reader stage reads a value (w.ser), which no stage before it writes", e.getMessage());
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

    /** The run's own stages: EEMT after the four it reads from, and only those with --products eemt; solar after terrain. */
    @Test
    void theRunsStagesInOrder(@TempDir Path climate) {
        SolarConfig solar = new SolarConfig(DaySelection.parse("1-365"), false, SolarParameters.defaults(), null); // the stages only declare here
        EemtOptions eemt = new EemtOptions();
        eemt.climate = climate.toString(); // an (empty) directory of gridded climate: the stages only declare here
        eemt.years = "2000";
        RunConfig config = config(solar, eemt);
        List<String> names = StageGraph.select(Pipeline.stages(config), List.of("eemt")).stream().map(Stage::name).toList();
        assertEquals(List.of("terrain", "solar", "wetness", "climate", "eemt"), names);
        StageGraph.check(StageGraph.select(Pipeline.stages(config), List.of("eemt")));
        eemt.climate = null; // without climate the EEMT stage makes nothing and needs no climate stage
        assertEquals(List.of("terrain", "solar", "wetness", "eemt"),
                StageGraph.select(Pipeline.stages(config(solar, eemt)), List.of("eemt")).stream().map(Stage::name).toList());
        // the java solar engine reads the terrain stage's slope and aspect (Horn slope once per tile); GRASS r.sun reads nothing
        assertEquals(List.of("terrain", "solar"), StageGraph.select(Pipeline.stages(config), List.of("solar")).stream().map(Stage::name).toList());
        SolarConfig grass = new SolarConfig(DaySelection.parse("1-365"), false, SolarParameters.defaults(),
                new GrassCommand(ContainerRuntime.NONE, null, List.of()));
        assertEquals(List.of("solar"), StageGraph.select(Pipeline.stages(config(grass, eemt)), List.of("solar")).stream().map(Stage::name).toList());
    }

    private static RunConfig config(SolarConfig solar, EemtOptions eemt) {
        return new RunConfig("dem.tif", 1, "out", List.of("eemt"), 512, 1, false, solar, new WetnessOptions().settings(),
                eemt.config(), new java.util.TreeMap<>());
    }
}
