package org.eemt.job.outputs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.eemt.geo.EemtException;
import org.eemt.geo.raster.RasterInput;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.storage.Storage;

/**
 * The finished products of a run, as its {@code manifest.json} lists them (path, unit,
 * description, in the order they were made), with their common grid and a reader for any window
 * of any product (single GeoTIFF or VRT over tiles). Serializable: executors read their own
 * windows.
 */
public final class RunOutputs implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String out;
    private final List<Product> products;
    private final RasterGrid grid;
    private final ProductStore store;
    private final int tileSize;
    private final String manifestJson;
    private final Map<String, CellStatistics> statistics;

    private RunOutputs(String out, List<Product> products, RasterGrid grid, ProductStore store, int tileSize, String manifestJson,
                       Map<String, CellStatistics> statistics) {
        this.out = out;
        this.statistics = statistics;
        this.products = products;
        this.grid = grid;
        this.store = store;
        this.tileSize = tileSize;
        this.manifestJson = manifestJson;
    }

    /** Opens the output directory of a finished (or interrupted) run through its manifest. */
    public static RunOutputs open(String out) {
        String location = Storage.child(out, Manifest.FILE);
        JsonNode manifest;
        String text;
        try {
            if (!Storage.exists(location)) {
                throw EemtException.input(out, "has no " + Manifest.FILE, "give the --out directory of an eemt run");
            }
            try (InputStream in = Storage.open(location)) {
                text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            manifest = new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw EemtException.input(location, "cannot be read (" + e.getMessage() + ")", "run eemt again into " + out);
        }
        List<Product> products = new ArrayList<>();
        Map<String, CellStatistics> statistics = new HashMap<>();
        String gridSource = manifest.at("/inputs/0/location").asText();
        for (Iterator<Map.Entry<String, JsonNode>> it = manifest.path("products").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            products.add(new Product(e.getKey(), e.getValue().path("unit").asText(), e.getValue().path("description").asText()));
            CellStatistics recorded = Manifest.statistics(e.getValue());
            if (recorded != null) {
                statistics.put(e.getKey(), recorded);
            }
            String file = e.getValue().path("file").asText();
            if (products.size() == 1 && file.endsWith(".tif")) {
                gridSource = Storage.child(out, file);
            }
        }
        RasterGrid grid = RasterInput.readGrid(gridSource);
        ProductStore store = new ProductStore(out, grid, manifest.path("runKey").asText(),
                manifest.at("/parameters/mosaic-max-cells").asLong(Long.MAX_VALUE));
        return new RunOutputs(out, List.copyOf(products), grid, store, manifest.at("/parameters/tile-size").asInt(512), text,
                statistics);
    }

    public String directory() {
        return out;
    }

    /** Every product of the run, in the order the run made them. */
    public List<Product> products() {
        return products;
    }

    /** The product with this path (e.g. {@code terrain/slope}). */
    public Product product(String path) {
        return products.stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow(() -> EemtException.input(
                path, "is not a product of the run in " + out,
                "use one of " + String.join(", ", products.stream().map(Product::path).toList())));
    }

    public boolean has(String path) {
        return products.stream().anyMatch(p -> p.path().equals(path));
    }

    /** The grid all products share (the DEM's). */
    public RasterGrid grid() {
        return grid;
    }

    /** The tile edge (cells) the run used. */
    public int tileSize() {
        return tileSize;
    }

    /** The published file of a product. */
    public String location(Product product) {
        return store.location(product);
    }

    /** A window of a product, row-major, NoData as NaN. */
    public float[] read(Product product, PixelWindow window) throws IOException {
        return store.read(product, window);
    }

    /**
     * The statistics of a product's valid cells as the run recorded them while writing it, or null
     * when its manifest has none (a run of an older version): then read the product.
     */
    public CellStatistics recordedStatistics(Product product) {
        return statistics.get(product.path());
    }

    /** The manifest, parsed. */
    public JsonNode manifest() {
        try {
            return new ObjectMapper().readTree(manifestJson);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
