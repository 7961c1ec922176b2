package org.eemt.job.pipeline;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import java.util.List;
import org.apache.spark.serializer.KryoRegistrator;
import org.eemt.geo.climate.ClimateWindow;
import org.eemt.geo.climate.DemMeanElevation;
import org.eemt.geo.climate.StationRecord;
import org.eemt.geo.hydrology.DInfinity;
import org.eemt.geo.hydrology.FlowTile;
import org.eemt.geo.hydrology.HydrologyTile;
import org.eemt.geo.hydrology.MultipleFlowDirection;
import org.eemt.geo.hydrology.WetnessSettings;
import org.eemt.geo.hydrology.TileProducts;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.job.plan.TileKey;
import org.eemt.job.outputs.TileSummary;
import org.eemt.job.outputs.CellStatistics;
import org.eemt.job.report.ProductScan;
import org.eemt.job.report.Quicklook;
import org.eemt.job.report.ZonalSummary;

/**
 * Registers every project class that travels between JVMs as data (RDD elements, task results,
 * broadcasts), so that {@code spark.kryo.registrationRequired=true} holds. Spark registers boxed
 * numbers, arrays and tuples itself.
 */
public final class EemtKryoRegistrator implements KryoRegistrator {

    /** The project's records shipped between JVMs. */
    static final List<Class<? extends Record>> RECORDS = List.of(
            TileKey.class, PixelWindow.class, RasterGrid.class, TileSummary.class,
            HydrologyTile.class, FlowTile.class, DInfinity.class, TileProducts.class,
            MultipleFlowDirection.class, WetnessSettings.class, FlowTile.ModifyInput.class,
            ProductScan.ProductTile.class, ZonalSummary.Part.class, CellStatistics.class, Quicklook.Blocks.class, ValidCells.class);

    /**
     * Broadcast once per run or reduced once (the climate, z_b sums): Java serialisation keeps their
     * nested maps and arrays simple, and costs nothing that matters.
     */
    static final List<Class<?>> JAVA_SERIALIZED = List.of(ClimateWindow.class, StationRecord.class, DemMeanElevation.class);

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void registerClasses(Kryo kryo) {
        for (Class<? extends Record> type : RECORDS) {
            kryo.register(type, new RecordSerializer(type));
        }
        for (Class<?> type : JAVA_SERIALIZED) {
            kryo.register(type, new JavaSerializer());
        }
        // broadcasts of the wetness stage: per-tile inputs indexed by tile id
        kryo.register(Object[].class);
        kryo.register(WetnessSettings.Kind.class);
    }
}
