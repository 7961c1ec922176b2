package org.eemt.job.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.job.outputs.Product;
import org.eemt.job.outputs.RunOutputs;
import org.eemt.job.plan.TilePlan;

/** Products of a run as one DataFrame of cells, read tile by tile on the executors. */
public final class CellFrame {
    private CellFrame() {
    }

    /**
     * One row per cell where the first product is valid: {@code row}, {@code col} (cell indices,
     * row 0 in the north), {@code x}, {@code y} (cell centre in the DEM's CRS) and one float
     * column per product (null where that product is NoData).
     */
    public static Dataset<Row> of(SparkSession spark, RunOutputs outputs, String... products) {
        List<Product> wanted = Arrays.stream(products).map(outputs::product).toList();
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("name at least one product, e.g. cells(\"terrain/dem\")");
        }
        List<StructField> fields = new ArrayList<>(List.of(
                DataTypes.createStructField("row", DataTypes.IntegerType, false),
                DataTypes.createStructField("col", DataTypes.IntegerType, false),
                DataTypes.createStructField("x", DataTypes.DoubleType, false),
                DataTypes.createStructField("y", DataTypes.DoubleType, false)));
        for (Product p : wanted) {
            fields.add(DataTypes.createStructField(p.name(), DataTypes.FloatType, true));
        }
        RunOutputs source = outputs;
        RasterGrid grid = outputs.grid();
        TilePlan plan = new TilePlan(grid, outputs.tileSize());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        var rows = jsc.parallelize(plan.keys(), plan.tileCount()).flatMap(key -> {
            PixelWindow core = plan.core(key);
            float[][] values = new float[wanted.size()][];
            for (int i = 0; i < values.length; i++) {
                values[i] = source.read(wanted.get(i), core);
            }
            List<Row> list = new ArrayList<>();
            for (int r = 0; r < core.height(); r++) {
                for (int c = 0; c < core.width(); c++) {
                    int i = r * core.width() + c;
                    if (Float.isNaN(values[0][i])) {
                        continue;
                    }
                    Object[] row = new Object[4 + values.length];
                    row[0] = core.y0() + r;
                    row[1] = core.x0() + c;
                    row[2] = grid.centreX(core.x0() + c);
                    row[3] = grid.centreY(core.y0() + r);
                    for (int p = 0; p < values.length; p++) {
                        row[4 + p] = Float.isNaN(values[p][i]) ? null : values[p][i];
                    }
                    list.add(RowFactory.create(row));
                }
            }
            return list.iterator();
        });
        return spark.createDataFrame(rows, DataTypes.createStructType(fields));
    }

}
