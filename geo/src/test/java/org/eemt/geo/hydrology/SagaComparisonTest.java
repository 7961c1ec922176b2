package org.eemt.geo.hydrology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TWI against SAGA GIS 8.5 run by the test: Wang &amp; Liu fill (ta_preprocessor 4), D-infinity
 * flow accumulation in cell area (ta_hydrology 0, METHOD 3, FLOW_UNIT 1), Horn slope of the filled
 * DEM (ta_morphometry 0, METHOD 2, radians) and the TWI tool with pseudo-specific catchment area
 * (ta_hydrology 20, CONV 1). Compared: cells at least two cells from the DEM's edge where both
 * have a value. SAGA is a black-box reference here.
 */
class SagaComparisonTest {

    @Test
    void steepPeruDemAgreesWithSaga(@TempDir Path dir) throws Exception {
        SagaTool.Stats s = compare(Dems.peruDem(), dir);
        System.out.printf("Peru 30 m vs SAGA: Spearman %.4f, median |dTWI| %.3f, mean dTWI (ours - SAGA) %.3f, %d cells%n",
                s.spearman(), s.medianAbsDifference(), s.meanDifference(), s.cells());
        assertTrue(s.spearman() >= 0.98, "Spearman rank correlation " + s.spearman());
        assertTrue(s.medianAbsDifference() <= 0.05, "median absolute TWI difference " + s.medianAbsDifference());
    }

    /** The gentle caldera floor: the flats make the fills differ most here (docs/hydrology.md). */
    @Test
    void gentleSampleDemAgreesWithSaga(@TempDir Path dir) throws Exception {
        SagaTool.Stats s = compare(Dems.sampleDem(), dir);
        System.out.printf("sample mcn_10m vs SAGA: Spearman %.4f, median |dTWI| %.3f, mean dTWI (ours - SAGA) %.3f, %d cells%n",
                s.spearman(), s.medianAbsDifference(), s.meanDifference(), s.cells());
        Dems.Dem dem = Dems.read(Dems.sampleDem());
        int interior = (dem.grid().columns() - 4) * (dem.grid().rows() - 4);
        assertTrue(s.cells() > 0.9 * interior, "compared " + s.cells() + " of " + interior + " interior cells");
        assertTrue(s.spearman() >= 0.90, "Spearman rank correlation " + s.spearman());
        assertTrue(s.medianAbsDifference() <= 0.05, "median absolute TWI difference " + s.medianAbsDifference());
    }

    /**
     * Integer DEMs with flats, compared stage by stage (docs/hydrology.md, issue 20): our TWI; our
     * pipeline run on SAGA's own filled DEM (the fill taken out of the difference); SAGA's area
     * with our slope (the slope taken out); our area with SAGA's slope (the area alone). The slopes
     * agree, our routing follows the four-neighbour aspect as SAGA's "Deterministic Infinity" does
     * ({@link #sagaDInfinitySplitsAlongTheFourNeighbourAspect}), and what remains is the fill of the
     * flats (ε here, Wang &amp; Liu's 0.1° in SAGA), which moves ρ by at most 0.03.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} Int16")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"sample", "peru", "zion", "zion10m"})
    void integerDemsStageByStage(String name, @TempDir Path dir) throws Exception {
        SagaTool.requireTools();
        Path demFile = SagaTool.integerDem(name, dir);
        runSaga(demFile, dir);
        Dems.Dem d = Dems.read(demFile);
        int w = d.grid().columns();
        int h = d.grid().rows();
        double width = Math.sqrt(d.grid().cellWidth() * d.grid().cellHeight());
        float[] sagaFilled = sagaGrid(dir, "filled");
        float[] sagaArea = sagaGrid(dir, "area");
        float[] sagaSlope = sagaGrid(dir, "slope");
        float[] sagaTwi = sagaGrid(dir, "twi");
        InMemoryTiles.Result ours = InMemoryTiles.run(d.grid(), d.z(), 64, 64);
        InMemoryTiles.Result onSagaFill = InMemoryTiles.run(d.grid(), sagaFilled, 64, 64);
        int n = d.z().length;
        float[] sagaSca = new float[n];
        float[] sagaAreaOurSlope = new float[n];
        float[] ourAreaSagaSlope = new float[n];
        for (int i = 0; i < n; i++) {
            double lnOurTan = Math.log(ours.sca()[i]) - ours.twi()[i];
            sagaSca[i] = (float) (sagaArea[i] / width);
            sagaAreaOurSlope[i] = (float) (Math.log(sagaSca[i]) - lnOurTan);
            ourAreaSagaSlope[i] = (float) Math.log(ours.sca()[i] / Math.max(Math.tan(sagaSlope[i]), WetnessIndex.MIN_TAN_SLOPE));
        }
        SagaTool.Stats twi = SagaTool.compare(ours.twi(), sagaTwi, w, h, 2);
        SagaTool.Stats fillRemoved = SagaTool.compare(onSagaFill.twi(), sagaTwi, w, h, 2);
        SagaTool.Stats slopeRemoved = SagaTool.compare(sagaAreaOurSlope, sagaTwi, w, h, 2);
        SagaTool.Stats areaAlone = SagaTool.compare(ourAreaSagaSlope, sagaTwi, w, h, 2);
        SagaTool.Stats sca = SagaTool.compare(ours.sca(), sagaSca, w, h, 2);
        SagaTool.Stats scaAcrossFills = SagaTool.compare(ours.sca(), onSagaFill.sca(), w, h, 2);
        System.out.printf("%s Int16 vs SAGA: Spearman %.4f, median |dTWI| %.3f, mean dTWI (ours - SAGA) %.3f, %d cells%n",
                name, twi.spearman(), twi.medianAbsDifference(), twi.meanDifference(), twi.cells());
        System.out.printf("%s Int16 stages, Spearman with SAGA's TWI: ours on SAGA's filled DEM %.4f, SAGA's area with our"
                        + " slope %.4f, our area with SAGA's slope %.4f; SCA: ours vs SAGA's %.4f, ours on our fill vs on"
                        + " SAGA's fill %.4f%n",
                name, fillRemoved.spearman(), slopeRemoved.spearman(), areaAlone.spearman(), sca.spearman(),
                scaAcrossFills.spearman());
        int interior = (w - 4) * (h - 4);
        assertTrue(twi.cells() > 0.9 * interior, name + ": compared " + twi.cells() + " of " + interior + " interior cells");
        assertTrue(slopeRemoved.spearman() >= 0.99, name + ": the slopes differ, rho with SAGA's area " + slopeRemoved.spearman());
        assertTrue(twi.spearman() >= 0.90, name + " Int16: Spearman rank correlation " + twi.spearman());
        assertTrue(twi.medianAbsDifference() <= 0.05, name + " Int16: median absolute TWI difference " + twi.medianAbsDifference());
        assertTrue(Math.abs(fillRemoved.spearman() - twi.spearman()) <= 0.03,
                name + ": the fill moves rho from " + twi.spearman() + " to " + fillRemoved.spearman());
    }

    /**
     * SAGA's "Deterministic Infinity" (ta_hydrology 0, METHOD 3) as a black box: on a surface
     * z = x + y + 0.9·x·y (10 m cells, x east, y north, in cells from the centre) the centre's
     * four-neighbour gradient points exactly south-west, while Tarboton's steepest facet (ours)
     * lies between west and south-west: it would send r/α = atan(0.1)/(π/4) = 12.7 % to south-west
     * and 87.3 % west. SAGA, run with a weight only at the centre, sends it all south-west: it
     * splits along the aspect, not along the steepest facet; so does ours ({@link DInfinity}).
     */
    @Test
    void sagaDInfinitySplitsAlongTheFourNeighbourAspect(@TempDir Path dir) throws Exception {
        SagaTool.requireTools();
        int n = 9;
        int c = n / 2;
        float[] z = new float[n * n];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                int x = col - c;
                int y = c - row;
                z[row * n + col] = (float) (100 + x + y + 0.9 * x * y);
            }
        }
        float[] saga = sagaFlowOfTheCentre(z, n, dir);
        double sagaWest = saga[c * n + c - 1];
        double sagaSouthWest = saga[(c + 1) * n + c - 1];

        double oursSouthWest = oursFlowOfTheCentre(z, n)[(c + 1) * n + c - 1];
        System.out.printf("share of the centre's flow sent south-west: ours %.4f, SAGA %.4f (west %.4f); Tarboton's"
                + " steepest facet would send %.4f%n", oursSouthWest, sagaSouthWest, sagaWest, Math.atan(0.1) / (Math.PI / 4));
        assertTrue(sagaWest < 0.01, "SAGA sends " + sagaWest + " of the centre's flow west");
        assertTrue(sagaSouthWest > 0.99, "SAGA sends " + sagaSouthWest + " of the centre's flow south-west");
        assertEquals(sagaSouthWest, oursSouthWest, 1e-6, "our south-west share");
    }

    /**
     * SAGA's "Deterministic Infinity" when the neighbours bracketing the aspect are not both lower
     * or a cardinal neighbour is NoData (a 3x3 core, row by row from the north-west, in a cone
     * falling away from it; 10 m cells; a weight only at the centre): where its flow goes, ours
     * against SAGA's, on all 8 neighbours.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = ';', value = {
        "both lower: split by angle;101 102 101 99.5 100 101.2 99 99 99",
        "south equal: all south-west;101 102 101 99.8 100 101.2 99 100 99.5",
        "south-west higher: all south;101 102 101 99.5 100 101.2 100.5 99 99",
        "south-west equal: all south;101 102 101 99.5 100 101.2 100 99 99",
        "neither lower: steepest drop, west not north-west;98.7 103 101 99 100 101.5 100.5 100 100.5",
        "zero gradient: steepest drop;99.5 101 99 101 100 101 98.8 101 99.6",
        "no lower neighbour: stays;100 100 100 100 100 100 100 100 100",
        "north NoData: one-sided north-south difference;101 NaN 101 99.5 100 101.2 99 99 99",
        "east NoData: one-sided east-west difference;101 102 101 99.5 100 NaN 99 99 99"})
    void sagaDInfinityWhenABracketingNeighbourIsNotLower(String name, String core, @TempDir Path dir) throws Exception {
        SagaTool.requireTools();
        int n = 9;
        int c = n / 2;
        String[] values = core.trim().split(" +");
        float[] z = new float[n * n];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                boolean inCore = Math.abs(row - c) <= 1 && Math.abs(col - c) <= 1;
                z[row * n + col] = inCore ? Float.parseFloat(values[(row - c + 1) * 3 + col - c + 1])
                        : (float) (60 - 5 * Math.hypot(row - c, col - c));
            }
        }
        float[] saga = sagaFlowOfTheCentre(z, n, dir);
        double[] oursReceived = oursFlowOfTheCentre(z, n);
        int centre = c * n + c;
        StringBuilder shares = new StringBuilder();
        for (int row = c - 1; row <= c + 1; row++) {
            for (int col = c - 1; col <= c + 1; col++) {
                int i = row * n + col;
                if (i != centre && !Float.isNaN(z[i])) {
                    shares.append(String.format(" %.4f/%.4f", oursReceived[i], saga[i]));
                    assertEquals(saga[i], oursReceived[i], 1e-4, name + ": share of neighbour (" + (row - c) + ", " + (col - c) + ")");
                }
            }
        }
        System.out.printf("%s: ours/SAGA from the north-west:%s%n", name, shares);
    }

    /**
     * SAGA's Deterministic Infinity flow accumulation (ta_hydrology 0, METHOD 3) of an {@code n x n}
     * DEM (10 m cells, UTM 13N, NaN written as NoData) with a weight of 1 at the centre and 0
     * elsewhere: each cell's value is the part of the centre's flow that passes through it.
     */
    private static float[] sagaFlowOfTheCentre(float[] z, int n, Path dir) throws Exception {
        String header = "ncols " + n + "\nnrows " + n + "\nxllcorner 500000\nyllcorner 4000000\ncellsize 10\n";
        StringBuilder dem = new StringBuilder(header + "NODATA_value -9999\n");
        StringBuilder weights = new StringBuilder(header);
        for (int i = 0; i < n * n; i++) {
            String end = i % n == n - 1 ? "\n" : " ";
            dem.append(Float.isNaN(z[i]) ? "-9999" : Float.toString(z[i])).append(end);
            weights.append(i == n * n / 2 ? 1 : 0).append(end);
        }
        Files.writeString(dir.resolve("dem.asc"), dem);
        Files.writeString(dir.resolve("weights.asc"), weights);
        SagaTool.run(dir, "gdal_translate", "-q", "-a_srs", "EPSG:32613", "-ot", "Float32", "dem.asc", "dem.tif");
        SagaTool.run(dir, "gdal_translate", "-q", "-a_srs", "EPSG:32613", "-ot", "Float32", "weights.asc", "weights.tif");
        SagaTool.saga(dir, "ta_hydrology", "0", "-ELEVATION", "dem.tif", "-WEIGHTS", "weights.tif", "-FLOW", "flow.sdat",
                "-METHOD", "3", "-FLOW_UNIT", "0");
        return sagaGrid(dir, "flow");
    }

    /** The part of the centre's flow that each cell of an {@code n x n} DEM (10 m cells) receives from it in ours. */
    private static double[] oursFlowOfTheCentre(float[] z, int n) {
        double[] size = new double[n];
        Arrays.fill(size, 10);
        DInfinity ours = DInfinity.of(z, n, n, size, size);
        int centre = n * n / 2;
        double[] received = new double[n * n];
        if (ours.drains(centre)) {
            received[ours.cardinal(centre)] += 1 - ours.diagonalShareOf(centre);
            received[ours.diagonal(centre)] += ours.diagonalShareOf(centre);
        }
        return received;
    }

    /** SAGA's TWI pipeline on {@code demFile} in {@code dir}: filled, area, slope, twi (.sdat). */
    private static void runSaga(Path demFile, Path dir) throws Exception {
        Path dem = dir.resolve("dem.tif");
        if (!demFile.equals(dem)) {
            Files.copy(demFile, dem, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        SagaTool.saga(dir, "ta_preprocessor", "4", "-ELEV", "dem.tif", "-FILLED", "filled.sdat");
        SagaTool.saga(dir, "ta_hydrology", "0", "-ELEVATION", "filled.sdat", "-FLOW", "area.sdat", "-METHOD", "3", "-FLOW_UNIT", "1");
        SagaTool.saga(dir, "ta_morphometry", "0", "-ELEVATION", "filled.sdat", "-SLOPE", "slope.sdat", "-ASPECT", "aspect.sdat",
                "-METHOD", "2", "-UNIT_SLOPE", "0");
        SagaTool.saga(dir, "ta_hydrology", "20", "-SLOPE", "slope.sdat", "-AREA", "area.sdat", "-TWI", "twi.sdat", "-CONV", "1");
    }

    private static float[] sagaGrid(Path dir, String name) throws Exception {
        SagaTool.run(dir, "gdal_translate", "-q", "-of", "GTiff", name + ".sdat", "saga_" + name + ".tif");
        return Dems.read(dir.resolve("saga_" + name + ".tif")).z();
    }

    private static SagaTool.Stats compare(Path demFile, Path dir) throws Exception {
        SagaTool.requireTools();
        runSaga(demFile, dir);
        float[] saga = sagaGrid(dir, "twi");

        Dems.Dem d = Dems.read(demFile);
        InMemoryTiles.Result ours = InMemoryTiles.run(d.grid(), d.z(), 64, 64);
        assertEquals(saga.length, ours.twi().length);
        return SagaTool.compare(ours.twi(), saga, d.grid().columns(), d.grid().rows(), 2);
    }
}
