package org.eemt.job.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.eemt.geo.storage.Storage;
import org.eemt.job.outputs.CellStatistics;
import org.eemt.job.outputs.Product;
import org.eemt.job.outputs.RunOutputs;

/**
 * {@code <out>/report.html} and {@code <out>/quicklook/*.png} of a run, from its
 * {@code manifest.json} and products: a map of every product that is not monthly (colour bar,
 * unit, NoData transparent), charts of the monthly products' means, for EEMT a summary by aspect,
 * wetness and elevation (Rasmussen et al. 2015, Tables 1–2), a statistics table of every product,
 * and the run's stages, parameters and provenance. Self-contained: images are files beside the
 * page, no script, no network.
 */
public final class RunReport {
    public static final String FILE = "report.html";
    public static final String QUICKLOOK = "quicklook";
    private static final Pattern MONTH = Pattern.compile("(^|_)(" + String.join("|", MonthlyChart.MONTHS) + ")(_|$)");

    private static final String S_TOPO = "global/monthly/total_sun_%s_sum";
    private static final String S_FLAT = "global/monthly/flat_total_sun_%s_sum";
    /** Where the links to the sections go once they are all known. */
    private static final String NAVIGATION = "<!-- sections -->";

    private final RunOutputs outputs;
    private final JsonNode manifest;
    private final StringBuilder html = new StringBuilder();
    private final StringBuilder navigation = new StringBuilder();

    private RunReport(RunOutputs outputs) {
        this.outputs = outputs;
        this.manifest = outputs.manifest();
    }

    /**
     * Writes the report of the run in {@code out}, reading its products with {@code spark};
     * returns the location of {@code report.html}.
     */
    public static String write(SparkSession spark, String out) throws IOException {
        return new RunReport(RunOutputs.open(out)).write(JavaSparkContext.fromSparkContext(spark.sparkContext()));
    }

    private String write(JavaSparkContext spark) throws IOException {
        String out = outputs.directory();
        List<Product> products = outputs.products();
        List<Product> mapped = products.stream().filter(p -> month(p) < 0).toList();
        List<Product> withBlocks = new ArrayList<>(mapped);
        withBlocks.addAll(solarMonths(S_TOPO));
        withBlocks.addAll(solarMonths(S_FLAT));
        int blockSize = ProductMaps.blockSize(outputs.grid());
        Map<String, Quicklook> quicklooks = ProductMaps.quicklooks(spark, outputs, withBlocks, blockSize);
        // products are read for statistics only when the run did not record them while writing (older versions)
        List<Product> unrecorded = products.stream().filter(p -> outputs.recordedStatistics(p) == null).toList();
        Map<String, CellStatistics> read = unrecorded.isEmpty() ? Map.of()
                : ProductScan.totals(ProductScan.scan(spark, outputs, unrecorded, List.of(), blockSize));
        Map<String, CellStatistics> statistics = new LinkedHashMap<>();
        for (Product p : products) {
            CellStatistics recorded = outputs.recordedStatistics(p);
            statistics.put(p.path(), recorded != null ? recorded : read.get(p.path()));
        }

        String quicklookDir = Storage.child(out, QUICKLOOK);
        Storage.delete(quicklookDir);
        head();
        section("Maps", "maps");
        html.append("<div class=\"grid\">\n");
        // One thread draws the maps: their bytes must not depend on how threads meet in Java2D's font code.
        for (Product p : mapped) {
            figure(out, p.path().replace('/', '_'), ProductMaps.png(p, quicklooks.get(p.path())), "map of " + p.path(),
                    "<b>" + esc(p.path()) + "</b> " + esc(p.description()) + " (" + esc(unit(p)) + ")");
        }
        html.append("</div>\n");
        monthlyCharts(out, statistics, "Solar radiation");
        solarMaps(out, quicklooks, blockSize);
        monthlyCharts(out, statistics, "EEMT");
        eemtSummary(spark, statistics);
        statisticsTable(statistics);
        runDetails();
        html.append("</body>\n</html>\n");
        int at = html.indexOf(NAVIGATION);
        html.replace(at, at + NAVIGATION.length(), "<nav>" + navigation + "</nav>");
        String location = Storage.child(out, FILE);
        Storage.writeAtomically(location, html.toString().getBytes(StandardCharsets.UTF_8));
        return location;
    }

    /** Month index (0 = January) of a monthly product, -1 for others. */
    static int month(Product p) {
        Matcher m = MONTH.matcher(p.name());
        return m.find() ? MonthlyChart.MONTHS.indexOf(m.group(2)) : -1;
    }

    /** A monthly product's series: its name without the month, e.g. {@code EEMT_Topo_2015}. */
    static String series(Product p) {
        return MONTH.matcher(p.name()).replaceFirst("$1").replaceAll("__", "_").replaceAll("^_|_$", "");
    }

    /** Charts of the monthly means of a group of products (solar radiation or EEMT), one per unit, each series a line. */
    private void monthlyCharts(String out, Map<String, CellStatistics> statistics, String group) throws IOException {
        Map<String, Map<String, double[]>> byUnit = new LinkedHashMap<>();
        Map<String, String> groupOfUnit = new LinkedHashMap<>();
        for (Product p : outputs.products()) {
            int m = month(p);
            if (m < 0) {
                continue;
            }
            double[] values = byUnit.computeIfAbsent(p.unit(), u -> new LinkedHashMap<>())
                    .computeIfAbsent(series(p), s -> nanMonths());
            values[m] = statistics.get(p.path()).mean();
            groupOfUnit.putIfAbsent(p.unit(), p.path().startsWith("eemt/") ? "EEMT" : "Solar radiation");
        }
        List<String> units = groupOfUnit.entrySet().stream().filter(e -> e.getValue().equals(group)).map(Map.Entry::getKey).toList();
        if (!units.isEmpty()) {
            section(group + ": monthly means", group.equals("EEMT") ? "eemt" : "solar");
            html.append("<div class=\"grid\">\n");
            for (String unit : units) {
                List<MonthlyChart.Series> series = new ArrayList<>();
                byUnit.get(unit).forEach((name, values) -> series.add(new MonthlyChart.Series(name, values)));
                figure(out, "monthly_" + unit.replaceAll("[^A-Za-z0-9]+", "_"), MonthlyChart.png("Mean over valid cells", unit, series),
                        "monthly means in " + unit, esc(String.join(", ", byUnit.get(unit).keySet()) + " (" + unit + ")"));
            }
            html.append("</div>\n");
        }
    }

    /**
     * With all twelve monthly S_topo and S_flat products: maps of the annual S_topo (the sum of the
     * monthly block means) and of the annual S_i = ΣS_topo / ΣS_flat (Rasmussen et al. 2015).
     */
    private void solarMaps(String out, Map<String, Quicklook> quicklooks, int blockSize) throws IOException {
        List<Product> topo = solarMonths(S_TOPO);
        List<Product> flat = solarMonths(S_FLAT);
        if (topo.size() < 12 || flat.size() < 12) {
            return;
        }
        Quicklook annualTopo = Quicklook.of(outputs.grid().columns(), outputs.grid().rows(), blockSize);
        Quicklook annualIndex = Quicklook.of(outputs.grid().columns(), outputs.grid().rows(), blockSize);
        for (int row = 0; row < annualTopo.height(); row++) {
            for (int col = 0; col < annualTopo.width(); col++) {
                double sumTopo = 0;
                double sumFlat = 0;
                for (int m = 0; m < 12; m++) {
                    sumTopo += quicklooks.get(topo.get(m).path()).value(col, row);
                    sumFlat += quicklooks.get(flat.get(m).path()).value(col, row);
                }
                if (!Double.isNaN(sumTopo)) {
                    annualTopo.add(col, row, sumTopo, 1);
                }
                if (!Double.isNaN(sumTopo / sumFlat) && sumFlat > 0) {
                    annualIndex.add(col, row, sumTopo / sumFlat, 1);
                }
            }
        }
        html.append("<div class=\"grid\">\n");
        String unit = topo.get(0).unit().replace("month-1", "yr-1");
        figure(out, "annual_S_topo", ProductMaps.png("annual S_topo", unit, annualTopo), "map of the annual S_topo",
                "<b>annual S_topo</b> the sum of the twelve monthly S_topo (" + esc(unit) + ")");
        figure(out, "annual_S_i", ProductMaps.png("annual S_i", "1", annualIndex), "map of the annual S_i",
                "<b>annual S_i</b> = ΣS_topo / ΣS_flat (dimensionless)");
        html.append("</div>\n");
    }

    /** Writes {@code quicklook/<name>.png} and shows it with a caption (HTML). */
    private void figure(String out, String name, byte[] png, String alt, String captionHtml) throws IOException {
        String file = QUICKLOOK + "/" + name + ".png";
        Storage.writeAtomically(Storage.child(out, file), png);
        html.append("<figure><img src=\"").append(file).append("\" alt=\"").append(esc(alt)).append("\"><figcaption>")
                .append(captionHtml).append("</figcaption></figure>\n");
    }

    /** The monthly products of a solar series ({@link #S_TOPO} or {@link #S_FLAT}) that the run has, January first. */
    private List<Product> solarMonths(String pattern) {
        List<Product> found = new ArrayList<>();
        for (String month : MonthlyChart.MONTHS) {
            String path = String.format(pattern, month);
            if (outputs.has(path)) {
                found.add(outputs.product(path));
            }
        }
        return found;
    }

    /** The annual EEMT products summarised by aspect, wetness and elevation band, when the run made them. */
    private void eemtSummary(JavaSparkContext spark, Map<String, CellStatistics> statistics) {
        String[] annual = outputs.products().stream().map(Product::path).filter(p -> p.startsWith("eemt/annual/")).toArray(String[]::new);
        if (annual.length == 0) {
            return;
        }
        double band = 100;
        CellStatistics dem = statistics.get(ZonalSummary.DEM);
        if (dem != null) {
            band = ZonalSummary.elevationBand(dem.min(), dem.max());
        }
        List<ZonalSummary.Entry> entries = ZonalSummary.of(spark, outputs, band, annual);
        section("EEMT by aspect, wetness and elevation", "zonal");
        html.append("<p>Mean ± standard deviation over the cells of each class, as in Rasmussen et al. (2015), Tables 1–2.</p>\n");
        html.append("<table><tr><th>zoning</th><th>class</th><th>product</th><th>cells</th><th>mean ± sd</th><th>min</th><th>max</th><th>unit</th></tr>\n");
        for (ZonalSummary.Entry e : entries) {
            CellStatistics s = e.statistics();
            html.append("<tr><td>").append(esc(e.zoning())).append("</td><td>").append(esc(e.cellClass()))
                    .append("</td><td>").append(esc(e.product())).append("</td><td class=\"n\">").append(s.count())
                    .append("</td><td class=\"n\">").append(num(s.mean())).append(" ± ").append(num(s.sd()))
                    .append("</td><td class=\"n\">").append(num(s.min())).append("</td><td class=\"n\">")
                    .append(num(s.max())).append("</td><td>").append(esc(e.unit())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private void statisticsTable(Map<String, CellStatistics> statistics) {
        section("Statistics of every product", "statistics");
        html.append("<table><tr><th>product</th><th>unit</th><th>valid cells</th><th>min</th><th>mean</th><th>sd</th><th>max</th><th>file</th><th>SHA-256</th></tr>\n");
        for (Product p : outputs.products()) {
            CellStatistics s = statistics.get(p.path());
            JsonNode entry = manifest.path("products").path(p.path());
            html.append("<tr><td>").append(esc(p.path())).append("</td><td>").append(esc(unit(p))).append("</td><td class=\"n\">")
                    .append(s.count()).append("</td><td class=\"n\">").append(num(s.min())).append("</td><td class=\"n\">")
                    .append(num(s.mean())).append("</td><td class=\"n\">").append(num(s.sd())).append("</td><td class=\"n\">")
                    .append(num(s.max())).append("</td><td>").append(esc(entry.path("file").asText()))
                    .append("</td><td class=\"sha\">").append(esc(entry.path("sha256").asText())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private void runDetails() {
        section("Run", "run");
        html.append("<h3>Stages</h3>\n<table><tr><th>stage</th><th>seconds</th><th>tiles</th><th>computed</th><th>kept</th></tr>\n");
        for (JsonNode s : manifest.path("stages")) {
            html.append("<tr><td>").append(esc(s.path("name").asText())).append("</td><td class=\"n\">")
                    .append(num(s.path("seconds").asDouble())).append("</td><td class=\"n\">").append(s.path("tiles").asInt())
                    .append("</td><td class=\"n\">").append(s.path("computed").size()).append("</td><td class=\"n\">")
                    .append(s.path("kept").size()).append("</td></tr>\n");
        }
        html.append("</table>\n");
        keyValues("Parameters", manifest.path("parameters"));
        keyValues("DEM", manifest.path("dem"));
        html.append("<h3>Inputs</h3>\n<table><tr><th>role</th><th>location</th><th>bytes</th><th>SHA-256</th></tr>\n");
        for (JsonNode in : manifest.path("inputs")) {
            html.append("<tr><td>").append(esc(in.path("role").asText())).append("</td><td>").append(esc(in.path("location").asText()))
                    .append("</td><td class=\"n\">").append(in.path("bytes").asLong()).append("</td><td class=\"sha\">")
                    .append(esc(in.path("sha256").asText())).append("</td></tr>\n");
        }
        html.append("</table>\n");
        keyValues("Software", manifest.path("versions"));
        keyValues("Spark", manifest.path("spark"));
        html.append("<p class=\"small\">Run key ").append(esc(manifest.path("runKey").asText())).append(", started ")
                .append(esc(manifest.path("started").asText())).append(", manifest updated ").append(esc(manifest.path("updated").asText()))
                .append(". Everything above comes from <a href=\"manifest.json\">manifest.json</a>.</p>\n");
    }

    private void keyValues(String title, JsonNode object) {
        html.append("<h3>").append(esc(title)).append("</h3>\n<table>");
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            html.append("<tr><th>").append(esc(e.getKey())).append("</th><td>").append(esc(e.getValue().asText())).append("</td></tr>");
        }
        html.append("</table>\n");
    }

    private void head() {
        JsonNode dem = manifest.path("dem");
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>EEMT run report</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:24px auto;max-width:1500px;color:#222;background:#fff;padding:0 16px}\n")
                .append("h1{margin-bottom:4px}h2{border-bottom:1px solid #ccc;padding-bottom:4px;margin-top:32px}\n")
                .append(".grid{display:flex;flex-wrap:wrap;gap:12px}\n")
                .append("figure{margin:0;padding:8px;background:#e8e8e8;border-radius:4px}figure img{display:block;image-rendering:pixelated}\n")
                .append("figcaption{font-size:13px;max-width:560px;margin-top:4px}\n")
                .append("table{border-collapse:collapse;font-size:13px;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}\n")
                .append("th{background:#f2f2f2}td.n{text-align:right;font-variant-numeric:tabular-nums}td.sha{font-family:monospace;font-size:11px}\n")
                .append(".small{font-size:12px;color:#555}nav a{margin-right:12px}\n</style>\n</head>\n<body>\n")
                .append("<h1>EEMT run report</h1>\n<p>DEM <b>").append(esc(manifest.at("/inputs/0/location").asText())).append("</b>: ")
                .append(dem.path("columns").asInt()).append(" × ").append(dem.path("rows").asInt()).append(" cells of ")
                .append(num(dem.path("cellWidth").asDouble())).append(" × ").append(num(dem.path("cellHeight").asDouble()))
                .append(dem.path("geographic").asBoolean() ? " degrees" : " CRS units").append(", ").append(esc(dem.path("crs").asText()))
                .append(", ").append(dem.path("validCells").asLong()).append(" valid cells. ").append(outputs.products().size())
                .append(" products, ").append(num(manifest.path("wallSeconds").asDouble())).append(" s.</p>\n")
                .append(NAVIGATION).append("\n");
    }

    private void section(String title, String id) {
        navigation.append("<a href=\"#").append(id).append("\">").append(esc(title)).append("</a>");
        html.append("<h2 id=\"").append(id).append("\">").append(esc(title)).append("</h2>\n");
    }

    private static String unit(Product p) {
        return p.unit().equals("1") ? "dimensionless" : p.unit();
    }

    private static double[] nanMonths() {
        double[] v = new double[12];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    private static String num(double v) {
        return Drawing.label(v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
