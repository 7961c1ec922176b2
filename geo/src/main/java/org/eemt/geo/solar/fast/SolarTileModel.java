package org.eemt.geo.solar.fast;

import java.util.Arrays;
import org.eemt.geo.calendar.Calendar365;
import org.eemt.geo.raster.CellCoordinates;
import org.eemt.geo.solar.model.DailyIrradiation;
import org.eemt.geo.solar.model.EsraClearSky;
import org.eemt.geo.solar.model.MuneerDiffuse;
import org.eemt.geo.solar.model.OpticalAirMass;
import org.eemt.geo.solar.model.ReflectedIrradiance;
import org.eemt.geo.solar.model.Shading;
import org.eemt.geo.solar.model.SolarDay;
import org.eemt.geo.solar.model.SolarParameters;
import org.eemt.geo.solar.model.SolarTile;
import org.eemt.geo.terrain.GridConvergence;
import org.eemt.geo.terrain.MetricCellSize;

/**
 * The clear-sky r.sun model (SCIENCE.md Eq. 2.1–2.28; Šúri &amp; Hofierka 2004, Hofierka &amp; Šúri 2002) over
 * the core cells of one tile, one day at a time.
 *
 * <p>For a day d and each sample time t = (k + ½)·step (solar time, h) with the sun above the
 * cell's horizontal (sin h0 = sinφ·sinδ + cosφ·cosδ·cosT &gt; 0, T = (t − 12)·π/12), the cell adds
 * step·(B_i + D_i + R_i) to its global irradiation:
 * <ul>
 *   <li>beam B_h = G0·sin h0·τ(m), τ and the air mass m of {@link EsraClearSky} and {@link OpticalAirMass};
 *       on the slope B_i = G0·τ·cosθ with cosθ = sinβ·cos h0·cos(A − a) + cosβ·sin h0, zero when
 *       cosθ ≤ 0 or the terrain shadows the cell ({@link TerrainShadow});</li>
 *   <li>diffuse D_i = D_h·F, Muneer's (1990) F with Kb = τ, r_sky = (1 + cosβ)/2,
 *       f_g = sinβ − β·cosβ − π·sin²(β/2), N = 0.00263 − 0.712·Kb − 0.6883·Kb²:
 *       F = r_sky + 0.252271·f_g when shadowed or cosθ ≤ 0; else (r_sky + N·f_g)(1 − Kb) + Kb·cosθ/sin h0
 *       for h0 ≥ 0.1 rad and (r_sky + N·f_g)(1 − Kb) + Kb·sinβ·cos(A − a)/(0.1 − 0.008·h0) below;
 *       horizontal cells (β = 0 or no aspect) take D_h;</li>
 *   <li>reflected R_i = ρ·(B_h + D_h)·(1 − cosβ)/2, B_h counted only when the cell is sunlit.</li>
 * </ul>
 * Insolation time adds step for every sample in which the cell is sunlit and cosθ &gt; 0. The flat
 * product is Σ step·(B_h + D_h) (no slope, no shadow). The sun's compass azimuth A follows from
 * cos h0·sin A = −cosδ·sinT and cos h0·cos A = cosφ·sinδ − sinφ·cosδ·cosT.
 *
 * <p>Speed (docs/performance.md): per cell, the elevation factor of the air mass, the trigonometry of
 * latitude, slope and aspect and the Muneer and reflected constants are computed once per tile, so
 * cosθ is a dot product of per-cell constants with the sample's sun vector; the air mass and τ come
 * from tables that depend only on the model's constants and T_L, so a cell's result never depends on
 * its tile. The samples t and 24 − t have the same sun altitude ({@link SampleGroups}): a group's first sample is
 * before noon, its second after. A sample's B_i + D_i + R_i is linear in the cell's constants, sunlit or shadowed,
 * so the day's sums come from {@link FullSunSums}, cumulative sums per group tabulated per day at fixed latitude and
 * elevation nodes: every sample counted shadowed, plus, for each run of sunlit samples of either half of the day, the
 * difference of two cumulative sums of a sunlit sample's excess. Only the groups in which the cell and its two nodes of
 * latitude differ on whether the sun is up or on Muneer's form ({@link FullSunSums#locate}) are summed one by one.
 * A half day's samples are tested one by one until the sun is clear of the horizons and faces the cell to the
 * half's end, after which all of that half's samples are sunlit: clear when above every horizon the cell has toward
 * the azimuths the sun takes in that half ({@link TerrainShadow#sinAltitudeAlwaysLit}) or from the group the pass's
 * spans give (below), facing either above the cell's slope or with cosθ, a sinusoid in the hour angle, positive and
 * rising and positive at the half's last sample. Most horizon tests are decided from a
 * day's {@link HorizonWindows}, without the sun's direction at the cell; the others compare the horizon angle toward
 * the sun's azimuth ({@link SunPath}: the directions are kept while consecutive cells share the latitude, as along
 * the rows of a geographic DEM, {@link SunDirection.Resolved}, else computed per cell, {@link SunDirection.OnDemand}).
 * Aspect and sun meet in true north unless {@code --north grid} (Eq. 2.30): the aspect constants are turned into true
 * north by the cell's grid convergence γ, and the shadow tests' sun directions into grid terms ({@link SunPath#moveTo};
 * γ = 0 on geographic DEMs, where nothing changes). Several days are computed in one pass over the cells
 * ({@link #days}), block of cells by block of cells, so that a block's constants and horizons are read from memory
 * once for all of them. Per cell and half day, what holds on every day of the pass is found once for all of them
 * ({@link #passSpans}: the windows of its days together, {@link HorizonWindows#union}, and the range of their
 * declination): the first groups, hidden or facing away on every day, are not tested, and from the group after which no
 * horizon hides the sun on any day only cosθ is. EquationsSampleBySampleTest checks the result against the plain model,
 * {@link org.eemt.geo.solar.model.SampleBySampleModel}.
 */
public final class SolarTileModel {
    /** sin 0.1 rad: Muneer's diffuse takes its low-sun form below (SCIENCE.md §2). */
    static final double SIN_LOW_SUN = Math.sin(MuneerDiffuse.LOW_SUN_RADIANS);

    private final SolarTile tile;
    private final SolarParameters parameters;
    private final TerrainShadow shadow;
    /** {@link #shadow} when it is by horizon angles (the tests that {@link HorizonWindows} can decide), else null. */
    private final HorizonShadow horizon;
    private final SampleGroups groups;
    private final ClearSkyTable[] skyByMonth = new ClearSkyTable[Calendar365.MONTHS];
    private final int cells;
    /** Per cell: {@link #NO_DATA}, {@link #FLAT_ONLY} (no slope), {@link #HORIZONTAL} or {@link #INCLINED}. */
    private final byte[] surface;
    /**
     * Per cell, its {@value #CONSTANTS} constants at {@code [cell * CONSTANTS + field]}: one memory stream for the day's
     * loop instead of one per field (timings: docs/performance.md).
     */
    private final double[] constants;
    /** The fields of {@link #constants}: the elevation factor of the air mass ({@link OpticalAirMass}), elevation (m), latitude (radians) and its sine and cosine. */
    private static final int ELEVATION_FACTOR = 0;
    private static final int ELEVATION_METRES = 1;
    private static final int LATITUDE_RADIANS = 2;
    private static final int SIN_LATITUDE = 3;
    private static final int COS_LATITUDE = 4;
    /** sinβ·cos a, sinβ·sin a, cosβ, r_sky, f_g and ρ·(1 − cosβ)/2 (Muneer and reflected terms). */
    private static final int SLOPE_NORTH = 5;
    private static final int SLOPE_EAST = 6;
    private static final int COS_SLOPE = 7;
    private static final int SKY_VIEW = 8;
    private static final int HORIZON_BRIGHTENING = 9;
    private static final int REFLECTED_FRACTION = 10;
    /** sin h0 at or above which the sun is above the cell's slope, cosθ ≥ sin(h0 − β) &gt; 0 (exact bound). */
    private static final int SIN_ABOVE_SLOPE = 11;
    /**
     * sin h0 at or above which no horizon of the cell hides the first samples (before noon), and the second ones (after
     * noon): its highest horizon toward the azimuths the sun takes then (exact bounds).
     */
    private static final int SIN_CLEAR_FIRST = 12;
    private static final int SIN_CLEAR_SECOND = 13;
    private static final int CONSTANTS = 14;
    /**
     * Per cell, cos γ and sin γ of its grid convergence (SCIENCE.md Eq. 2.30), which turn the shadow tests' sun directions
     * into grid terms ({@link SunPath#moveTo}); null when γ is taken as 0 ({@link org.eemt.geo.terrain.North#GRID},
     * geographic DEMs). The aspect in {@link #constants} is turned into true north.
     */
    private final double[] turnCos;
    private final double[] turnSin;
    /** The valid core cells' range of latitude (radians) and elevation (m). */
    private double minLatitude = Double.POSITIVE_INFINITY;
    private double maxLatitude = Double.NEGATIVE_INFINITY;
    private double minElevation = Double.POSITIVE_INFINITY;
    private double maxElevation = Double.NEGATIVE_INFINITY;
    /** The valid core cells' range of grid convergence γ (radians; 0 when it is taken as 0). */
    private double minConvergence = 0;
    private double maxConvergence = 0;
    /** Per thread, the {@link FullSunSums} arrays of its previous days, reused (fresh memory costs page faults). */
    private final ThreadLocal<double[][]> fullSunBuffers = new ThreadLocal<>();
    /** Cells per block of {@link #days}: their constants, horizons and results (~0.5 kB a cell) stay in a core's cache. */
    private static final int CELL_BLOCK = 2048;
    /**
     * Per cell of a block and half day ({@link #passSpans}): the groups from {@code UNLIT_FROM} to {@code UNLIT_UNTIL} − 1
     * are unlit on every day of the pass, and from {@code CLEAR_FROM} on no horizon hides the sun on any of them.
     */
    private static final int UNLIT_FROM = 0;
    private static final int UNLIT_UNTIL = 1;
    private static final int CLEAR_FROM = 2;
    private static final int SPAN_FIELDS = 3;

    /** cosθ above which its rounding (below 1e-15) cannot make it ≤ 0. */
    private static final double INCIDENCE_MARGIN = 1e-12;
    /** A bound on cosθ below −this leaves cosθ ≤ 0 whatever the rounding of either ({@link #unlitUntil}). */
    private static final double FACING_MARGIN = 1e-9;

    private static final byte NO_DATA = 0;
    private static final byte FLAT_ONLY = 1;
    private static final byte HORIZONTAL = 2;
    private static final byte INCLINED = 3;

    private SolarTileModel(SolarTile tile, SolarParameters parameters, TerrainShadow shadow, GridConvergence convergence) {
        this.tile = tile;
        this.parameters = parameters;
        this.shadow = shadow;
        this.horizon = shadow instanceof HorizonShadow h ? h : null;
        this.groups = SampleGroups.of(parameters.stepHours());
        for (int m = 0; m < Calendar365.MONTHS; m++) {
            double t = parameters.linke(m);
            for (int n = 0; n < m && skyByMonth[m] == null; n++) {
                if (skyByMonth[n].sky().linkeTurbidity() == t) {
                    skyByMonth[m] = skyByMonth[n];
                }
            }
            if (skyByMonth[m] == null) {
                skyByMonth[m] = new ClearSkyTable(new EsraClearSky(t));
            }
        }
        cells = Math.toIntExact(tile.core().cells());
        surface = new byte[cells];
        constants = new double[cells * CONSTANTS];
        double[] latitude = CellCoordinates.latitudesRadians(tile.dem(), tile.core());
        float[] slopes = tile.slopeRadians();
        float[] aspects = tile.aspectRadians();
        double[] gamma = convergence == null ? null : convergence.radians(tile.core());
        turnCos = gamma == null ? null : new double[cells];
        turnSin = gamma == null ? null : new double[cells];
        for (int i = 0; i < cells; i++) {
            int column = tile.core().x0() + i % tile.core().width();
            int row = tile.core().y0() + i / tile.core().width();
            int at = i * CONSTANTS;
            double elevation = tile.elevationAt(column, row);
            double elevationFactor = OpticalAirMass.elevationFactor(elevation);
            constants[at + ELEVATION_FACTOR] = elevationFactor;
            constants[at + ELEVATION_METRES] = elevation;
            constants[at + LATITUDE_RADIANS] = latitude[i];
            constants[at + SIN_LATITUDE] = Math.sin(latitude[i]);
            constants[at + COS_LATITUDE] = Math.cos(latitude[i]);
            double beta = slopes[i];
            boolean inclined = !Double.isNaN(beta) && beta > 0 && !Float.isNaN(aspects[i]);
            surface[i] = Double.isNaN(elevationFactor) ? NO_DATA : Double.isNaN(beta) ? FLAT_ONLY : inclined ? INCLINED : HORIZONTAL;
            if (surface[i] == NO_DATA) {
                continue;
            }
            double sinBeta = inclined ? Math.sin(beta) : 0;
            double cosBeta = inclined ? Math.cos(beta) : 1;
            // the aspect in true north, as the sun's azimuth (Eq. 2.30)
            double aspect = gamma == null ? aspects[i] : aspects[i] + gamma[i];
            if (gamma != null) {
                turnCos[i] = Math.cos(gamma[i]);
                turnSin[i] = Math.sin(gamma[i]);
            }
            constants[at + SLOPE_NORTH] = inclined ? sinBeta * Math.cos(aspect) : 0;
            constants[at + SLOPE_EAST] = inclined ? sinBeta * Math.sin(aspect) : 0;
            constants[at + COS_SLOPE] = cosBeta;
            constants[at + SKY_VIEW] = MuneerDiffuse.skyView(cosBeta);
            constants[at + HORIZON_BRIGHTENING] = inclined ? MuneerDiffuse.horizonBrightening(beta, sinBeta, cosBeta) : 0;
            constants[at + REFLECTED_FRACTION] = ReflectedIrradiance.fraction(parameters.albedo(), cosBeta);
            // the sun's grid azimuth A − γ: in [−γ, π − γ] before noon (its eastward component ≥ 0), in [π − γ, 2π − γ] after;
            // the whole circle for the first samples of an asymmetric grid, which fall on either side
            double turn = gamma == null ? 0 : gamma[i];
            double firstArc = groups.pairs() > 0 ? Math.PI : 2 * Math.PI;
            double firstLit = surface[i] == FLAT_ONLY ? 0 : shadow.sinAltitudeAlwaysLit(i, -turn, firstArc - turn);
            double secondLit = surface[i] == FLAT_ONLY ? 0 : shadow.sinAltitudeAlwaysLit(i, Math.PI - turn, 2 * Math.PI - turn);
            // cosθ ≥ sin(h0 − β) > 0 once sin h0 exceeds sin β (by far more than cosθ's rounding)
            double aboveSlope = sinBeta + 1e-9;
            constants[at + SIN_ABOVE_SLOPE] = aboveSlope;
            constants[at + SIN_CLEAR_FIRST] = firstLit;
            constants[at + SIN_CLEAR_SECOND] = secondLit;
            minLatitude = Math.min(minLatitude, latitude[i]);
            maxLatitude = Math.max(maxLatitude, latitude[i]);
            minElevation = Math.min(minElevation, elevation);
            maxElevation = Math.max(maxElevation, elevation);
            if (gamma != null) {
                minConvergence = Math.min(minConvergence, gamma[i]);
                maxConvergence = Math.max(maxConvergence, gamma[i]);
            }
        }
    }

    /** {@link #prepare(SolarTile, SolarParameters, int)} on the calling thread alone. */
    public static SolarTileModel prepare(SolarTile tile, SolarParameters parameters) {
        try {
            return prepare(tile, parameters, 1);
        } catch (InterruptedException e) {
            throw new IllegalStateException("one thread is never interrupted by a worker", e);
        }
    }

    /**
     * Prepares a tile: latitudes, per-cell constants and, in {@link Shading#HORIZON} mode, the horizon angles, these on
     * {@code threads} threads.
     */
    public static SolarTileModel prepare(SolarTile tile, SolarParameters parameters, int threads) throws InterruptedException {
        MetricCellSize cellSize = new MetricCellSize(tile.dem());
        GridConvergence convergence = tile.convergence(parameters.north());
        TerrainShadow shadow = switch (parameters.shading()) {
            case NONE -> TerrainShadow.NONE;
            case RAY -> new RayShadow(tile, cellSize, parameters.horizonDistanceMetres());
            case HORIZON -> HorizonShadow.compute(tile, cellSize, parameters.horizonDistanceMetres(), parameters.horizonAzimuths(),
                    SunAzimuths.of(tile.dem(), convergence), threads);
        };
        return new SolarTileModel(tile, parameters, shadow, convergence);
    }

    /** A tile with a given shadow test (the one of {@code parameters.shading()} or another, e.g. a reference's). */
    static SolarTileModel withShadow(SolarTile tile, SolarParameters parameters, TerrainShadow shadow) {
        return new SolarTileModel(tile, parameters, shadow, tile.convergence(parameters.north()));
    }

    public SolarTile tile() {
        return tile;
    }

    /**
     * The day's global irradiation (real surface and flat) and insolation time of every core cell. Several threads may
     * compute days at once.
     */
    public DailyIrradiation day(int dayOfYear) {
        return days(new int[] {dayOfYear})[0];
    }

    /**
     * {@link #day} of each of {@code daysOfYear}, in their order, computed block of cells by block of cells: a block's
     * constants and horizons are read from memory once for all the days instead of once per day (docs/performance.md).
     */
    public DailyIrradiation[] days(int[] daysOfYear) {
        return days(daysOfYear, null);
    }

    /**
     * {@link #days(int[])} in the arrays of {@code previous} (a previous pass's results, which are overwritten; null for
     * new arrays): fresh memory costs page faults.
     */
    public DailyIrradiation[] days(int[] daysOfYear, DailyIrradiation[] previous) {
        int n = daysOfYear.length;
        DailyIrradiation[] results = new DailyIrradiation[n];
        SunPath[] paths = new SunPath[n];
        FullSunSums[] fullSun = new FullSunSums[n];
        HorizonWindows[] windows = new HorizonWindows[n];
        double[][] buffers = fullSunBuffers.get();
        if (buffers == null || buffers.length < n) {
            buffers = Arrays.copyOf(buffers == null ? new double[0][] : buffers, n);
            fullSunBuffers.set(buffers);
        }
        for (int d = 0; d < n; d++) {
            SolarDay day = SolarDay.of(daysOfYear[d]);
            ClearSkyTable sky = skyByMonth[day.month()];
            // every cell of a day's arrays is written
            results[d] = previous != null && d < previous.length
                    ? new DailyIrradiation(daysOfYear[d], previous[d].globalTopo(), previous[d].globalFlat(), previous[d].insolationHours())
                    : new DailyIrradiation(daysOfYear[d], new float[cells], new float[cells], new float[cells]);
            paths[d] = new SunPath(groups, sky, day);
            if (minLatitude <= maxLatitude) {
                fullSun[d] = new FullSunSums(groups, sky, day, minLatitude, maxLatitude, minElevation, maxElevation, buffers[d]);
                buffers[d] = fullSun[d].buffer();
                if (horizon != null) {
                    windows[d] = new HorizonWindows(groups, day, horizon.azimuths(), minLatitude, maxLatitude, minConvergence, maxConvergence);
                }
            }
        }
        PassBounds pass = windows[0] == null ? null : PassBounds.of(HorizonWindows.union(windows, horizon.azimuths()), daysOfYear);
        for (int d = 1; d < n; d++) {
            if (fullSun[0] != null && !fullSun[0].sameNodes(fullSun[d])) {
                throw new IllegalStateException("the days of a pass tabulate their sums at different nodes");
            }
        }
        int[] spans = new int[2 * SPAN_FIELDS * CELL_BLOCK];
        int[] nodes = new int[2 * CELL_BLOCK];
        double[] weights = new double[FullSunSums.NODES * CELL_BLOCK];
        for (int start = 0; start < cells; start += CELL_BLOCK) {
            int end = Math.min(cells, start + CELL_BLOCK);
            passSpans(pass, start, end, spans);
            for (int i = start; i < end; i++) {
                if (surface[i] != NO_DATA) {
                    fullSun[0].place(constants[i * CONSTANTS + LATITUDE_RADIANS], constants[i * CONSTANTS + ELEVATION_METRES], nodes, weights, i - start);
                }
            }
            for (int d = 0; d < n; d++) {
                cellDays(start, end, paths[d], fullSun[d], windows[d], results[d], spans, nodes, weights);
            }
        }
        return results;
    }

    /**
     * What holds on every day of a pass: its days' {@link HorizonWindows#union} and the range of their declination δ
     * (sin δ and cos δ at its ends, cos δ's largest value inside).
     */
    private record PassBounds(HorizonWindows windows, double sinDeclinationLow, double sinDeclinationHigh,
                              double cosDeclinationLow, double cosDeclinationHigh) {
        static PassBounds of(HorizonWindows windows, int[] daysOfYear) {
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (int day : daysOfYear) {
                double delta = SolarDay.of(day).declinationRadians();
                low = Math.min(low, delta);
                high = Math.max(high, delta);
            }
            return new PassBounds(windows, Math.sin(low), Math.sin(high), Math.min(Math.cos(low), Math.cos(high)),
                    low <= 0 && high >= 0 ? 1 : Math.max(Math.cos(low), Math.cos(high)));
        }
    }

    /**
     * For the cells {@code start} to {@code end} − 1 and each half day, into {@code spans} ({@link #UNLIT_FROM},
     * {@link #UNLIT_UNTIL}, {@link #CLEAR_FROM} at {@code (cell − start)·2·SPAN_FIELDS + half·SPAN_FIELDS}), what holds
     * on every day of the pass: the groups unlit from the first with the sun above the horizontal at every latitude of the
     * tile on every day, and the groups clear of the horizons from the half's noon back. Without horizon windows
     * ({@code pass} null) nothing: no group is unlit, none clear.
     */
    private void passSpans(PassBounds pass, int start, int end, int[] spans) {
        for (int half = 0; half < 2; half++) {
            int last = half == 0 ? groups.size() : groups.pairs();
            int from = pass == null ? last : firstAboveHorizontal(pass.windows(), half, last);
            for (int i = start; i < end; i++) {
                int at = (i - start) * 2 * SPAN_FIELDS + half * SPAN_FIELDS;
                boolean tested = pass != null && (surface[i] == HORIZONTAL || surface[i] == INCLINED);
                spans[at + UNLIT_FROM] = from;
                spans[at + UNLIT_UNTIL] = tested ? unlitUntil(i, pass, half, from, last) : from;
                spans[at + CLEAR_FROM] = tested ? clearFrom(i, pass.windows(), half, last) : last;
            }
        }
    }

    /** The first group whose sample of this half has the sun above the horizontal at every latitude on every day of the pass. */
    private static int firstAboveHorizontal(HorizonWindows pass, int half, int last) {
        int g = 0;
        while (g < last && !(pass.lowestSinAltitude[2 * g + half] > 0)) {
            g++;
        }
        return g;
    }

    /**
     * The first group from {@code from} on whose sample of this half may light the cell on a day of the pass: before it,
     * each is hidden on every day (the windows' verdict) or the cell faces away from it on every day. Along a sample's
     * sun over the year, cosθ = sinδ·(sinβ·cos a·cosφ + cosβ·sinφ)
     * + cosδ·(cos T·(cosβ·cosφ − sinβ·cos a·sinφ) ∓ sinβ·sin a·sin T) (the sign − for a first sample): linear in sinδ and
     * in cosδ, so it is at most the larger of each term at the ends of their ranges, and the cell faces away when that is
     * below −{@value #FACING_MARGIN} (far beyond cosθ's rounding).
     */
    private int unlitUntil(int i, PassBounds pass, int half, int from, int last) {
        int at = i * CONSTANTS;
        double slopeNorth = constants[at + SLOPE_NORTH];
        double cosSlope = constants[at + COS_SLOPE];
        double sinLatitude = constants[at + SIN_LATITUDE];
        double cosLatitude = constants[at + COS_LATITUDE];
        double perSin = slopeNorth * cosLatitude + cosSlope * sinLatitude;
        double perCosT = cosSlope * cosLatitude - slopeNorth * sinLatitude;
        double perSinT = half == 0 ? -constants[at + SLOPE_EAST] : constants[at + SLOPE_EAST];
        double sinPart = Math.max(perSin * pass.sinDeclinationLow(), perSin * pass.sinDeclinationHigh());
        int g = from;
        while (g < last) {
            double perCos = groups.cosHourAngle(g) * perCosT + groups.sinHourAngle(g) * perSinT;
            double highest = sinPart + Math.max(perCos * pass.cosDeclinationLow(), perCos * pass.cosDeclinationHigh());
            if (!(highest < -FACING_MARGIN) && horizon.verdict(i, pass.windows(), 2 * g + half) != 0) {
                break;
            }
            g++;
        }
        return g;
    }

    /**
     * The first group from which no horizon of the cell hides this half's samples on any day of the pass: back from the
     * half's noon, the groups whose lowest sun is at or above the cell's clear bound, then those the windows find clear.
     */
    private int clearFrom(int i, HorizonWindows pass, int half, int last) {
        double bound = constants[i * CONSTANTS + (half == 0 ? SIN_CLEAR_FIRST : SIN_CLEAR_SECOND)];
        int g = last;
        while (g > 0 && pass.lowestSinAltitude[2 * (g - 1) + half] >= bound) {
            g--;
        }
        while (g > 0 && horizon.verdict(i, pass, 2 * (g - 1) + half) == 1) {
            g--;
        }
        return g;
    }

    /** The cells {@code start} to {@code end} − 1 of one day, {@link FullSunSums#place placed} in {@code nodes} and {@code weights}. */
    private void cellDays(int start, int end, SunPath path, FullSunSums fullSun, HorizonWindows windows, DailyIrradiation day, int[] spans,
                          int[] nodes, double[] weights) {
        float[] topo = day.globalTopo();
        float[] flat = day.globalFlat();
        float[] hours = day.insolationHours();
        for (int i = start; i < end; i++) {
            if (surface[i] == NO_DATA) {
                topo[i] = flat[i] = hours[i] = Float.NaN;
                continue;
            }
            int at = i * CONSTANTS;
            int next = at + CONSTANTS;
            double sinLatitude = constants[at + SIN_LATITUDE];
            double cosLatitude = constants[at + COS_LATITUDE];
            boolean shared = i + 1 < cells && constants[next + SIN_LATITUDE] == sinLatitude && constants[next + COS_LATITUDE] == cosLatitude
                    && (turnSin == null || turnSin[i + 1] == turnSin[i] && turnCos[i + 1] == turnCos[i]);
            path.moveTo(sinLatitude, cosLatitude, turnCos == null ? 1 : turnCos[i], turnSin == null ? 0 : turnSin[i], shared);
            int tabulatedFrom = Math.max(path.firstDaylight, fullSun.locate(nodes, weights, i - start, path.firstHighSun));
            cellDay(i, path, fullSun, tabulatedFrom, windows, topo, flat, hours, spans, (i - start) * 2 * SPAN_FIELDS);
        }
    }

    /**
     * One cell's day, written to {@code topo}, {@code flat} and {@code hours}: the daylight groups before
     * {@code tabulatedFrom} (where the cell {@link FullSunSums#locate located} in {@code fullSun} can start reading it)
     * sample by sample, then from the table: every sample counted shadowed
     * ({@link FullSunSums#diffuse}), and each run of sunlit samples of either half of the day added as the difference of
     * two cumulative sums ({@link FullSunSums#sunlit}). Each half's samples are tested one by one, from the first its pass's
     * spans ({@code spans} from {@code span}, {@link #passSpans}) do not leave unlit, until the sun is clear of the horizons
     * and facing the cell to the half's end, after which they are all sunlit.
     */
    private void cellDay(int i, SunPath path, FullSunSums fullSun, int tabulatedFrom, HorizonWindows windows, float[] topo, float[] flat,
                         float[] hours, int[] spans, int span) {
        ClearSkyTable sky = path.sky;
        double g0 = path.extraterrestrial;
        byte kind = surface[i];
        int at = i * CONSTANTS;
        double e = constants[at + ELEVATION_FACTOR];
        boolean topoDefined = kind != FLAT_ONLY;
        boolean inclined = kind == INCLINED;
        double cn = constants[at + SLOPE_NORTH];
        double ce = constants[at + SLOPE_EAST];
        double cosBeta = constants[at + COS_SLOPE];
        double rSky = constants[at + SKY_VIEW];
        double fg = constants[at + HORIZON_BRIGHTENING];
        double reflected = constants[at + REFLECTED_FRACTION];
        double shadedFactor = rSky + MuneerDiffuse.SHADED_BRIGHTENING * fg + reflected;
        double[] seaLevelAirMass = path.seaLevelAirMass;
        double[] diffuseBeamWeight = path.diffuseBeamWeight;
        double[] lowSunCorrection = path.lowSunCorrection;
        int groupCount = groups.size();
        int pairs = groups.pairs();
        int firstUnlitFrom = spans[span + UNLIT_FROM];
        int firstUnlitUntil = spans[span + UNLIT_UNTIL];
        int firstClearFrom = spans[span + CLEAR_FROM];
        int secondUnlitFrom = spans[span + SPAN_FIELDS + UNLIT_FROM];
        int secondUnlitUntil = spans[span + SPAN_FIELDS + UNLIT_UNTIL];
        int secondClearFrom = spans[span + SPAN_FIELDS + CLEAR_FROM];
        double sumTopo = 0;
        double sumFlat = 0;
        int litSamples = 0;
        for (int g = path.firstDaylight; g < tabulatedFrom; g++) {
            double s = path.sinAltitude(g);
            boolean paired = groups.paired(g);
            double samples = paired ? 2 : 1;
            double dh = g0 * sky.diffuseFraction(s);
            double north = path.northward(g);
            double east = path.eastward(g);
            path.prepareBeam(g, dh, north, east);
            double tau = sky.beamTransmittance(e * seaLevelAirMass[g]);
            double bh = g0 * s * tau;
            sumFlat += samples * (bh + dh);
            if (!topoDefined) {
                continue;
            }
            double towardNorthAndUp = cn * north + cosBeta * s;
            double towardEast = ce * east;
            double cosTheta1 = towardNorthAndUp + towardEast;
            double cosTheta2 = towardNorthAndUp - towardEast;
            boolean unlit1 = g >= firstUnlitFrom && g < firstUnlitUntil;
            boolean unlit2 = !paired || g >= secondUnlitFrom && g < secondUnlitUntil;
            int lit1 = !unlit1 && (g >= firstClearFrom ? cosTheta1 > 0 : isSunlit(i, path, windows, g, 0, cosTheta1)) ? 1 : 0;
            int lit2 = !unlit2 && (g >= secondClearFrom ? cosTheta2 > 0 : isSunlit(i, path, windows, g, 1, cosTheta2)) ? 1 : 0;
            int lit = lit1 + lit2;
            litSamples += lit;
            if (!inclined) {
                sumTopo += samples * dh + lit * bh;
                continue;
            }
            // a shadowed sample adds D_h·(r_sky + 0.252271·f_g) + ρ·(1 − cosβ)/2·D_h; a sunlit one is linear in cosθ:
            // B_i + D_i + R_i = constant + perCosTheta·cosθ
            double n = MuneerDiffuse.n(tau);
            double constant = dh * (rSky + n * fg) * (1 - tau) + reflected * (bh + dh) - tau * lowSunCorrection[g] * cosBeta;
            double perCosTheta = tau * (g0 + diffuseBeamWeight[g]);
            sumTopo += (samples - lit) * dh * shadedFactor + lit * constant + perCosTheta * (lit1 * cosTheta1 + lit2 * cosTheta2);
        }
        double step = parameters.stepHours();
        flat[i] = (float) (step * (sumFlat + fullSun.flat(tabulatedFrom)));
        if (!topoDefined) {
            topo[i] = hours[i] = Float.NaN;
            return;
        }
        // the coefficients of a sunlit sample's irradiation less a shadowed one's (FullSunSums#sunlit): on an inclined
        // surface its constants, on a horizontal one F − D_h
        double kReflected = inclined ? reflected : 1;
        double kSky = inclined ? rSky : 0;
        double kBrightening = inclined ? fg : 0;
        double kNorth = inclined ? cn : 0;
        double kUp = inclined ? cosBeta : 0;
        double kEast = inclined ? ce : 0;
        double kShaded = inclined ? shadedFactor : 1;
        sumTopo += kShaded * fullSun.diffuse(tabulatedFrom);
        double aboveSlope = constants[at + SIN_ABOVE_SLOPE];
        double firstClear = constants[at + SIN_CLEAR_FIRST];
        double secondClear = constants[at + SIN_CLEAR_SECOND];
        // cosθ along a half day is a sinusoid in the hour angle T, over less than π: where it is positive and rising (T
        // toward noon) at a sample and positive at the half's last sample, it is positive at every sample between
        boolean halves = pairs > 0;
        boolean firstEndFaces = halves && incidence(path, groupCount - 1, cn, cosBeta, ce) > INCIDENCE_MARGIN;
        boolean secondEndFaces = halves && incidence(path, pairs - 1, cn, cosBeta, -ce) > INCIDENCE_MARGIN;
        // per half: its first group tested (past the groups unlit on every day of the pass), its samples are being tested
        // (the sun not yet clear of the horizons and facing the cell to the half's end), and the last one tested was sunlit
        int firstStart = firstUnlitFrom <= tabulatedFrom && tabulatedFrom < firstUnlitUntil ? firstUnlitUntil : tabulatedFrom;
        int secondStart = secondUnlitFrom <= tabulatedFrom && tabulatedFrom < secondUnlitUntil ? secondUnlitUntil : tabulatedFrom;
        boolean firstTested = firstStart < groupCount;
        boolean secondTested = secondStart < pairs;
        boolean firstInRun = false;
        boolean secondInRun = false;
        for (int g = Math.min(firstStart, secondStart); g < groupCount && (firstTested || secondTested); g++) {
            double s = path.sinAltitude(g);
            double towardNorthAndUp = cn * path.northward(g) + cosBeta * s;
            double towardEast = ce * path.eastward(g);
            if (firstTested && g >= firstStart) {
                boolean lit;
                boolean clear = s >= firstClear || g >= firstClearFrom;
                if (clear && (s >= aboveSlope || firstEndFaces && towardNorthAndUp + towardEast > INCIDENCE_MARGIN
                        && path.incidenceRise(g, cn, cosBeta, ce) >= 0)) {
                    firstTested = false;
                    lit = true;
                    litSamples += groupCount - g;
                } else {
                    lit = clear ? towardNorthAndUp + towardEast > 0 : isSunlit(i, path, windows, g, 0, towardNorthAndUp + towardEast);
                    litSamples += lit ? 1 : 0;
                }
                if (lit != firstInRun) {
                    double run = fullSun.sunlit(g, false, kReflected, kSky, kBrightening, kNorth, kUp, kEast, -kShaded);
                    sumTopo += lit ? run : -run;
                    firstInRun = lit;
                }
            }
            if (secondTested && g >= secondStart) {
                boolean lit;
                boolean clear = s >= secondClear || g >= secondClearFrom;
                if (clear && (s >= aboveSlope || secondEndFaces && towardNorthAndUp - towardEast > INCIDENCE_MARGIN
                        && path.incidenceRise(g, cn, cosBeta, -ce) >= 0)) {
                    secondTested = false;
                    lit = true;
                    litSamples += pairs - g;
                } else {
                    lit = clear ? towardNorthAndUp - towardEast > 0 : isSunlit(i, path, windows, g, 1, towardNorthAndUp - towardEast);
                    litSamples += lit ? 1 : 0;
                    secondTested = g + 1 < pairs;
                }
                if (lit != secondInRun) {
                    double run = fullSun.sunlit(g, true, kReflected, kSky, kBrightening, kNorth, kUp, kEast, -kShaded);
                    sumTopo += lit ? run : -run;
                    secondInRun = lit;
                }
            }
        }
        topo[i] = (float) (step * sumTopo);
        hours[i] = (float) (step * litSamples);
    }

    /** cosθ of group {@code g}'s first sample at the path's latitude, for a cell with these slope constants. */
    private static double incidence(SunPath path, int g, double slopeNorth, double cosSlope, double slopeEast) {
        return slopeNorth * path.northward(g) + cosSlope * path.sinAltitude(g) + slopeEast * path.eastward(g);
    }

    /**
     * Whether sample {@code half} (0 the first, 1 the second) of group {@code g} lights the cell, whose surface has
     * {@code cosTheta} toward it: from the day's {@link HorizonWindows} when they decide (first by the interpolated angle's
     * bounds, then by the nodes' angles), else by the shadow test with the sun's direction at the cell.
     */
    private boolean isSunlit(int i, SunPath path, HorizonWindows windows, int g, int half, double cosTheta) {
        if (!(cosTheta > 0)) {
            return false;
        }
        if (windows != null) {
            int verdict = horizon.interpolatedVerdict(i, windows, 2 * g + half);
            if (verdict < 0) {
                verdict = horizon.verdict(i, windows, 2 * g + half);
            }
            if (verdict >= 0) {
                return verdict == 1;
            }
        }
        path.prepare(g);
        return !shadow.isShadowed(i, half == 0 ? path.firstSun[g] : path.secondSun[g]);
    }
}
