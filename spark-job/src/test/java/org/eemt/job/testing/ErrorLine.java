package org.eemt.job.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** The user-facing error of a failed run: one line, {@code eemt: SUBJECT: PROBLEM. FIX}. */
public final class ErrorLine {
    private ErrorLine() {
    }

    /** stderr holds exactly one message line (progress lines aside), naming the subject, the problem and a fix. */
    public static void assertOneLine(String stderr, String subject, String problem) {
        List<String> lines = stderr.lines().filter(l -> !l.isBlank() && !l.startsWith("[eemt] ")).toList();
        assertEquals(1, lines.size(), "one line on stderr, got:\n" + stderr);
        String line = lines.get(0);
        assertTrue(line.startsWith("eemt: " + subject + ": "), line);
        assertTrue(line.contains(problem), line);
        assertTrue(line.substring(line.indexOf(problem)).contains(". "), "a fix follows the problem: " + line);
        assertFalse(line.contains("Exception"), line);
    }
}
