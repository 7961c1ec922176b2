package org.eemt.job.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.job.outputs.Product;

/** Quicklook maps of products from a {@link ProductScan}: the assembled quicklooks and their PNGs. */
public final class ProductMaps {
    /** Longer side of a quicklook, in blocks: larger grids are averaged over blocks of cells. */
    public static final int MAX_BLOCKS = 600;

    private ProductMaps() {
    }

    /** The block edge for quicklooks of this grid. */
    public static int blockSize(RasterGrid grid) {
        return Quicklook.blockSizeFor(grid.columns(), grid.rows(), MAX_BLOCKS);
    }

    /** The quicklook of every product that the scan gave blocks for, by product path. */
    public static Map<String, Quicklook> assemble(List<ProductScan.ProductTile> tiles, RasterGrid grid, int blockSize) {
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
