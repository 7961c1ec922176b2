package org.eemt.geo.solar;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.eemt.geo.SpareCores;
import org.eemt.geo.grass.GrassCommand;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.solar.model.DailyIrradiation;
import org.eemt.geo.solar.model.SolarParameters;

/**
 * A way to compute the solar products of one tile (SCIENCE.md §2): the model in Java
 * ({@link SolarTileRun}) or GRASS GIS r.sun ({@link RsunTileRun}). Both take the same input, the
 * DEM's elevations over the tile's core plus the halo of the horizon distance, and give the same
 * output, monthly sums and, for whoever wants them, each day's arrays.
 */
public interface SolarEngine extends Serializable {
    /** A tile's monthly sums and the version of the engine's outside tool that made them (null when there is none). */
    record Result(MonthlySolarSums sums, String toolVersion) {
    }

    /** The model in Java. */
    static SolarEngine inJava() {
        return new SolarTileRun();
    }

    /** GRASS GIS r.sun, started as {@code grass} says (on the host or in a container). */
    static SolarEngine rsun(GrassCommand grass) {
        return new RsunTileRun(grass);
    }

    /** Whether {@link #run} needs the highest elevation of the whole DEM (else it may be NaN). */
    boolean needsDemMaximum();

    /**
     * Whether {@link #run} reads the core's Horn slope and aspect (the terrain stage's products,
     * SCIENCE.md §1); else they may be null.
     */
    boolean readsSlopeAspect();

    /** Whether {@link #run} borrows the idle cores it is lent (see its {@code spare}). */
    default boolean borrowsSpareCores() {
        return false;
    }

    /** What computes the tiles, for progress lines (e.g. "GRASS r.sun", or the shading mode). */
    String describe(SolarParameters parameters);

    /**
     * Computes {@code days} (1..365, any order) for {@code core}.
     *
     * @param dem             the DEM's grid
     * @param demMaxElevation the highest elevation of the DEM (m), if {@link #needsDemMaximum()}
     * @param window          the DEM cells given (core + halo) in {@code dem}'s pixel coordinates
     * @param elevation       the elevations (m) of {@code window}, row-major, NaN = no data, in full precision
     * @param slopeDegrees    Horn slope (degrees) of {@code core}'s cells, row-major, if {@link #readsSlopeAspect()}
     * @param aspectDegrees   aspect (degrees, compass bearing of the downslope direction, NaN on flats) of
     *                        {@code core}'s cells, if {@link #readsSlopeAspect()}
     * @param threads         how many threads the engine may keep busy (the cores the task holds)
     * @param spare           idle cores of the process the engine may borrow for the days, if it {@link #borrowsSpareCores()}
     * @param scratch         a local directory where the engine may make scratch files
     * @param daily           receives each day's results once, in no particular order and, with more than one thread,
     *                        from several threads at once; may be null
     */
    Result run(RasterGrid dem, double demMaxElevation, PixelWindow window, double[] elevation, PixelWindow core,
               float[] slopeDegrees, float[] aspectDegrees, SolarParameters parameters, int[] days, int threads, SpareCores spare,
               Path scratch, Consumer<DailyIrradiation> daily)
            throws IOException, InterruptedException;
}
