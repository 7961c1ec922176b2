package org.eemt.geo.solar.fast;

import org.eemt.geo.raster.CellCoordinates;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.terrain.GridConvergence;

/**
 * The compass azimuths at which the sun can stand above the horizontal (sin h0 &gt; 0) seen from latitudes in
 * [φmin, φmax] (those of a DEM), on any day of SCIENCE.md §2's year, whose declination never exceeds δmax = asin(0.3978).
 *
 * <p>Poleward of the tropics the sun never stands toward the near pole: at a latitude φ ≥ δmax its azimuth A
 * (from north) has cos A ≤ sin δmax / cos φ. At sunrise and sunset cos A = sin δ / cos φ; in between
 * cos A = (sin δ − sin φ·sin h0)/(cos φ·cos h0), which is not larger, as sin δ·(1 − cos h0) ≤ sin φ·sin h0
 * (sin δ ≤ sin φ and 1 − cos h0 ≤ sin h0). The bound grows with φ, so the tile's most poleward latitude sets
 * it; south of −δmax the same holds toward the south. Within the tropics, and poleward of 90° − δmax (where the
 * bound reaches 1), every azimuth is possible.
 *
 * <p>Azimuths are the shadow tests': in grid terms when the model turns the sun by the grid convergence
 * (SCIENCE.md Eq. 2.30), A − γ, so the excluded band narrows by the DEM's largest |γ| on each side.
 */
final class SunAzimuths {
    /** The largest declination of the model, asin(0.3978) (radians). */
    static final double MAX_DECLINATION_RADIANS = Math.asin(0.3978);
    private static final SunAzimuths EVERY = new SunAzimuths(0, 0);

    /** The azimuth (radians) of the pole the sun never stands near: 0 (north) or π (south). */
    private final double pole;
    /** Azimuths closer than this (radians) to {@link #pole} are never the sun's. */
    private final double excludedHalfWidth;

    private SunAzimuths(double pole, double excludedHalfWidth) {
        this.pole = pole;
        this.excludedHalfWidth = excludedHalfWidth;
    }

    /**
     * The sun's azimuths seen from anywhere on the DEM: from the latitudes of its edge cells' centres, where a
     * rectangle of a projected or geographic grid has its extreme latitudes, in grid directions turned by
     * {@code convergence} (null: not turned). One answer for every tile of the DEM, so whatever depends on it does not
     * depend on the tiling.
     */
    static SunAzimuths of(RasterGrid dem, GridConvergence convergence) {
        int columns = dem.columns();
        int rows = dem.rows();
        PixelWindow[] edges = {new PixelWindow(0, 0, columns, 1), new PixelWindow(0, rows - 1, columns, 1),
                new PixelWindow(0, 0, 1, rows), new PixelWindow(columns - 1, 0, 1, rows)};
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (PixelWindow edge : edges) {
            for (double latitude : CellCoordinates.latitudesRadians(dem, edge)) {
                min = Math.min(min, latitude);
                max = Math.max(max, latitude);
            }
        }
        double sinMaxDeclination = Math.sin(MAX_DECLINATION_RADIANS);
        double turn = convergence == null ? 0 : convergence.largestAbsRadians();
        if (min >= MAX_DECLINATION_RADIANS && sinMaxDeclination < Math.cos(max)) {
            return new SunAzimuths(0, Math.max(0, Math.acos(sinMaxDeclination / Math.cos(max)) - turn));
        }
        if (max <= -MAX_DECLINATION_RADIANS && sinMaxDeclination < Math.cos(min)) {
            return new SunAzimuths(Math.PI, Math.max(0, Math.acos(sinMaxDeclination / Math.cos(min)) - turn));
        }
        return EVERY;
    }

    /** Whether the sun can stand within {@code margin} (radians) of this compass azimuth (radians). */
    boolean near(double azimuth, double margin) {
        double fromPole = Math.abs(Math.IEEEremainder(azimuth - pole, 2 * Math.PI));
        return fromPole + margin >= excludedHalfWidth;
    }
}
