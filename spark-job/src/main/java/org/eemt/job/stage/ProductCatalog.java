package org.eemt.job.stage;

import org.eemt.geo.calendar.Calendar365;
import org.eemt.geo.climate.ClimateSource;
import org.eemt.job.outputs.Product;

/**
 * The products (and {@link WorkFile}s) that one stage writes and another reads, declared once: the stages name them from
 * here (never from each other), and the {@link Stage#reads()} / {@link Stage#writes()} declarations
 * built from them are what the pipeline orders and checks the stages by. Products only their own
 * stage uses (daily solar products, EEMT) are declared by that stage.
 */
public final class ProductCatalog {
    public static final Product DEM = new Product("terrain/dem", "m", "elevation (Float32 copy of the input DEM)");
    public static final Product SLOPE = new Product("terrain/slope", "degrees", "Horn slope");
    public static final Product ASPECT = new Product("terrain/aspect", "degrees",
            "aspect: compass bearing of the downslope direction (0 = north, clockwise); NoData on flats");
    public static final Product NORTHNESS = new Product("terrain/northness", "1", "northness cos(aspect)·sin(slope)");

    public static final Product FILLED = new Product("terrain/filled", "m", "DEM filled by Priority-Flood with an epsilon gradient");
    public static final Product SCA = new Product("terrain/sca", "m2 m-1",
            "specific catchment area (D-infinity; multiple flow directions with --wetness-index saga)");
    public static final Product TWI = new Product("terrain/twi", "1",
            "topographic wetness index ln(SCA / tan slope), or the SAGA Wetness Index with --wetness-index saga");
    public static final Product MCWI = new Product("terrain/mcwi", "1", "mass-conservative wetness index TWI / mean TWI");

    /**
     * The climate the DEM needs (the window of gridded climate, or the base station), with z_b
     * per climate cell: written by the climate stage, read by the EEMT stage.
     */
    public static final WorkFile<ClimateSource> CLIMATE = new WorkFile<>("climate.ser", ClimateSource.class,
            "the climate the DEM needs, with z_b per climate cell");

    private ProductCatalog() {
    }

    /** S_topo of a month (0..11). */
    public static Product topo(int month) {
        return new Product("global/monthly/total_sun_" + Calendar365.monthName(month) + "_sum", "Wh m-2 month-1",
                "global irradiation on the terrain with shadows, monthly sum (S_topo)");
    }

    /** S_flat of a month. */
    public static Product flat(int month) {
        return new Product("global/monthly/flat_total_sun_" + Calendar365.monthName(month) + "_sum", "Wh m-2 month-1",
                "global irradiation on a horizontal unshaded surface at the same elevation, monthly sum (S_flat)");
    }

    /** Mean daily insolation time of a month. */
    public static Product hours(int month) {
        return new Product("insol/monthly/hours_sun_" + Calendar365.monthName(month) + "_average", "h day-1",
                "insolation time, monthly mean of daily values");
    }
}
