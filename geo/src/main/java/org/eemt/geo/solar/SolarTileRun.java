package org.eemt.geo.solar;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import org.eemt.geo.SharedWork;
import org.eemt.geo.SpareCores;
import org.eemt.geo.SpreadOrder;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.solar.fast.SolarTileModel;
import org.eemt.geo.solar.model.DailyIrradiation;
import org.eemt.geo.solar.model.SolarParameters;
import org.eemt.geo.solar.model.SolarTile;

/**
 * The Java engine of the solar model ({@link SolarEngine}): one tile, a set of days, monthly sums
 * ({@link MonthlySolarSums}) and, for whoever wants them (the {@code --keep-daily} products), each
 * day's arrays as they are computed. The tile with the Horn slope and aspect it is given (the
 * terrain stage's products, {@link SolarTile#withSlopeAspectDegrees}), then the fast model
 * ({@link SolarTileModel}).
 */
public final class SolarTileRun implements SolarEngine {
    private static final long serialVersionUID = 1L;
    /**
     * Days computed in one pass over a tile's cells ({@link SolarTileModel#days}), at most; each day's results hold 12
     * bytes a cell until summed, and a pass's results at most {@value #PASS_RESULT_BYTES} bytes (one day at least).
     */
    private static final int DAYS_PER_PASS = 8;
    private static final long PASS_RESULT_BYTES = 64L << 20;

    SolarTileRun() {
    }

    @Override
    public boolean needsDemMaximum() {
        return true;
    }

    @Override
    public boolean readsSlopeAspect() {
        return true;
    }

    @Override
    public boolean borrowsSpareCores() {
        return true;
    }

    @Override
    public String describe(SolarParameters parameters) {
        return parameters.shading().toString();
    }

    /**
     * The tile's set-up (horizons) once, on {@code threads} threads, then its days pass by pass, claimed by as many threads
     * and by helpers on the cores {@code spare} lends ({@link SharedWork}).
     */
    @Override
    public Result run(RasterGrid dem, double demMaxElevation, PixelWindow window, double[] elevation, PixelWindow core,
                      float[] slopeDegrees, float[] aspectDegrees, SolarParameters parameters, int[] days, int threads, SpareCores spare,
                      Path scratch, Consumer<DailyIrradiation> daily) throws IOException, InterruptedException {
        SolarTile tile = SolarTile.withSlopeAspectDegrees(dem, demMaxElevation, window, elevation, core, slopeDegrees, aspectDegrees);
        SolarTileModel model = SolarTileModel.prepare(tile, parameters, threads);
        return new Result(run(model, days, threads, spare, daily), null);
    }

    /**
     * Computes the given days (1..365, any order) for the core of {@code tile}.
     *
     * @param daily receives each day's results as its pass ends (the passes in a {@link SpreadOrder} over
     *              {@code days}); may be null
     */
    public static MonthlySolarSums run(SolarTile tile, SolarParameters parameters, int[] days, Consumer<DailyIrradiation> daily) {
        return run(SolarTileModel.prepare(tile, parameters), days, daily);
    }

    /** As {@link #run(SolarTile, SolarParameters, int[], Consumer)} with a prepared model (horizons computed once). */
    public static MonthlySolarSums run(SolarTileModel model, int[] days, Consumer<DailyIrradiation> daily) {
        try {
            return run(model, days, 1, SpareCores.NONE, daily);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("the calling thread alone computes in memory", e);
        }
    }

    /**
     * The passes of {@code days} on {@code threads} threads and the helpers {@code spare} lends cores for, claimed in a
     * {@link SpreadOrder} over the days (the first passes span the seasons, so the JIT compiler's first code of the day
     * loop has seen its paths for high and low sun), each pass added to the tile's sums as it ends (exactly, so in any
     * order; one pass at a time: the sums are the tile's largest arrays); {@code daily} receives each day from the thread
     * that computed it.
     */
    private static MonthlySolarSums run(SolarTileModel model, int[] days, int threads, SpareCores spare, Consumer<DailyIrradiation> daily)
            throws IOException, InterruptedException {
        int cells = Math.toIntExact(model.tile().core().cells());
        int perPass = (int) Math.max(1, Math.min(DAYS_PER_PASS, PASS_RESULT_BYTES / (12L * Math.max(1, cells))));
        MonthlySolarSums sums = new MonthlySolarSums(cells);
        // per thread, its last pass's arrays: without a consumer they are summed and left, and its next pass reuses them
        int[] passes = SpreadOrder.of((days.length + perPass - 1) / perPass);
        SharedWork.run(passes.length, threads, spare, () -> new DailyIrradiation[1][], (last, claimed) -> {
            int pass = passes[claimed];
            DailyIrradiation[] results = model.days(Arrays.copyOfRange(days, pass * perPass, Math.min(days.length, (pass + 1) * perPass)),
                    daily == null ? last[0] : null);
            synchronized (sums) {
                for (DailyIrradiation day : results) {
                    sums.add(day);
                }
            }
            if (daily != null) {
                for (DailyIrradiation day : results) {
                    daily.accept(day);
                }
            }
            last[0] = results;
        });
        return sums;
    }
}
