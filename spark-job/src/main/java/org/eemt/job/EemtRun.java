package org.eemt.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.eemt.geo.storage.Storage;
import org.eemt.job.outputs.Product;
import org.eemt.job.outputs.RunOutputs;
import org.eemt.job.report.CellFrame;
import org.eemt.job.outputs.CellStatistics;
import org.eemt.job.report.ProductMaps;
import org.eemt.job.report.ProductScan;
import org.eemt.job.report.Quicklook;
import org.eemt.job.report.RunReport;
import org.eemt.job.report.ZonalSummary;

/**
 * The products of a run (an output directory with its {@code manifest.json}) as Spark
 * DataFrames and maps, for notebooks. Products are named by their path in the output directory
 * without extension, e.g. {@code terrain/slope} or {@code eemt/annual/EEMT_Topo_2015}; in
 * DataFrames a product's column is the last segment of its path ({@code slope},
 * {@code EEMT_Topo_2015}). Values are those of the files: NoData cells are left out (first
 * product) or null (other products).
 */
public final class EemtRun {
    private final SparkSession spark;
    private final RunOutputs outputs;

    EemtRun(SparkSession spark, RunOutputs outputs) {
        this.spark = spark;
        this.outputs = outputs;
    }

    /** The output directory. */
    public String directory() {
        return outputs.directory();
    }

    /** Every product of the run, in the order the run made them. */
    public List<String> products() {
        return outputs.products().stream().map(Product::path).toList();
    }

    /** True when the run made this product. */
    public boolean has(String product) {
        return outputs.has(product);
    }

    public String unit(String product) {
        return outputs.product(product).unit();
    }

    /** The product's file (GeoTIFF, or VRT for large DEMs). */
    public String location(String product) {
        return outputs.location(outputs.product(product));
    }

    /** {@code report.html} of the run. */
    public String report() {
        return Storage.child(outputs.directory(), RunReport.FILE);
    }

    /**
     * One row per cell where the first product is valid: {@code row}, {@code col} (cell indices,
     * row 0 in the north), {@code x}, {@code y} (cell centre in the DEM's CRS) and one float
     * column per product (null where that product is NoData).
     */
    public Dataset<Row> cells(String... products) {
        return CellFrame.of(spark, outputs, products);
    }

    /** Per product and tile of the run (its {@code --tile-size}): the tile's position and size, and its valid cells' statistics. */
    public Dataset<Row> tileStatistics(String... products) {
        List<Row> rows = new ArrayList<>();
        for (ProductScan.ProductTile t : scan(List.of(products))) {
            CellStatistics s = t.statistics();
            rows.add(RowFactory.create(t.product(), t.key().row(), t.key().col(), t.core().x0(), t.core().y0(),
                    t.core().width(), t.core().height(), s.count(), s.mean(), s.sd(), s.min(), s.max()));
        }
        return spark.createDataFrame(rows, statisticsSchema("tileRow", "tileCol", "x0", "y0", "width", "height"));
    }

    /** Per product: unit, valid cells, mean, sd (population), min, max over the whole grid. */
    public Dataset<Row> statistics(String... products) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, CellStatistics> e : ProductScan.totals(scan(List.of(products))).entrySet()) {
            CellStatistics s = e.getValue();
            rows.add(RowFactory.create(e.getKey(), outputs.product(e.getKey()).unit(), s.count(), s.mean(), s.sd(), s.min(), s.max()));
        }
        return spark.createDataFrame(rows, statisticsSchema("unit"));
    }

    /**
     * Summaries of products by aspect class (northness), water-gaining vs water-losing cells
     * (MCWI &gt; 1 vs ≤ 1), both crossed, and elevation bands of round width (the structure of
     * Rasmussen et al. 2015, Tables 1–2); zonings whose input the run lacks are left out.
     */
    public Dataset<Row> zonalSummary(String... products) {
        double band = 100;
        if (outputs.has(ZonalSummary.DEM)) {
            CellStatistics dem = ProductScan.totals(scan(List.of(ZonalSummary.DEM))).get(ZonalSummary.DEM);
            band = ZonalSummary.elevationBand(dem.min(), dem.max());
        }
        return zonalSummary(band, products);
    }

    /** {@link #zonalSummary(String...)} with elevation bands {@code elevationBand} metres wide. */
    public Dataset<Row> zonalSummary(double elevationBand, String... products) {
        List<Row> rows = new ArrayList<>();
        for (ZonalSummary.Entry e : ZonalSummary.of(JavaSparkContext.fromSparkContext(spark.sparkContext()), outputs, elevationBand, products)) {
            CellStatistics s = e.statistics();
            rows.add(RowFactory.create(e.zoning(), e.cellClass(), e.product(), e.unit(), s.count(), s.mean(), s.sd(), s.min(), s.max()));
        }
        List<StructField> leading = new ArrayList<>();
        for (String name : List.of("zoning", "class", "product", "unit")) {
            leading.add(DataTypes.createStructField(name, DataTypes.StringType, false));
        }
        return spark.createDataFrame(rows, withStatistics(leading));
    }

    /** The quicklook map of products as Zeppelin {@code %html} (PNG images inlined), side by side. */
    public String mapHtml(String... products) {
        List<Product> wanted = Arrays.stream(products).map(outputs::product).toList();
        int blockSize = ProductMaps.blockSize(outputs.grid());
        Map<String, Quicklook> maps = ProductMaps.quicklooks(JavaSparkContext.fromSparkContext(spark.sparkContext()), outputs, wanted, blockSize);
        StringBuilder html = new StringBuilder("%html <div>");
        for (Product p : wanted) {
            html.append(img(ProductMaps.png(p, maps.get(p.path()))));
        }
        return html.append("</div>").toString();
    }

    /**
     * The map of a column of a cell frame (from {@link #cells}, with {@code row} and {@code col}),
     * e.g. a quantity derived from products, as Zeppelin {@code %html}.
     */
    public String mapHtml(Dataset<Row> cells, String column, String unit) {
        int blockSize = ProductMaps.blockSize(outputs.grid());
        Quicklook quicklook = Quicklook.of(outputs.grid().columns(), outputs.grid().rows(), blockSize);
        List<Row> blocks = cells.groupBy(floor(col("col").divide(blockSize)).cast("int").as("bx"),
                        floor(col("row").divide(blockSize)).cast("int").as("by"))
                .agg(sum(column).cast("double").as("s"), count(column).as("n"))
                .where(col("n").gt(0)).collectAsList();
        for (Row b : blocks) {
            quicklook.add(b.getInt(0), b.getInt(1), b.getDouble(2), b.getLong(3));
        }
        return "%html <div>" + img(ProductMaps.png(column, unit, quicklook)) + "</div>";
    }

    /** The statistics of products, per product and tile (no quicklook blocks). */
    private List<ProductScan.ProductTile> scan(List<String> products) {
        return ProductScan.scan(JavaSparkContext.fromSparkContext(spark.sparkContext()), outputs,
                products.stream().map(outputs::product).toList(), List.of(), ProductMaps.blockSize(outputs.grid()));
    }

    private static StructType statisticsSchema(String... leading) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("product", DataTypes.StringType, false));
        for (String name : leading) {
            fields.add(DataTypes.createStructField(name, name.equals("unit") ? DataTypes.StringType : DataTypes.IntegerType, false));
        }
        return withStatistics(fields);
    }

    /** {@code leading} columns, then cells, mean, sd (population), min and max. */
    private static StructType withStatistics(List<StructField> leading) {
        List<StructField> fields = new ArrayList<>(leading);
        fields.add(DataTypes.createStructField("cells", DataTypes.LongType, false));
        for (String name : List.of("mean", "sd", "min", "max")) {
            fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
        }
        return DataTypes.createStructType(fields);
    }

    private static String img(byte[] png) {
        return "<img style=\"margin:4px\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\"/>";
    }
}
