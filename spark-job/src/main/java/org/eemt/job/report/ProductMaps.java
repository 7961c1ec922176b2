package org.eemt.job.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.job.outputs.RunOutputs;
import org.eemt.job.outputs.Product;

/** Quicklook maps of products, from their overviews or a {@link ProductScan}, and their PNGs. */
public final class ProductMaps {
    /** Longer side of a quicklook, in blocks: larger grids are averaged over blocks of cells. */
    public static final int MAX_BLOCKS = 600;

    private ProductMaps() {
    }

    /** The block edge for quicklooks of this grid. */
    public static int blockSize(RasterGrid grid) {
        return Quicklook.blockSizeFor(grid.columns(), grid.rows(), MAX_BLOCKS);
    }

    /**
     * The quicklook of each product, by product path: from its overview ({@link #fromOverviews}), or for the products
     * without one from a {@link ProductScan} of their cells.
     */
    public static Map<String, Quicklook> quicklooks(JavaSparkContext spark, RunOutputs outputs, List<Product> products, int blockSize) {
        Map<String, Quicklook> maps = fromOverviews(outputs, products, blockSize);
        List<Product> unmapped = products.stream().filter(p -> !maps.containsKey(p.path())).toList();
        if (!unmapped.isEmpty()) {
            maps.putAll(assemble(ProductScan.scan(spark, outputs, unmapped, unmapped, blockSize), outputs.grid(), blockSize));
        }
        return maps;
    }

    /**
     * The quicklooks of the products whose published file has an overview at {@code blockSize} (a power of two, {@link
     * #blockSize}), by product path, read on this JVM: a few hundred cells a side each, not the product's cells. A
     * product published as tiles (a VRT) has none, and is left out. An overview's cell is the mean of the valid cells of
     * 2 x 2 cells of the level below it ({@link org.eemt.geo.raster.GeoTiffWriter}), so where a block is partly NoData
     * at 4 x 4 cells or more, its value is a mean of means rather than the mean of its cells.
     */
    static Map<String, Quicklook> fromOverviews(RunOutputs outputs, List<Product> products, int blockSize) {
        int width = (outputs.grid().columns() + blockSize - 1) / blockSize;
        int height = (outputs.grid().rows() + blockSize - 1) / blockSize;
        List<float[]> read = products.parallelStream().map(p -> {
            String location = outputs.location(p);
            return location.endsWith(".tif") ? GeoTiffReader.readOverview(location, blockSize) : null;
        }).toList();
        Map<String, Quicklook> maps = new LinkedHashMap<>();
        for (int i = 0; i < products.size(); i++) {
            if (read.get(i) != null) {
                maps.put(products.get(i).path(), Quicklook.ofMeans(width, height, read.get(i)));
            }
        }
        return maps;
    }

    /** The quicklook of every product that the scan gave blocks for, by product path. */
    static Map<String, Quicklook> assemble(List<ProductScan.ProductTile> tiles, RasterGrid grid, int blockSize) {
        Map<String, Quicklook> maps = new LinkedHashMap<>();
        for (ProductScan.ProductTile t : tiles) {
            if (t.blocks() != null) {
                maps.computeIfAbsent(t.product(), p -> Quicklook.of(grid.columns(), grid.rows(), blockSize)).add(t.blocks());
            }
        }
        return maps;
    }

    /** The map of a product as a PNG, with the colour scale that suits it. */
    public static byte[] png(Product product, Quicklook quicklook) {
        return png(product.path(), product.unit(), quicklook);
    }

    /** The map of any quantity (a product or a derived column) as a PNG. */
    public static byte[] png(String title, String unit, Quicklook quicklook) {
        return MapImage.png(quicklook, title, unit, ColourScale.forProduct(title, quicklook.values()));
    }
}
