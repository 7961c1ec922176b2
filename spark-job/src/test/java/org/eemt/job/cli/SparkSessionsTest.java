package org.eemt.job.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.SparkSession;
import org.eemt.geo.EemtException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SparkSessions#startedAfterChecks}: a local Spark starts while the checks run and is stopped when they refuse the
 * run; a cluster master is not contacted before they pass.
 */
class SparkSessionsTest {
    @AfterEach
    void noSessionLeft() {
        SparkSession.getDefaultSession().foreach(s -> {
            s.stop();
            return null;
        });
    }

    @Test
    void localSessionStartsBesideChecksThatPass() {
        AtomicBoolean checked = new AtomicBoolean();
        SparkSession session = SparkSessions.startedAfterChecks("local[1]", () -> checked.set(true));
        try {
            assertTrue(checked.get(), "the checks ran");
            assertEquals("local[1]", session.sparkContext().master());
            assertEquals(3L, session.range(3).count(), "the session runs jobs");
        } finally {
            session.stop();
        }
    }

    @Test
    void refusedChecksStopTheLocalSessionStartedBesideThem() {
        EemtException refusal = EemtException.input("dem.tif", "is refused by the test", "none");
        EemtException thrown = assertThrows(EemtException.class, () -> SparkSessions.startedAfterChecks("local[1]", () -> {
            throw refusal;
        }));
        assertSame(refusal, thrown);
        assertTrue(SparkSession.getDefaultSession().isEmpty(), "no Spark session is left running");
    }

    @Test
    void refusedChecksNeverContactAClusterMaster() {
        // nothing listens on port 1: a session started before the checks would fail (or wait) on the master instead
        EemtException refusal = EemtException.input("dem.tif", "is refused by the test", "none");
        assertSame(refusal, assertThrows(EemtException.class, () -> SparkSessions.startedAfterChecks("spark://127.0.0.1:1", () -> {
            throw refusal;
        })));
        assertTrue(SparkSession.getDefaultSession().isEmpty(), "no Spark session was started");
    }
}
