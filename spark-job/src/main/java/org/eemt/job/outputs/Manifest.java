package org.eemt.job.outputs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import org.eemt.geo.storage.Storage;

/**
 * {@code <out>/manifest.json}: what a run read (inputs with SHA-256), with which parameters and
 * software versions, what it wrote (products with SHA-256, unit, description), and how long each
 * stage took. Rewritten atomically after every finished product, so that a run that stops half
 * way still says which products are complete; a rerun keeps a product only when its checksum
 * matches and it was made by the same {@code runKey} (same inputs, same science parameters).
 */
public final class Manifest {
    public static final String FILE = "manifest.json";
    private static final String STATISTICS = "statistics";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String location;
    private final ObjectNode root;
    private final ObjectNode previousProducts;
    private final ObjectNode previousVersions;

    private Manifest(String location, ObjectNode root, ObjectNode previousProducts, ObjectNode previousVersions) {
        this.location = location;
        this.root = root;
        this.previousProducts = previousProducts;
        this.previousVersions = previousVersions;
    }

    /**
     * Starts the manifest of a run in {@code out}. Products recorded by an earlier run with the same
     * {@code runKey} are remembered for {@link #isFinished}; with {@code overwrite} nothing is.
     */
    public static Manifest start(String out, String runKey, boolean overwrite) throws IOException {
        String location = Storage.child(out, FILE);
        ObjectNode previous = JSON.createObjectNode();
        ObjectNode previousVersions = JSON.createObjectNode();
        if (!overwrite && Storage.exists(location)) {
            try (InputStream in = Storage.open(location)) {
                JsonNode old = JSON.readTree(in);
                if (old != null && runKey.equals(old.path("runKey").asText()) && old.path("products").isObject()) {
                    previous = (ObjectNode) old.get("products");
                    if (old.path("versions").isObject()) {
                        previousVersions = (ObjectNode) old.get("versions");
                    }
                }
            } catch (IOException e) {
                // an unreadable manifest keeps nothing: every product is made again
            }
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("runKey", runKey);
        root.put("started", Instant.now().toString());
        root.putObject("products");
        root.putArray("stages");
        return new Manifest(location, root, previous, previousVersions);
    }

    /**
     * Carries into this run's {@code versions} the entries an earlier run of the same science recorded and this
     * run has not, such as the GRASS version that made products or tiles this run keeps; a stage that runs the
     * tool again adds its own version to the carried one.
     */
    public void carryEarlierVersions() {
        ObjectNode versions = (ObjectNode) root.get("versions");
        previousVersions.fields().forEachRemaining(e -> {
            if (!versions.has(e.getKey())) {
                versions.set(e.getKey(), e.getValue());
            }
        });
    }

    /** The top-level object, for the run's description (inputs, parameters, versions, DEM). */
    public ObjectNode root() {
        return root;
    }

    /** True when an earlier run of the same science finished this product and its file is intact. */
    public boolean isFinished(Product product, String file) throws IOException {
        JsonNode entry = previousProducts.get(product.path());
        if (entry == null || !Storage.exists(file)) {
            return false;
        }
        return entry.path("sha256").asText().equals(Storage.sha256(file));
    }

    /** Carries an earlier run's record of a product that is kept as it is. */
    public void keep(Product product) {
        ((ObjectNode) root.get("products")).set(product.path(), previousProducts.get(product.path()));
    }

    /** Records a newly written product, with the statistics of its valid cells, and saves the manifest. */
    public synchronized void recordProduct(Product product, String stage, String file, CellStatistics statistics) throws IOException {
        ObjectNode p = ((ObjectNode) root.get("products")).putObject(product.path());
        p.put("file", relative(file));
        p.put("unit", product.unit());
        p.put("description", product.description());
        p.put("stage", stage);
        p.put("sha256", Storage.sha256(file));
        ObjectNode s = p.putObject(STATISTICS);
        s.put("cells", statistics.count());
        if (statistics.count() > 0) {
            s.put("min", statistics.min());
            s.put("max", statistics.max());
            s.put("mean", statistics.mean());
            s.put("sd", statistics.sd());
            s.put("sumSquaredDeviations", statistics.sumSquaredDeviations());
        }
        save();
    }

    /**
     * The statistics a manifest records for a product (its entry under {@code products}), or null
     * when it records none (a manifest of an older version).
     */
    public static CellStatistics statistics(JsonNode product) {
        JsonNode s = product.path(STATISTICS);
        if (!s.path("cells").isIntegralNumber()) {
            return null;
        }
        long cells = s.path("cells").asLong();
        return cells == 0 ? CellStatistics.EMPTY : new CellStatistics(cells, s.path("mean").asDouble(),
                s.path("sumSquaredDeviations").asDouble(), s.path("min").asDouble(), s.path("max").asDouble());
    }

    /** Records a finished stage: wall seconds, tiles, and which products it made and kept. */
    public synchronized void recordStage(String name, double seconds, Map<String, Object> details) throws IOException {
        ObjectNode s = ((ArrayNode) root.get("stages")).addObject();
        s.put("name", name);
        s.put("seconds", seconds);
        s.setAll((ObjectNode) JSON.valueToTree(details));
        save();
    }

    public synchronized void save() throws IOException {
        root.put("updated", Instant.now().toString());
        Storage.writeAtomically(location, JSON.writeValueAsBytes(root));
    }

    /** Converts any value (maps, lists, records) to JSON for {@link #root}. */
    public static JsonNode toJson(Object value) {
        return JSON.valueToTree(value);
    }

    /** A location inside the output directory, relative to it. */
    private String relative(String file) {
        String dir = location.substring(0, location.lastIndexOf('/') + 1);
        return file.startsWith(dir) ? file.substring(dir.length()) : file;
    }
}
