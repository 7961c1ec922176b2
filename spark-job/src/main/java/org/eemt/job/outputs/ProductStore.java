package org.eemt.job.outputs;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.GeoTiffWriter;
import org.eemt.geo.raster.RasterInput;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.raster.TileFile;
import org.eemt.geo.storage.Storage;
import org.eemt.job.plan.TileKey;
import org.eemt.job.plan.TilePlan;

/**
 * Where products live while they are made and once they are finished.
 *
 * <ol>
 *   <li>Executors write each tile of a product as its own GeoTIFF under
 *       {@code <out>/.eemt-work/<runKey>/<product>/}, atomically ({@link #writeTile}). A tile
 *       already there is finished work: a resumed run skips it ({@link #hasTiles}).</li>
 *   <li>The driver publishes a product once all its tiles exist ({@link #publish}): up to
 *       {@code mosaicMaxCells} cells it streams them, a strip of rows at a time, into one GeoTIFF
 *       {@code <out>/<product>.tif};
 *       above, the tiles move to {@code <out>/<product>.tiles/} under a GDAL VRT
 *       {@code <out>/<product>.vrt}. Either way the driver holds a strip of rows, never a product.</li>
 *   <li>Later stages read any window of a finished product, in either form ({@link #read}).</li>
 * </ol>
 * {@code runKey} names the science of a run (inputs and parameters), so work tiles of another
 * run are never mixed in.
 */
public final class ProductStore implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String WORK = ".eemt-work";

    private final String out;
    private final RasterGrid dem;
    private final String runKey;
    private final long mosaicMaxCells;

    public ProductStore(String out, RasterGrid dem, String runKey, long mosaicMaxCells) {
        this.out = out;
        this.dem = dem;
        this.runKey = runKey;
        this.mosaicMaxCells = mosaicMaxCells;
    }

    public String outputDirectory() {
        return out;
    }

    /** The finished file of a product: {@code .tif}, or {@code .vrt} above the mosaic size. */
    public String location(Product product) {
        return Storage.child(out, product.path() + (dem.cells() <= mosaicMaxCells ? ".tif" : ".vrt"));
    }

    /**
     * Writes one tile of a product (executor side), and beside it the statistics of its valid cells,
     * first: a work tile that exists has its statistics, so that a resumed run has them too.
     */
    public void writeTile(Product product, TileKey key, PixelWindow core, float[] cells) throws IOException {
        Storage.writeAtomically(workStatistics(product, key), encode(CellStatistics.of(cells)));
        GeoTiffWriter.write(dem.window(core), cells, workTile(product, key), product.description(), product.unit());
    }

    /**
     * The statistics of a product's valid cells from those of its work tiles, merged in the plan's
     * order (so that they do not depend on which task finished first); call before {@link #publish}.
     * A work tile without statistics (left by an older version) is read.
     */
    public CellStatistics statistics(Product product, TilePlan plan) throws IOException {
        CellStatistics total = CellStatistics.EMPTY;
        for (TileKey key : plan.keys()) {
            CellStatistics tile;
            try (DataInputStream in = new DataInputStream(Storage.open(workStatistics(product, key)))) {
                tile = new CellStatistics(in.readLong(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
            } catch (FileNotFoundException e) {
                try (GeoTiffReader reader = GeoTiffReader.open(workTile(product, key))) {
                    tile = CellStatistics.of(reader.read(new PixelWindow(0, 0, plan.core(key).width(), plan.core(key).height())));
                }
            }
            total = total.merge(tile);
        }
        return total;
    }

    private static byte[] encode(CellStatistics s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(s.count());
            out.writeDouble(s.mean());
            out.writeDouble(s.sumSquaredDeviations());
            out.writeDouble(s.min());
            out.writeDouble(s.max());
        }
        return bytes.toByteArray();
    }

    /** True when the work tiles of all these products exist for a tile. */
    public boolean hasTiles(List<Product> products, TileKey key) throws IOException {
        for (Product p : products) {
            if (!Storage.exists(workTile(p, key))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Turns the finished work tiles of a product into its published file, replacing any older one,
     * and removes the work tiles. Returns the published location.
     */
    public String publish(Product product, TilePlan plan) throws IOException {
        String target = location(product);
        if (dem.cells() <= mosaicMaxCells) {
            List<TileFile> tiles = new ArrayList<>();
            for (TileKey key : plan.keys()) {
                tiles.add(new TileFile(workTile(product, key), plan.core(key)));
            }
            GeoTiffWriter.writeMosaic(dem, tiles, target, product.description(), product.unit());
        } else {
            String tilesDir = Storage.child(out, product.path() + ".tiles");
            Storage.delete(tilesDir);
            for (TileKey key : plan.keys()) { // the published tiles without their work statistics
                Storage.delete(workStatistics(product, key));
            }
            Storage.move(workDirectory(product), tilesDir);
            Storage.writeAtomically(target, vrt(product, plan).getBytes(StandardCharsets.UTF_8));
        }
        Storage.delete(workDirectory(product));
        return target;
    }

    /** Reads a window of a published product (a GeoTIFF, or the VRT over its tiles). */
    public float[] read(Product product, PixelWindow window) {
        try (RasterInput r = RasterInput.open(location(product))) {
            return r.read(window);
        }
    }

    /** Removes all work tiles of this run and of earlier, abandoned runs. */
    public void clearWork() throws IOException {
        Storage.delete(Storage.child(out, WORK));
    }

    /** A file of this run's work directory, e.g. the VRT over a DEM given as tiles. */
    public String workLocation(String name) {
        return Storage.child(out, WORK + "/" + runKey + "/" + name);
    }

    private String workDirectory(Product product) {
        return Storage.child(out, WORK + "/" + runKey + "/" + product.path());
    }

    private String workTile(Product product, TileKey key) {
        return Storage.child(workDirectory(product), key.fileStem() + ".tif");
    }

    private String workStatistics(Product product, TileKey key) {
        return Storage.child(workDirectory(product), key.fileStem() + ".statistics");
    }

    private String vrt(Product product, TilePlan plan) {
        StringBuilder x = new StringBuilder();
        x.append("<VRTDataset rasterXSize=\"").append(dem.columns()).append("\" rasterYSize=\"").append(dem.rows()).append("\">\n");
        x.append("  <SRS dataAxisToSRSAxisMapping=\"1,2\">").append(escape(dem.crs().toWKT())).append("</SRS>\n");
        x.append("  <GeoTransform>").append(dem.originX()).append(", ").append(dem.cellWidth()).append(", 0, ")
                .append(dem.originY()).append(", 0, ").append(-dem.cellHeight()).append("</GeoTransform>\n");
        // Virtual overviews (GDAL reads them from the tiles' own COG overviews), halving until one 256-cell block.
        StringBuilder factors = new StringBuilder();
        for (int f = 2; Math.max(dem.columns(), dem.rows()) / (f / 2) > 256; f *= 2) {
            factors.append(factors.length() == 0 ? "" : " ").append(f);
        }
        if (factors.length() > 0) {
            x.append("  <OverviewList resampling=\"average\">").append(factors).append("</OverviewList>\n");
        }
        x.append("  <VRTRasterBand dataType=\"Float32\" band=\"1\">\n    <NoDataValue>nan</NoDataValue>\n");
        x.append("    <Description>").append(escape(product.description())).append("</Description>\n");
        x.append("    <UnitType>").append(escape(product.unit())).append("</UnitType>\n");
        String dir = product.name() + ".tiles/";
        for (TileKey key : plan.keys()) {
            PixelWindow c = plan.core(key);
            x.append("    <SimpleSource>\n")
             .append("      <SourceFilename relativeToVRT=\"1\">").append(dir).append(key.fileStem()).append(".tif</SourceFilename>\n")
             .append("      <SourceBand>1</SourceBand>\n")
             .append(String.format("      <SrcRect xOff=\"0\" yOff=\"0\" xSize=\"%d\" ySize=\"%d\"/>%n", c.width(), c.height()))
             .append(String.format("      <DstRect xOff=\"%d\" yOff=\"%d\" xSize=\"%d\" ySize=\"%d\"/>%n", c.x0(), c.y0(), c.width(), c.height()))
             .append("    </SimpleSource>\n");
        }
        x.append("  </VRTRasterBand>\n</VRTDataset>\n");
        return x.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
