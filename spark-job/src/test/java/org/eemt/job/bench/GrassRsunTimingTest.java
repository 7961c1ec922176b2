package org.eemt.job.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eemt.geo.solar.model.SolarParameters;
import org.eemt.geo.testing.ExternalTool;
import org.eemt.geo.testing.Gdal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GrassRsunTiming} in a scratch directory that an earlier bench used (the benches' {@code --work}, which is kept). */
class GrassRsunTimingTest {
    @TempDir
    Path tmp;

    @Test
    void anEarlierSessionsTimesAreNotAddedToThisOnes() throws Exception {
        ExternalTool.require("grass");
        Path dem = Gdal.sampleDemWindow(tmp, 0, 0, 40, 30, "tiny.tif");
        Path work = tmp.resolve("work");
        Path grass = Files.createDirectories(work.resolve("grass"));
        // what an earlier session in this directory left: far more CPU than r.sun takes on 1 200 cells
        for (String name : List.of("setup", "topo", "flat", "session")) {
            Files.writeString(grass.resolve(name + ".time"), "1000.00 0.00\n");
        }
        GrassRsunTiming.GrassRun run = GrassRsunTiming.run("grass", dem, SolarParameters.defaults(), new int[] {80}, work);
        assertTrue(run.topoCpuPerDay() < 1000 && run.flatCpuPerDay() < 1000 && run.run().setupCpuSeconds() < 1000
                && run.sessionCpuSeconds() < 1000, "an earlier session's CPU counted: " + run);
        assertEquals(1, Files.readAllLines(grass.resolve("topo.time")).size(), "one r.sun timed");
    }
}
