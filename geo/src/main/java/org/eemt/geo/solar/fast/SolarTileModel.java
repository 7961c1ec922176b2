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
 * its tile. The samples t and 24 − t have the same sun altitude ({@link SampleGroups}), so the
 * altitude's terms (air mass, τ, B_h, D_h, Muneer's N) are computed once per pair, and a sunlit sample's
 * B_i + D_i + R_i, linear in cosθ, is summed as c0 + c1·cosθ with the pair's c0 and c1. From the group on
 * at which a cell is in full sun (h0 ≥ 0.1 rad, above its slope and above every horizon it has toward an
 * azimuth the sun takes: {@link TerrainShadow#sinAltitudeAlwaysLit}, an exact bound) to noon, the sums come
 * from {@link FullSunSums}, tabulated per day at fixed latitude and elevation nodes; only the groups before
 * are summed one by one. The terms that depend on the latitude alone (sin h0, the sea-level air mass, D_h, the
 * sun's directions: {@link SunPath}) are kept while consecutive cells share the latitude, as along the rows of a
 * geographic DEM, whose cells then share the shadow tests' sun directions ({@link SunDirection.Resolved}), and a
 * sample's sunlit count (0 or 1) is formed without branching on it ({@link TerrainShadow#isSunlit}); for a cell
 * with its own latitude (a projected DEM) the sun's azimuth is computed only when a test needs it
 * ({@link SunDirection.OnDemand}). Aspect and sun meet in true north unless {@code --north grid} (Eq. 2.30): the aspect
 * constants are turned into true north by the cell's grid convergence γ, and the shadow tests' sun directions into grid
 * terms ({@link SunPath#moveTo}; γ = 0 on geographic DEMs, where nothing changes). Several days are computed in one pass
 * over the cells ({@link #days}), block of cells by block of cells, so that a block's constants and horizons are read
 * from memory once for all of them. EquationsSampleBySampleTest checks the result against the plain model,
 * {@link org.eemt.geo.solar.model.SampleBySampleModel}.
 */
public final class SolarTileModel {
    /** sin 0.1 rad: Muneer's diffuse takes its low-sun form below (SCIENCE.md §2). */
    static final double SIN_LOW_SUN = Math.sin(MuneerDiffuse.LOW_SUN_RADIANS);

    private final SolarTile tile;
    private final SolarParameters parameters;
    private final TerrainShadow shadow;
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
    /** sin h0 at or above which the cell is in full sun ({@link FullSunSums}): high sun, above its slope and horizons. */
    private static final int SIN_FULL_SUN = 11;
    private static final int CONSTANTS = 12;
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
    /** Per thread, the {@link FullSunSums} arrays of its previous days, reused (fresh memory costs page faults). */
    private final ThreadLocal<double[][]> fullSunBuffers = new ThreadLocal<>();
    /** Cells per block of {@link #days}: their constants, horizons and results (~0.5 kB a cell) stay in a core's cache. */
    private static final int CELL_BLOCK = 2048;

    private static final byte NO_DATA = 0;
    private static final byte FLAT_ONLY = 1;
    private static final byte HORIZONTAL = 2;
    private static final byte INCLINED = 3;

    private SolarTileModel(SolarTile tile, SolarParameters parameters, TerrainShadow shadow, GridConvergence convergence) {
        this.tile = tile;
        this.parameters = parameters;
        this.shadow = shadow;
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
            double sinAlwaysLit = surface[i] == FLAT_ONLY ? 0 : shadow.sinAltitudeAlwaysLit(i);
            // cosθ ≥ sin(h0 − β) > 0 once sin h0 exceeds sin β (by far more than cosθ's rounding)
            constants[at + SIN_FULL_SUN] = Math.max(SIN_LOW_SUN, Math.max(sinAlwaysLit, sinBeta + 1e-9));
            minLatitude = Math.min(minLatitude, latitude[i]);
            maxLatitude = Math.max(maxLatitude, latitude[i]);
            minElevation = Math.min(minElevation, elevation);
            maxElevation = Math.max(maxElevation, elevation);
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
        int n = daysOfYear.length;
        DailyIrradiation[] results = new DailyIrradiation[n];
        SunPath[] paths = new SunPath[n];
        FullSunSums[] fullSun = new FullSunSums[n];
        double[][] buffers = fullSunBuffers.get();
        if (buffers == null || buffers.length < n) {
            buffers = Arrays.copyOf(buffers == null ? new double[0][] : buffers, n);
            fullSunBuffers.set(buffers);
        }
        for (int d = 0; d < n; d++) {
            SolarDay day = SolarDay.of(daysOfYear[d]);
            ClearSkyTable sky = skyByMonth[day.month()];
            results[d] = new DailyIrradiation(daysOfYear[d], new float[cells], new float[cells], new float[cells]);
            paths[d] = new SunPath(groups, sky, day);
            if (minLatitude <= maxLatitude) {
                fullSun[d] = new FullSunSums(groups, sky, day, minLatitude, maxLatitude, minElevation, maxElevation, buffers[d]);
                buffers[d] = fullSun[d].buffer();
            }
        }
        for (int start = 0; start < cells; start += CELL_BLOCK) {
            int end = Math.min(cells, start + CELL_BLOCK);
            for (int d = 0; d < n; d++) {
                cellDays(start, end, paths[d], fullSun[d], results[d]);
            }
        }
        return results;
    }

    /** The cells {@code start} to {@code end} − 1 of one day. */
    private void cellDays(int start, int end, SunPath path, FullSunSums fullSun, DailyIrradiation day) {
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
            cellDay(i, path, fullSun, topo, flat, hours);
        }
    }

    /**
     * One cell's day, written to {@code topo}, {@code flat} and {@code hours}: the daylight groups of {@code path} up to
     * the cell's full sun one by one, the rest from {@code fullSun}.
     */
    private void cellDay(int i, SunPath path, FullSunSums fullSun, float[] topo, float[] flat, float[] hours) {
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
        double[] diffuse = path.diffuse;
        double[] northward = path.northward;
        double[] eastward = path.eastward;
        double[] diffuseBeamWeight = path.diffuseBeamWeight;
        double[] lowSunCorrection = path.lowSunCorrection;
        SunDirection[] firstSun = path.firstSun;
        SunDirection[] secondSun = path.secondSun;
        int tabulatedFrom = fullSun.locate(constants[at + LATITUDE_RADIANS], constants[at + ELEVATION_METRES]);
        int flatFrom = Math.max(path.firstDaylight, tabulatedFrom);
        double fullSunAbove = constants[at + SIN_FULL_SUN];
        double sumTopo = 0;
        double sumFlat = 0;
        int litSamples = 0;
        int groupCount = groups.size();
        int g = path.firstDaylight;
        for (; g < groupCount; g++) {
            double s = path.sinAltitude(g);
            if (s >= fullSunAbove && g >= tabulatedFrom) {
                break;
            }
            path.prepare(g);
            boolean paired = groups.paired(g);
            double samples = paired ? 2 : 1;
            double dh = diffuse[g];
            boolean flatSummed = g < flatFrom;
            if (!topoDefined) {
                if (flatSummed) {
                    path.prepareBeam(g);
                    sumFlat += samples * (g0 * s * sky.beamTransmittance(e * seaLevelAirMass[g]) + dh);
                }
                continue;
            }
            double north = northward[g];
            double east = eastward[g];
            double towardNorthAndUp = cn * north + cosBeta * s;
            double towardEast = ce * east;
            double cosTheta1 = towardNorthAndUp + towardEast;
            double cosTheta2 = towardNorthAndUp - towardEast;
            // 0 or 1, and no branch on either where the shadow test allows it (the horizon mode on a geographic DEM)
            int lit1 = shadow.isSunlit(i, firstSun[g], cosTheta1) ? 1 : 0;
            int lit2 = paired && shadow.isSunlit(i, secondSun[g], cosTheta2) ? 1 : 0;
            int lit = lit1 + lit2;
            litSamples += lit;
            if (lit == 0 && !flatSummed) {
                // a shadowed group needs no beam terms: the sums below with lit = 0
                sumTopo += inclined ? samples * dh * shadedFactor : samples * dh;
                continue;
            }
            path.prepareBeam(g);
            double tau = sky.beamTransmittance(e * seaLevelAirMass[g]);
            double bh = g0 * s * tau;
            if (flatSummed) {
                sumFlat += samples * (bh + dh);
            }
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
        sumFlat += fullSun.flat(flatFrom);
        sumTopo += !topoDefined ? 0 : inclined ? fullSun.inclined(g, rSky, fg, reflected, cn, cosBeta, ce) : fullSun.flat(g);
        litSamples += groups.samplesFrom(g);
        double step = parameters.stepHours();
        flat[i] = (float) (step * sumFlat);
        topo[i] = topoDefined ? (float) (step * sumTopo) : Float.NaN;
        hours[i] = topoDefined ? (float) (step * litSamples) : Float.NaN;
    }
}
