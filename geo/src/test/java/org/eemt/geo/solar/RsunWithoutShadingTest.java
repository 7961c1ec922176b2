package org.eemt.geo.solar;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The equations without terrain shading against GRASS 8.2 {@code r.sun -p} (acceptance of issue 3):
 * with the real slope and aspect, on days 1, 80, 172, 266 and 355, at least 99.5 % of cells within
 * 0.1 % of r.sun's daily global irradiation and insolation time within 0.02 h mean absolute; the flat
 * product against r.sun with zero slope and aspect within 0.01 % mean absolute. On the sample DEM
 * (projected), the Peru DEM (southern hemisphere) and the Zion DEM (geographic, UInt16 with NoData).
 */
class RsunWithoutShadingTest {
    private static final int[] DAYS = {1, 80, 172, 266, 355};

    @BeforeAll
    static void grass() {
        GrassOracle.requireGrass();
    }

    static Stream<Path> dems() {
        return Stream.of(RsunCase.MCN, RsunCase.PERU, RsunCase.ZION);
    }

    @ParameterizedTest
    @MethodSource("dems")
    void dailyGlobalIrradiationInsolationAndFlatMatchRsun(Path demFile) throws Exception {
        RsunReference reference = new RsunReference(new RsunCase(demFile));
        SolarTileModel model = SolarTileModel.prepare(reference.tile(), RsunCase.parameters(Shading.NONE));
        Path out = reference.withoutShading(DAYS);
        for (int day : DAYS) {
            DailyIrradiation java = model.day(day);
            ErrorStatistics global = ErrorStatistics.of(java.globalTopo(), GrassOracle.read(out.resolve("g" + day + ".tif")), 1);
            ErrorStatistics hours = ErrorStatistics.of(java.insolationHours(), GrassOracle.read(out.resolve("i" + day + ".tif")), 0);
            ErrorStatistics flat = ErrorStatistics.of(java.globalFlat(), GrassOracle.read(out.resolve("f" + day + ".tif")), 1);
            System.out.printf("%s day %d%n  global %s%n  insolation MAE %.4f h%n  flat %s%n",
                    demFile.getFileName(), day, global, hours.meanAbsolute(), flat);
            assertTrue(global.cells() > 0.9 * java.globalTopo().length, "too few cells compared: " + global.cells());
            assertTrue(global.fractionWithin(0.001) >= 0.995, demFile.getFileName() + " day " + day + ": " + global);
            assertTrue(hours.meanAbsolute() <= 0.02, demFile.getFileName() + " day " + day + " insolation MAE " + hours.meanAbsolute());
            assertTrue(flat.meanAbsoluteRelative() <= 0.0001, demFile.getFileName() + " day " + day + " flat: " + flat);
        }
    }
}
