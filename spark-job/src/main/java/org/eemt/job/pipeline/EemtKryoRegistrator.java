package org.eemt.job.pipeline;

import com.esotericsoftware.kryo.Kryo;
import java.util.List;
import org.apache.spark.serializer.KryoRegistrator;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.job.plan.TileKey;
import org.eemt.job.outputs.TileSummary;
import org.eemt.job.report.CellStatistics;
import org.eemt.job.report.ProductScan;
import org.eemt.job.report.Quicklook;

/**
 * Registers every project class that travels between JVMs as data (RDD elements, task results,
 * broadcasts), so that {@code spark.kryo.registrationRequired=true} holds. Spark registers boxed
 * numbers, arrays and tuples itself.
 */
public final class EemtKryoRegistrator implements KryoRegistrator {

    /** The project's records shipped between JVMs. */
    static final List<Class<? extends Record>> RECORDS = List.of(
            TileKey.class, PixelWindow.class, RasterGrid.class, TileSummary.class,
            ProductScan.ProductTile.class, CellStatistics.class, Quicklook.Blocks.class);

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void registerClasses(Kryo kryo) {
        for (Class<? extends Record> type : RECORDS) {
            kryo.register(type, new RecordSerializer(type));
        }
    }
}
