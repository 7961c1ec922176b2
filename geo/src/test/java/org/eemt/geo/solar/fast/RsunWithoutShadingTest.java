package org.eemt.geo.solar.fast;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.eemt.geo.solar.ErrorStatistics;
import org.eemt.geo.solar.model.DailyIrradiation;
import org.eemt.geo.solar.model.Shading;
import org.eemt.geo.solar.model.SolarParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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
        assertMatchesRsun(demFile, model, reference.withoutShading(DAYS), DAYS);
    }

    /**
     * Sample grids other than the default's 48 pairs of samples ({@link SampleGroups}): 0.35 h, whose 69
     * samples are not symmetric about noon (groups of one), and 24/97 h, symmetric with an odd sample at
     * noon; the same bounds, on the sample DEM, days 80 and 355.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.35, 24.0 / 97})
    void otherSampleGridsMatchRsun(double stepHours) throws Exception {
        RsunReference reference = new RsunReference(new RsunCase(RsunCase.MCN));
        SolarParameters defaults = RsunCase.parameters(Shading.NONE);
        SolarParameters parameters = new SolarParameters(stepHours, defaults.linkeByMonth(), defaults.albedo(), Shading.NONE,
                defaults.horizonDistanceMetres(), defaults.horizonAzimuths(), defaults.north());
        int[] days = {80, 355};
        System.out.printf("step %s h%n", stepHours);
        assertMatchesRsun(RsunCase.MCN, SolarTileModel.prepare(reference.tile(), parameters), reference.withoutShading(stepHours, days), days);
    }

    private static void assertMatchesRsun(Path demFile, SolarTileModel model, Path out, int[] days) {
        for (int day : days) {
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
