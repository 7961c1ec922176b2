package org.eemt.geo.eemt;

import org.eemt.geo.calendar.Calendar365;
import org.eemt.geo.climate.CellClimate;

/**
 * EEMT per cell and month (SCIENCE.md §3–4, Rasmussen et al. 2015), a plain function over the
 * arrays of a tile: the same cell gets the same numbers in any tile.
 *
 * <p>For each cell the climate is first carried to the cell's elevation ({@link LapseRate}). Then
 * per month:
 * <ul>
 * <li>EEMT_TRAD: T = (T_max + T_min)/2; F = max(0, PPT − PET_Hamon); NPP = Lieth Miami × days/365
 *     in months with T > 0 and PPT > PET_Hamon, else 0.</li>
 * <li>EEMT_TOPO: T_max,topo (Eq. 6, no LAI term), T = (T_max,topo + T_min)/2; PET by Penman with
 *     R = S_topo and e_a = VP (e°(T_min) when the climate has no vapour pressure); AET by Zhang–Budyko (Eq. 8); F = MCWI·(PPT − AET) (Eq. 10); the
 *     annual Whittaker–Niering NPP (Eq. 11) allocated to the months with T > 0 by their days.</li>
 * <li>EEMT_TOPO-VEG (with LAI and canopy height): Eq. 6 with its LAI term; AET = min(PPT,
 *     Penman–Monteith with r_s = r_l/(0.5·LAI), r_l = 1/0.008 s m⁻¹); F = MCWI·(PPT − AET); the
 *     canopy-height NPP (Eq. 12) allocated like EEMT_TOPO's.</li>
 * </ul>
 * and EEMT = E_PPT + E_BIO ({@link EnergyTransfer}, Eq. 3–5), summed over the year. A cell missing
 * an input of an output in any month of the year is NaN in that output for the whole year
 * (EEMT_TRAD needs elevation, latitude and climate; EEMT_TOPO also northness, MCWI, vapour
 * pressure and S_topo/S_flat, so it is NaN where northness is, e.g. on the DEM's edge cells;
 * EEMT_TOPO-VEG also LAI and canopy height).
 */
public final class EemtModel {
    /** Leaf stomatal resistance r_l = 1/0.008 s m⁻¹ (maximum stomatal conductance 0.008 m s⁻¹). */
    static final double LEAF_RESISTANCE_S_PER_M = 1 / 0.008;

    private EemtModel() {
    }

    /**
     * EEMT of the cells for one year.
     *
     * @param cells                  terrain, solar and wetness inputs
     * @param climate                the year's monthly climate sampled at the same cells
     * @param lapseRateCelsiusPerKm  Γ (°C km⁻¹), {@link LapseRate#DEFAULT_CELSIUS_PER_KM} by default
     * @param windMetresPerSecond    u for Penman's r_a (m s⁻¹), {@link Penman#DEFAULT_WIND_METRES_PER_SECOND} by default
     */
    public static EemtMaps compute(EemtCells cells, CellClimate climate, double lapseRateCelsiusPerKm, double windMetresPerSecond) {
        int n = cells.size();
        boolean veg = cells.hasVegetation();
        float[][] trad = new float[12][n];
        float[][] topo = new float[12][n];
        float[][] topoVeg = veg ? new float[12][n] : null;
        float[] tradAnnual = new float[n];
        float[] topoAnnual = new float[n];
        float[] topoVegAnnual = veg ? new float[n] : null;
        double ra = Penman.aerodynamicResistanceSPerM(windMetresPerSecond);
        double[] tmax = new double[12];
        double[] tmin = new double[12];
        double[] month = new double[12];
        for (int i = 0; i < n; i++) {
            boolean tradValid = climateValid(cells, climate, i);
            boolean topoValid = tradValid && topographyValid(cells, climate, i);
            boolean vegValid = veg && topoValid && Float.isFinite(cells.leafAreaIndex()[i]) && Float.isFinite(cells.canopyHeightMetres()[i]);
            double z = cells.elevationMetres()[i];
            double zb = climate.baseElevationMetres()[i];
            for (int m = 0; m < 12 && tradValid; m++) {
                tmax[m] = LapseRate.adjustCelsius(climate.tmaxCelsius()[m][i], z, zb, lapseRateCelsiusPerKm);
                tmin[m] = LapseRate.adjustCelsius(climate.tminCelsius()[m][i], z, zb, lapseRateCelsiusPerKm);
            }
            tradAnnual[i] = tradValid ? yearSum(traditional(cells.latitudeDegrees()[i], climate, i, tmax, tmin, month), trad, i)
                    : noData(trad, i);
            double wetness = cells.wetnessIndex()[i];
            if (topoValid) {
                double nppTopo = NetPrimaryProduction.whittakerNieringGramsPerYear(z, cells.northness()[i]);
                topoAnnual[i] = yearSum(topographic(cells, climate, i, tmax, tmin, false, 0, 0, nppTopo, wetness, ra, month), topo, i);
            } else {
                topoAnnual[i] = noData(topo, i);
            }
            if (vegValid) {
                double lai = cells.leafAreaIndex()[i];
                double rs = LEAF_RESISTANCE_S_PER_M / (0.5 * lai);
                double nppVeg = NetPrimaryProduction.canopyHeightGramsPerYear(cells.canopyHeightMetres()[i]);
                topoVegAnnual[i] = yearSum(topographic(cells, climate, i, tmax, tmin, true, lai, rs, nppVeg, wetness, ra, month), topoVeg, i);
            } else if (veg) {
                topoVegAnnual[i] = noData(topoVeg, i);
            }
        }
        return new EemtMaps(trad, tradAnnual, topo, topoAnnual, topoVeg, topoVegAnnual);
    }

    /** EEMT_TRAD of the 12 months (MJ m⁻²) into {@code out}. */
    private static double[] traditional(double latitude, CellClimate climate, int i, double[] tmax, double[] tmin, double[] out) {
        for (int m = 0; m < 12; m++) {
            double t = (tmax[m] + tmin[m]) / 2;
            double ppt = climate.precipitationMm()[m][i];
            int days = Calendar365.daysInMonth(m);
            double pet = HamonPet.monthlyMm(t, DayLength.midMonthHours(latitude, m), days);
            double effective = Math.max(0, ppt - pet);
            double npp = t > 0 && ppt > pet
                    ? NetPrimaryProduction.liethGramsPerYear(t) * days / Calendar365.DAYS_IN_YEAR : 0;
            out[m] = EnergyTransfer.precipitationMJPerM2(effective, t) + EnergyTransfer.biologicalMJPerM2(npp);
        }
        return out;
    }

    /**
     * EEMT_TOPO ({@code canopy} false: LAI 0, r_s 0, open-water Penman, Zhang–Budyko AET) or
     * EEMT_TOPO-VEG ({@code canopy} true: LAI, r_s, Penman–Monteith AET ≤ PPT) of the
     * 12 months (MJ m⁻²) into {@code out}; {@code annualNpp} (g m⁻² yr⁻¹) goes to the growing months.
     */
    private static double[] topographic(EemtCells cells, CellClimate climate, int i, double[] tmax, double[] tmin,
                                        boolean canopy, double lai, double rs, double annualNpp, double wetness, double ra, double[] out) {
        double[] tmaxTopo = new double[12];
        double[] t = new double[12];
        int growingDays = 0;
        for (int m = 0; m < 12; m++) {
            tmaxTopo[m] = TopographicTemperature.maxCelsius(tmax[m], cells.sTopoWhPerM2()[m][i], cells.sFlatWhPerM2()[m][i], lai);
            t[m] = (tmaxTopo[m] + tmin[m]) / 2;
            if (t[m] > 0) {
                growingDays += Calendar365.daysInMonth(m);
            }
        }
        for (int m = 0; m < 12; m++) {
            double ppt = climate.precipitationMm()[m][i];
            double ea = climate.vapourPressurePa() != null ? climate.vapourPressurePa()[m][i] / 1000
                    : Atmosphere.saturationVapourPressureKPa(tmin[m]);
            double pet = Penman.monthlyMm(tmaxTopo[m], tmin[m], cells.sTopoWhPerM2()[m][i], ea,
                    cells.elevationMetres()[i], m, ra, rs);
            double aet = canopy ? Math.min(ppt, pet) : ZhangBudyko.aetMm(ppt, pet);
            double effective = wetness * (ppt - aet);
            double npp = t[m] > 0 ? annualNpp * Calendar365.daysInMonth(m) / growingDays : 0;
            out[m] = EnergyTransfer.precipitationMJPerM2(effective, t[m]) + EnergyTransfer.biologicalMJPerM2(npp);
        }
        return out;
    }

    /** Stores the months of one cell and returns their sum. */
    private static float yearSum(double[] months, float[][] target, int i) {
        double sum = 0;
        for (int m = 0; m < 12; m++) {
            target[m][i] = (float) months[m];
            sum += months[m];
        }
        return (float) sum;
    }

    /** NaN in every month of one cell; returns the annual NaN. */
    private static float noData(float[][] target, int i) {
        for (int m = 0; m < 12; m++) {
            target[m][i] = Float.NaN;
        }
        return Float.NaN;
    }

    /** What EEMT_TRAD needs: elevation, latitude, z_b, and T_max, T_min, PPT of every month. */
    private static boolean climateValid(EemtCells cells, CellClimate climate, int i) {
        if (!Float.isFinite(cells.elevationMetres()[i]) || !Double.isFinite(cells.latitudeDegrees()[i])
                || !Float.isFinite(climate.baseElevationMetres()[i])) {
            return false;
        }
        for (int m = 0; m < 12; m++) {
            if (!Float.isFinite(climate.tmaxCelsius()[m][i]) || !Float.isFinite(climate.tminCelsius()[m][i])
                    || !Float.isFinite(climate.precipitationMm()[m][i])) {
                return false;
            }
        }
        return true;
    }

    /** What EEMT_TOPO needs besides: northness, MCWI, and VP (when the climate has it), S_topo, S_flat of every month. */
    private static boolean topographyValid(EemtCells cells, CellClimate climate, int i) {
        if (!Float.isFinite(cells.northness()[i]) || !Float.isFinite(cells.wetnessIndex()[i])) {
            return false;
        }
        for (int m = 0; m < 12; m++) {
            boolean vapourMissing = climate.vapourPressurePa() != null && !Float.isFinite(climate.vapourPressurePa()[m][i]);
            if (vapourMissing || !Float.isFinite(cells.sTopoWhPerM2()[m][i])
                    || !Float.isFinite(cells.sFlatWhPerM2()[m][i])) {
                return false;
            }
        }
        return true;
    }
}
