package org.eemt.geo.hydrology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SAGA Wetness Index ({@code --wetness-index saga}) against SAGA GIS 8.5's own tool
 * ({@code saga_cmd ta_hydrology 15}, suction 10 (its default) and 3, defaults otherwise: specific catchment area, catchment
 * slope, slope offset 0.1°) run by the test on the DEM as given; ours runs on 64-cell tiles.
 * Compared: Spearman's ρ over cells at least three cells from the edge.
 */
class SagaWetnessIndexTest {

    static Stream<Arguments> dems() {
        return Stream.of(Arguments.of("sample", 10), Arguments.of("peru", 10), Arguments.of("sample Int16", 10),
                Arguments.of("zion Int16", 10), Arguments.of("peru", 3));
    }

    @ParameterizedTest(name = "{0}, suction {1}")
    @MethodSource("dems")
    void agreesWithSagaTool(String name, double suction, @TempDir Path dir) throws Exception {
        SagaTool.requireTools();
        Path dem = switch (name) {
            case "sample" -> Files.copy(Dems.sampleDem(), dir.resolve("dem.tif"));
            case "peru" -> Files.copy(Dems.peruDem(), dir.resolve("dem.tif"));
            default -> SagaTool.integerDem(name.split(" ")[0], dir);
        };
        SagaTool.saga(dir, "ta_hydrology", "15", "-DEM", dem.toString(), "-TWI", "swi.sdat", "-SUCTION", String.valueOf(suction));
        SagaTool.run(dir, "gdal_translate", "-q", "-of", "GTiff", "swi.sdat", "saga_swi.tif");
        float[] saga = Dems.read(dir.resolve("saga_swi.tif")).z();
        Dems.Dem d = Dems.read(dem);
        InMemoryTiles.Result ours = InMemoryTiles.run(d.grid(), d.z(), 64, 64, new WetnessSettings(WetnessSettings.Kind.SAGA, suction));
        assertEquals(saga.length, ours.twi().length);
        SagaTool.Stats s = SagaTool.compare(ours.twi(), saga, d.grid().columns(), d.grid().rows(), 3);
        System.out.printf("SAGA Wetness Index, %s, suction %.0f, vs saga_cmd ta_hydrology 15: Spearman %.6f, median |dSWI| %.2e, mean dSWI %.2e, %d cells%n",
                name, suction, s.spearman(), s.medianAbsDifference(), s.meanDifference(), s.cells());
        assertTrue(s.cells() > 0.8 * (d.grid().columns() - 6) * (d.grid().rows() - 6), "compared only " + s.cells() + " cells");
        assertTrue(s.spearman() >= 0.95, name + ": Spearman " + s.spearman());
    }
}
