package org.eemt.job.eemt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.broadcast.Broadcast;
import org.eemt.geo.EemtException;
import org.eemt.geo.climate.CellClimate;
import org.eemt.geo.raster.CellCoordinates;
import org.eemt.geo.climate.ClimateSource;
import org.eemt.geo.eemt.EemtCells;
import org.eemt.geo.eemt.EemtMaps;
import org.eemt.geo.eemt.EemtModel;
import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.job.outputs.Product;
import org.eemt.job.outputs.ProductStore;
import org.eemt.job.outputs.TileSummary;
import org.eemt.job.plan.TilePlan;
import org.eemt.job.stage.ClimateInput;
import org.eemt.job.stage.ProductCatalog;
import org.eemt.job.stage.Stage;
import org.eemt.job.stage.StageContext;
import org.eemt.job.stage.WorkFile;
import org.eemt.geo.calendar.Calendar365;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EEMT stage (SCIENCE.md §3–4): the driver broadcasts the climate the climate stage prepared
 * (the window the DEM needs with z_b, or the single-pixel record); each task reads its tile of elevation, northness, MCWI
 * and the monthly S_topo and S_flat, samples the climate at its cell centres and runs
 * {@link EemtModel} for every year. Products, MJ m⁻²:
 * {@code eemt/EEMT_{Trad,Topo}_<mon>_<year>} and {@code eemt/annual/EEMT_{Trad,Topo}_<year>},
 * plus {@code TopoVeg} with {@code --lai} and {@code --canopy-height}. Without {@code --climate}
 * the stage has no products.
 */
public final class EemtStage implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(EemtStage.class);

    private final EemtConfig options;

    /** The stage with the climate and EEMT parameters of a run. */
    public EemtStage(EemtConfig options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "eemt";
    }

    /** Elevation, northness, MCWI and the twelve months of S_topo and S_flat. */
    @Override
    public List<Product> reads() {
        List<Product> inputs = new ArrayList<>(List.of(ProductCatalog.DEM, ProductCatalog.NORTHNESS, ProductCatalog.MCWI));
        for (int m = 0; m < Calendar365.MONTHS; m++) {
            inputs.add(ProductCatalog.topo(m));
            inputs.add(ProductCatalog.flat(m));
        }
        return inputs;
    }

    @Override
    public List<Product> writes() {
        List<Product> products = new ArrayList<>();
        for (Output o : outputs(options)) {
            products.add(o.product());
        }
        return products;
    }

    /** The climate with z_b, from the climate stage. */
    @Override
    public List<WorkFile<?>> readsWork() {
        return List.of(ProductCatalog.CLIMATE);
    }

    @Override
    public void run(StageContext context, List<Product> wanted) throws IOException {
        EemtConfig o = options;
        RasterGrid dem = context.dem();
        TilePlan plan = context.plan();
        ProductStore store = context.store();
        boolean vegetation = o.vegetation();
        if (vegetation) {
            checkOnDemGrid(o.leafAreaIndex(), dem);
            checkOnDemGrid(o.canopyHeight(), dem);
        }
        ClimateSource climate = ProductCatalog.CLIMATE.read(store);
        Broadcast<ClimateSource> shared = context.spark().broadcast(climate);
        List<Output> outputs = outputs(o).stream().filter(out -> wanted.contains(out.product())).toList();
        List<Integer> years = outputs.stream().map(Output::year).distinct().sorted().toList();
        double lapseRate = o.lapseRateCelsiusPerKm();
        double wind = o.windMetresPerSecond();
        String lai = o.leafAreaIndex();
        String canopy = o.canopyHeight();
        context.forEachTile("eemt: " + years.size() + " years x 12 months", wanted, 1, false, key -> {
            long start = System.nanoTime();
            PixelWindow core = plan.core(key);
            RasterGrid cells = plan.dem().window(core);
            float[][] sTopo = new float[12][];
            float[][] sFlat = new float[12][];
            for (int m = 0; m < 12; m++) {
                sTopo[m] = store.read(ProductCatalog.topo(m), core);
                sFlat[m] = store.read(ProductCatalog.flat(m), core);
            }
            EemtCells tile = new EemtCells(store.read(ProductCatalog.DEM, core), CellCoordinates.latitudesDegrees(cells),
                    store.read(ProductCatalog.NORTHNESS, core), store.read(ProductCatalog.MCWI, core), sTopo, sFlat,
                    lai == null ? null : readWindow(lai, core), canopy == null ? null : readWindow(canopy, core));
            long valid = 0;
            for (int year : years) {
                CellClimate sampled = shared.value().sample(cells, year);
                EemtMaps maps = EemtModel.compute(tile, sampled, lapseRate, wind);
                for (Output out : outputs) {
                    if (out.year() == year) {
                        store.writeTile(out.product(), key, core, out.cells(maps));
                    }
                }
                for (float v : maps.topoAnnual()) {
                    valid += Float.isNaN(v) ? 0 : 1;
                }
            }
            return new TileSummary(key, valid / Math.max(1, years.size()), (System.nanoTime() - start) / 1e9);
        });
    }

    /** One EEMT product: kind (Trad, Topo, TopoVeg), year, month (0-11, or -1 for the annual sum). */
    record Output(String kind, int year, int month, Product product) implements java.io.Serializable {
        float[] cells(EemtMaps maps) {
            return switch (kind) {
                case "Trad" -> month < 0 ? maps.tradAnnual() : maps.tradMonthly()[month];
                case "Topo" -> month < 0 ? maps.topoAnnual() : maps.topoMonthly()[month];
                default -> month < 0 ? maps.topoVegAnnual() : maps.topoVegMonthly()[month];
            };
        }
    }

    /** Every product of these options, with what it holds. */
    static List<Output> outputs(EemtConfig o) {
        ClimateInput input = o.climate();
        if (!input.given()) {
            return List.of();
        }
        List<String> kinds = new ArrayList<>(List.of("Trad", "Topo"));
        if (o.vegetation()) {
            kinds.add("TopoVeg");
        }
        // No input locations: a product's bytes must not depend on where its inputs lie (the manifest's
        // parameters and inputs name them).
        String climate = input.gridded()
                ? "gridded climate (--climate), " + (input.baseElevation() != null ? "z_b from --climate-elevation"
                        : "z_b = mean elevation of the DEM cells inside each climate cell (no --climate-elevation)")
                : "base station (--climate), z_b = its header elevation";
        List<Output> list = new ArrayList<>();
        for (int year : input.years()) {
            for (String kind : kinds) {
                String what = "EEMT_" + kind.toUpperCase(Locale.ROOT).replace("TOPOVEG", "TOPO-VEG") + " (Rasmussen et al. 2015); " + climate;
                for (int m = 0; m < 12; m++) {
                    list.add(new Output(kind, year, m, new Product("eemt/EEMT_" + kind + "_" + Calendar365.monthName(m) + "_" + year,
                            "MJ m-2 month-1", what)));
                }
                list.add(new Output(kind, year, -1, new Product("eemt/annual/EEMT_" + kind + "_" + year, "MJ m-2 yr-1", what)));
            }
        }
        return list;
    }

    private static void checkOnDemGrid(String location, RasterGrid dem) {
        RasterGrid g = GeoTiffReader.readGrid(location);
        if (g.columns() != dem.columns() || g.rows() != dem.rows() || Math.abs(g.originX() - dem.originX()) > 1e-6 * dem.cellWidth()
                || Math.abs(g.originY() - dem.originY()) > 1e-6 * dem.cellHeight()
                || Math.abs(g.cellWidth() - dem.cellWidth()) > 1e-9 * dem.cellWidth()) {
            throw EemtException.input(location, "is not on the DEM's grid (" + g.describe() + " vs " + dem.describe() + ")",
                    "resample it to the DEM's grid, e.g. gdalwarp -te <DEM bounds> -tr <DEM cell size>");
        }
    }

    private static float[] readWindow(String location, PixelWindow window) {
        try (GeoTiffReader reader = GeoTiffReader.open(location)) {
            return reader.read(window);
        }
    }
}
