package org.eemt.job.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.eemt.geo.testing.TestData;
import org.eemt.job.testing.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code submit/eemt demo} as users run it, then its report.html in headless Chromium. */
class ReportIT {
    @TempDir
    Path tmp;

    @Test
    @Timeout(600)
    void theDemosReportLoadsEveryImageWithoutConsoleErrorsAndIsNotBlank() throws Exception {
        Path out = tmp.resolve("demo");
        Launcher.Result run = Launcher.eemt(tmp, "demo", "--out", out.toString(), "--master", "local[2]");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stderr().lines().anyMatch(l -> l.matches("\\[eemt\\] terrain: .* \\[#{20}\\] (\\d+)/\\1 tasks, [0-9.]+ s")),
                "the progress bar of the terrain stage ends full:\n" + run.stderr());

        Set<String> written = new HashSet<>();
        try (Stream<Path> files = Files.list(out.resolve(RunReport.QUICKLOOK))) {
            files.forEach(f -> written.add(RunReport.QUICKLOOK + "/" + f.getFileName()));
        }
        assertTrue(written.size() >= 4, "a map of each terrain product at least: " + written);

        HeadlessChromium.PageCheck page = HeadlessChromium.open(out.resolve(RunReport.FILE), tmp);
        Files.write(TestData.projectDir().resolve("spark-job/target/demo-report-screenshot.png"), page.screenshot());
        assertEquals(List.of(), page.consoleErrors());
        assertEquals(written, page.images().keySet(), "the page shows every quicklook written, and only those");
        assertEquals(List.of(), page.brokenImages());
        assertNotBlank(page.screenshot());

        // The check is real: a missing quicklook is a broken image and a console error.
        String missing = written.stream().sorted().findFirst().orElseThrow();
        Files.delete(out.resolve(missing));
        HeadlessChromium.PageCheck broken = HeadlessChromium.open(out.resolve(RunReport.FILE), tmp);
        assertEquals(List.of(missing), broken.brokenImages());
        assertFalse(broken.consoleErrors().isEmpty());
    }

    /** Maps make a screenshot with many colours and much that is not page white. */
    private static void assertNotBlank(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        Set<Integer> colours = new HashSet<>();
        long notWhite = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                notWhite += rgb == 0xFFFFFF ? 0 : 1;
            }
        }
        double fraction = notWhite / (double) (image.getWidth() * image.getHeight());
        assertTrue(colours.size() > 500, "distinct colours in the screenshot: " + colours.size());
        assertTrue(fraction > 0.2, "share of the screenshot that is not white: " + fraction);
    }
}
