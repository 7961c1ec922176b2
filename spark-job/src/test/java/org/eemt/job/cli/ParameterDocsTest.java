package org.eemt.job.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Each parameter's default is declared once, on its option (picocli), and the two places that
 * show it to users repeat that declaration: the README's parameter table and the commented
 * {@code #eemt.NAME = VALUE} lines of {@code conf/eemt.properties}. Every option of
 * {@code eemt run} with a default has both, with the same value.
 */
class ParameterDocsTest {
    private static final Path PROJECT = Path.of(System.getProperty("eemt.project.dir", "..")).toAbsolutePath().normalize();
    private static final Pattern README_ROW = Pattern.compile("^\\| `(--[a-z-]+)`(?:, `--[a-z-]+`)* \\| ([^|]+) \\|", Pattern.MULTILINE);
    private static final Pattern PROPERTY = Pattern.compile("^#?eemt\\.([a-z-]+) = (.*)$", Pattern.MULTILINE);

    @Test
    void readmeAndPropertiesRepeatTheOptionsDefaults() throws IOException {
        Map<String, String> readme = new HashMap<>();
        Matcher r = README_ROW.matcher(Files.readString(PROJECT.resolve("README.md")));
        while (r.find()) {
            readme.put(r.group(1), r.group(2));
        }
        Map<String, String> properties = new HashMap<>();
        Matcher p = PROPERTY.matcher(Files.readString(PROJECT.resolve("conf/eemt.properties")));
        while (p.find()) {
            properties.put("--" + p.group(1), p.group(2).trim());
        }
        List<String> checked = new ArrayList<>();
        for (OptionSpec o : new CommandLine(new RunCommand()).getCommandSpec().options()) {
            String name = o.longestName();
            String declared = o.defaultValue();
            if (o.usageHelp() || o.versionHelp() || declared == null || declared.isEmpty()) {
                continue;
            }
            assertTrue(readme.containsKey(name), "README.md: no row for " + name + " in the parameter table");
            assertTrue(sameValue(declared, readme.get(name)), "README.md: " + name + " default '" + readme.get(name) + "', declared " + declared);
            assertTrue(properties.containsKey(name), "conf/eemt.properties: no #eemt." + name.substring(2) + " line");
            assertTrue(sameValue(declared, properties.get(name)),
                    "conf/eemt.properties: " + name + " = " + properties.get(name) + ", declared " + declared);
            checked.add(name);
        }
        System.out.println("ParameterDocsTest: " + checked.size() + " defaults agree in README.md and conf/eemt.properties: " + checked);
        assertTrue(checked.size() >= 20, "too few options with defaults: " + checked);
    }

    /** The same value as written for people: numbers with digit-group spaces, {@code off} for false, code quotes. */
    private static boolean sameValue(String declared, String shown) {
        String s = shown.trim().replace("`", "").replace("off", "false");
        if (s.matches("[0-9][0-9 ]*(\\.[0-9]+)?")) {
            s = s.replace(" ", "");
        }
        if (declared.equals(s)) {
            return true;
        }
        try {
            return Double.parseDouble(declared) == Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
