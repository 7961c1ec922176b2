package org.eemt.job.report;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.eemt.job.outputs.Product;
import org.eemt.job.outputs.RunOutputs;

/**
 * Summaries of products over classes of cells, in the structure of Rasmussen et al. (2015)
 * Tables 1–2: all cells; aspect class by northness (north-facing n &gt; 0, south-facing n &lt; 0);
 * water-gaining (MCWI &gt; 1) versus water-losing (MCWI ≤ 1) cells; aspect and wetness crossed;
 * elevation bands. A zoning appears only when the run has its input product (northness, MCWI,
 * DEM). The result has one row per zoning, class and product with valid cells of the product:
 * cells, mean, sd (population), min, max.
 */
public final class ZonalSummary {
    public static final String NORTHNESS = "terrain/northness";
    public static final String MCWI = "terrain/mcwi";
    public static final String DEM = "terrain/dem";

    private ZonalSummary() {
    }

    /**
     * Summarises the value columns of {@code cells} (a frame from {@code EemtRun.cells}, with a
     * {@code northness}, {@code mcwi} and {@code dem} column where the run has them).
     *
     * @param valueColumns the columns to summarise, each with its product path and unit
     * @param elevationBand width of the elevation bands, metres
     */
    public static Dataset<Row> summarise(Dataset<Row> cells, List<String[]> valueColumns, double elevationBand) {
        List<String> present = List.of(cells.columns());
        List<Column> zones = new ArrayList<>();
        zones.add(zone("all cells", 0, lit("all"), lit(0)));
        Column north = col("northness").gt(0);
        Column south = col("northness").lt(0);
        Column gaining = col("mcwi").gt(1);
        Column losing = col("mcwi").leq(1);
        Column aspect = when(north, "north-facing (northness > 0)").when(south, "south-facing (northness < 0)").otherwise("no aspect (flat)");
        Column aspectOrder = when(north, 0).when(south, 1).otherwise(2);
        Column wetness = when(gaining, "water-gaining (MCWI > 1)").when(losing, "water-losing (MCWI ≤ 1)").otherwise("no MCWI");
        Column wetnessOrder = when(gaining, 0).when(losing, 1).otherwise(2);
        if (present.contains("northness")) {
            zones.add(zone("aspect", 1, aspect, aspectOrder));
        }
        if (present.contains("mcwi")) {
            zones.add(zone("wetness", 2, wetness, wetnessOrder));
        }
        if (present.contains("northness") && present.contains("mcwi")) {
            zones.add(zone("aspect × wetness", 3, concat(aspect, lit(", "), wetness), aspectOrder.multiply(3).plus(wetnessOrder)));
        }
        if (present.contains("dem")) {
            Column low = floor(col("dem").divide(elevationBand)).multiply(elevationBand);
            zones.add(zone("elevation band", 4, format_string("%.0f–%.0f m", low, low.plus(elevationBand)), low.cast("int")));
        }
        List<Column> kept = new ArrayList<>();
        kept.add(explode(array(zones.toArray(Column[]::new))).as("z"));
        for (String[] v : valueColumns) {
            kept.add(col(v[0]));
        }
        Dataset<Row> zoned = cells.select(kept.toArray(Column[]::new));
        List<Column> aggregates = new ArrayList<>();
        for (String[] v : valueColumns) {
            aggregates.add(count(v[0]).as(v[0] + "__cells"));
            aggregates.add(avg(v[0]).as(v[0] + "__mean"));
            aggregates.add(stddev_pop(v[0]).as(v[0] + "__sd"));
            aggregates.add(min(v[0]).as(v[0] + "__min"));
            aggregates.add(max(v[0]).as(v[0] + "__max"));
        }
        Dataset<Row> wide = zoned.groupBy(col("z.order").as("zoningOrder"), col("z.zoning").as("zoning"),
                        col("z.classOrder").as("classOrder"), col("z.class").as("class"))
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
        Dataset<Row> summary = null;
        for (String[] v : valueColumns) {
            Dataset<Row> one = wide.select(col("zoningOrder"), col("classOrder"), col("zoning"), col("class"), lit(v[1]).as("product"),
                    lit(v[2]).as("unit"), col(v[0] + "__cells").as("cells"), col(v[0] + "__mean").as("mean"),
                    col(v[0] + "__sd").as("sd"), col(v[0] + "__min").cast("double").as("min"),
                    col(v[0] + "__max").cast("double").as("max")).where(col("cells").gt(0));
            summary = summary == null ? one : summary.unionAll(one);
        }
        return summary.orderBy(col("zoningOrder"), col("product"), col("classOrder")).drop("zoningOrder", "classOrder");
    }

    /** A width for elevation bands that cuts [min, max] into at most about six bands of round metres. */
    public static double elevationBand(double min, double max) {
        List<Double> ticks = Drawing.ticks(min, max, 6);
        return ticks.size() < 2 ? 100 : ticks.get(1) - ticks.get(0);
    }

    /** A zoning's entry for a cell: the zoning (and its place in the table), the cell's class (and its place in the zoning). */
    private static Column zone(String zoning, int order, Column cellClass, Column classOrder) {
        return struct(lit(order).as("order"), lit(zoning).as("zoning"), classOrder.cast("int").as("classOrder"), cellClass.as("class"));
    }

    /**
     * The summary of products of a run (paths in its output directory) by every zoning whose input
     * the run has, with elevation bands {@code elevationBand} metres wide.
     */
    public static Dataset<Row> of(SparkSession spark, RunOutputs outputs, double elevationBand, String... products) {
        List<String> columns = new ArrayList<>();
        List<String[]> values = new ArrayList<>();
        for (String p : products) {
            Product product = outputs.product(p);
            columns.add(product.path());
            values.add(new String[] {product.name(), product.path(), product.unit()});
        }
        for (String zoning : List.of(DEM, NORTHNESS, MCWI)) {
            if (outputs.has(zoning) && !columns.contains(zoning)) {
                columns.add(zoning);
            }
        }
        return summarise(CellFrame.of(spark, outputs, columns.toArray(String[]::new)), values, elevationBand);
    }
}
