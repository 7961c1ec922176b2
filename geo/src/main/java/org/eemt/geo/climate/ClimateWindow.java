package org.eemt.geo.climate;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eemt.geo.EemtException;
import org.eemt.geo.raster.CellCoordinates;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;

/**
 * The part of a gridded monthly climate (Daymet, TerraClimate, WorldClim: {@link ClimateDataset})
 * that a DEM needs (SCIENCE.md §3): the climate cells under the DEM plus a margin of one cell, for every variable, month and requested year, and z_b per
 * climate cell. The driver reads it once ({@link #read}); it is small and serialisable, so it is
 * broadcast, and each task samples it at its own DEM cell centres ({@link #sample}).
 *
 * <p>Sampling is bilinear between the four climate cell centres around the DEM cell centre
 * (transformed from the DEM's CRS to the climate grid's CRS by SIS: Daymet's Lambert conformal
 * conic, latitude/longitude, or any CRS of a GeoTIFF stack). Climate cells
 * without a value (fill values, or z_b of a cell holding no DEM cell) are left out and the weights
 * of the others renormalised; a DEM cell with no valid neighbour gets NaN. Beyond the outermost
 * climate cell centres the edge values hold.
 *
 * <p>z_b is the reference elevation raster ({@code --climate-elevation}, the role of Daymet's 1 km
 * DEM) on the same grid, sampled the same way, or, without it, the mean elevation of the DEM
 * cells inside each climate cell ({@link DemMeanElevation}, then {@link #withBaseElevation}).
 */
public final class ClimateWindow implements ClimateSource {
    private static final long serialVersionUID = 1L;
    private final RasterGrid grid;
    private final Map<Integer, float[][][]> values;
    private final float[] baseElevationMetres;
    private final String description;

    private ClimateWindow(RasterGrid grid, Map<Integer, float[][][]> values, float[] baseElevationMetres, String description) {
        this.grid = grid;
        this.values = values;
        this.baseElevationMetres = baseElevationMetres;
        this.description = description;
    }

    /**
     * Reads the window of a directory of monthly climate files ({@link ClimateDataset}: Daymet,
     * TerraClimate, WorldClim) that covers {@code dem}, for {@code years}. With
     * {@code referenceElevation} (a GeoTIFF on the climate grid, or {@code null}) z_b is ready;
     * without it {@link #needsBaseElevation()} is true until {@link #withBaseElevation} is given
     * the DEM's means.
     */
    public static ClimateWindow read(String directory, String referenceElevation, RasterGrid dem, Collection<Integer> years) {
        ClimateFiles files = ClimateFiles.in(directory);
        ClimateDataset dataset = files.dataset();
        RasterGrid full = null;
        for (int year : years) {
            for (ClimateVariable v : ClimateVariable.values()) {
                RasterGrid g = files.grid(v, year);
                if (full == null) {
                    full = g;
                } else if (!ClimateFiles.sameGrid(full, g)) {
                    throw EemtException.input(directory, "holds " + dataset.nameOf(v) + " of " + year + " on another grid than "
                            + dataset.nameOf(ClimateVariable.TMAX) + " (" + g.describe() + " vs " + full.describe() + ")",
                            "give files cut to the same window of the " + dataset.title() + " grid");
                }
            }
        }
        if (full == null) {
            throw EemtException.input(directory, "no years to read", "give --years, e.g. --years 2000-2001");
        }
        PixelWindow window = windowCovering(directory, dataset, full, dem);
        Map<Integer, float[][][]> values = new HashMap<>();
        for (int year : years) {
            float[][][] byVariable = new float[ClimateVariable.values().length][][];
            for (ClimateVariable v : ClimateVariable.values()) {
                byVariable[v.ordinal()] = files.read(v, year, window).months();
            }
            values.put(year, byVariable);
        }
        RasterGrid windowGrid = full.window(window);
        String what = dataset.title() + " monthly " + (dataset.climatology() ? "climatology " : "grid ") + directory
                + ", window of " + window.width() + "x" + window.height() + " cells of " + full.cellWidth()
                + (full.geographic() ? "°" : " m") + ", years " + new TreeMap<>(values).keySet();
        if (referenceElevation == null) {
            return new ClimateWindow(windowGrid, values, null, what);
        }
        float[] base = referenceElevationOn(referenceElevation, dataset, windowGrid);
        return new ClimateWindow(windowGrid, values, base, what + "; z_b from the reference elevation " + referenceElevation);
    }

    /** The years for which a directory holds all four variables, in order. */
    public static List<Integer> yearsIn(String directory) {
        return ClimateFiles.in(directory).years();
    }

    /** True until z_b is known: no reference elevation was given, and the DEM means are not in yet. */
    public boolean needsBaseElevation() {
        return baseElevationMetres == null;
    }

    /** The grid of the window (in the climate's CRS), for {@link DemMeanElevation}. */
    public RasterGrid grid() {
        return grid;
    }

    /** This window with z_b = the mean elevation of the DEM cells inside each climate cell. */
    public ClimateWindow withBaseElevation(DemMeanElevation means) {
        return new ClimateWindow(grid, values, means.means(), description
                + "; no reference elevation given: z_b = mean elevation of the DEM cells inside each climate cell");
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public CellClimate sample(RasterGrid cells, int year) {
        float[][][] v = values.get(year);
        if (v == null) {
            throw EemtException.input(description, "year " + year + " was not read", "include it in --years");
        }
        if (baseElevationMetres == null) {
            throw new IllegalStateException("z_b not set: give a reference elevation or call withBaseElevation");
        }
        Bilinear weights = new Bilinear(grid, CellCoordinates.centresIn(cells, grid.crs()));
        float[][][] sampled = new float[v.length][12][];
        for (int k = 0; k < v.length; k++) {
            for (int m = 0; m < 12; m++) {
                sampled[k][m] = weights.apply(v[k][m]);
            }
        }
        return new CellClimate(sampled[ClimateVariable.TMAX.ordinal()], sampled[ClimateVariable.TMIN.ordinal()],
                sampled[ClimateVariable.PRCP.ordinal()], sampled[ClimateVariable.VP.ordinal()],
                weights.apply(baseElevationMetres));
    }

    /** Bilinear weights of the four climate cells around each point, computed once per tile. */
    private static final class Bilinear {
        private final int[] corner;
        private final double[] weight;

        Bilinear(RasterGrid grid, double[] xy) {
            int n = xy.length / 2;
            corner = new int[4 * n];
            weight = new double[4 * n];
            for (int i = 0; i < n; i++) {
                double u = clamp((xy[2 * i] - grid.originX()) / grid.cellWidth() - 0.5, grid.columns());
                double w = clamp((grid.originY() - xy[2 * i + 1]) / grid.cellHeight() - 0.5, grid.rows());
                int c0 = Math.min((int) Math.floor(u), Math.max(grid.columns() - 2, 0));
                int r0 = Math.min((int) Math.floor(w), Math.max(grid.rows() - 2, 0));
                int c1 = Math.min(c0 + 1, grid.columns() - 1);
                int r1 = Math.min(r0 + 1, grid.rows() - 1);
                double fu = u - c0;
                double fw = w - r0;
                corner[4 * i] = r0 * grid.columns() + c0;
                corner[4 * i + 1] = r0 * grid.columns() + c1;
                corner[4 * i + 2] = r1 * grid.columns() + c0;
                corner[4 * i + 3] = r1 * grid.columns() + c1;
                weight[4 * i] = (1 - fu) * (1 - fw);
                weight[4 * i + 1] = fu * (1 - fw);
                weight[4 * i + 2] = (1 - fu) * fw;
                weight[4 * i + 3] = fu * fw;
            }
        }

        private static double clamp(double index, int size) {
            return Math.max(0, Math.min(size - 1, index));
        }

        float[] apply(float[] field) {
            float[] out = new float[corner.length / 4];
            for (int i = 0; i < out.length; i++) {
                double sum = 0;
                double total = 0;
                for (int k = 4 * i; k < 4 * i + 4; k++) {
                    float value = field[corner[k]];
                    if (!Float.isNaN(value) && weight[k] > 0) {
                        sum += weight[k] * value;
                        total += weight[k];
                    }
                }
                out[i] = total > 0 ? (float) (sum / total) : Float.NaN;
            }
            return out;
        }
    }

    /** The climate cells covering the DEM's outline, plus one cell on every side, clipped to the grid. */
    private static PixelWindow windowCovering(String directory, ClimateDataset dataset, RasterGrid climate, RasterGrid dem) {
        double[] box = CellCoordinates.footprint(dem, climate.crs());
        double right = climate.originX() + climate.columns() * climate.cellWidth();
        double bottom = climate.originY() - climate.rows() * climate.cellHeight();
        if (box[0] < climate.originX() || box[2] > right || box[1] < bottom || box[3] > climate.originY()) {
            String f = climate.geographic() ? "%.4f°" : "%.0f m";
            throw EemtException.input(directory, String.format(Locale.ROOT,
                    "does not cover the DEM (the DEM spans x " + f + ".." + f + ", y " + f + ".." + f + " in the " + dataset.title()
                    + " CRS; the climate grid spans x " + f + ".." + f + ", y " + f + ".." + f + ")",
                    box[0], box[2], box[1], box[3], climate.originX(), right, bottom, climate.originY()),
                    dataset == ClimateDataset.DAYMET ? "download climate for the DEM's area (eemt fetch-daymet --dem <DEM>)"
                            : "give " + dataset.title() + " files that cover the DEM's area plus one climate cell");
        }
        int c0 = Math.max(0, (int) Math.floor((box[0] - climate.originX()) / climate.cellWidth()) - 1);
        int c1 = Math.min(climate.columns() - 1, (int) Math.floor((box[2] - climate.originX()) / climate.cellWidth()) + 1);
        int r0 = Math.max(0, (int) Math.floor((climate.originY() - box[3]) / climate.cellHeight()) - 1);
        int r1 = Math.min(climate.rows() - 1, (int) Math.floor((climate.originY() - box[1]) / climate.cellHeight()) + 1);
        return new PixelWindow(c0, r0, c1 - c0 + 1, r1 - r0 + 1);
    }

    /** The reference elevation on the cells of the climate window; it must be on the same grid (same CRS, aligned cells). */
    private static float[] referenceElevationOn(String location, ClimateDataset dataset, RasterGrid window) {
        RasterGrid reference = ClimateFiles.snapped(MonthlyGeoTiff.grid(location));
        if (dataset.lambertConformalOnly()) {
            MonthlyGeoTiff.daymetProjection(location, reference);
        }
        if (!ClimateFiles.sameCrs(reference, window)) {
            throw EemtException.input(location, "is in another CRS than the " + dataset.title() + " climate grid ("
                    + reference.describe() + " vs " + window.describe() + ")",
                    "give the reference elevation on the grid of the climate files");
        }
        String unit = window.geographic() ? "°" : " m";
        double cell = window.cellWidth();
        double columnOffset = (window.originX() - reference.originX()) / cell;
        double rowOffset = (reference.originY() - window.originY()) / cell;
        boolean aligned = Math.abs(reference.cellWidth() - cell) < 1e-6 * cell
                && Math.abs(reference.cellHeight() - cell) < 1e-6 * cell
                && Math.abs(columnOffset - Math.rint(columnOffset)) < 1e-3 && Math.abs(rowOffset - Math.rint(rowOffset)) < 1e-3;
        if (!aligned) {
            throw EemtException.input(location, "is not on the climate grid (cells " + reference.cellWidth() + unit + " at "
                    + reference.originX() + ", " + reference.originY() + " vs " + cell + unit + " at " + window.originX() + ", "
                    + window.originY() + ")", "give the reference elevation on the grid of the climate files");
        }
        PixelWindow cells = new PixelWindow((int) Math.rint(columnOffset), (int) Math.rint(rowOffset), window.columns(), window.rows());
        if (cells.x0() < 0 || cells.y0() < 0 || cells.x0() + cells.width() > reference.columns()
                || cells.y0() + cells.height() > reference.rows()) {
            throw EemtException.input(location, "does not cover the climate cells around the DEM",
                    "give a reference elevation that covers the DEM's area with a margin of one climate cell");
        }
        return MonthlyGeoTiff.readBand1(location, cells);
    }

}
