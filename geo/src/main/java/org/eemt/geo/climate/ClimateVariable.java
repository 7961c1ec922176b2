package org.eemt.geo.climate;

import java.util.Locale;

/**
 * The four Daymet monthly variables the EEMT model uses (SCIENCE.md §3), with the file-name
 * aggregation ORNL uses ({@code monavg}: monthly mean of daily values, {@code monttl}: monthly
 * total) and the unit the project holds them in.
 */
public enum ClimateVariable {
    /** Monthly mean of daily maximum temperature, °C. */
    TMAX("monavg", "°C"),
    /** Monthly mean of daily minimum temperature, °C. */
    TMIN("monavg", "°C"),
    /** Monthly total precipitation, mm month-1. */
    PRCP("monttl", "mm"),
    /** Monthly mean of daily mean water vapour pressure, Pa. */
    VP("monavg", "Pa");

    private final String aggregation;
    private final String unit;

    ClimateVariable(String aggregation, String unit) {
        this.aggregation = aggregation;
        this.unit = unit;
    }

    /** Daymet's variable name: tmax, tmin, prcp, vp. */
    public String daymetName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** monavg or monttl, as in ORNL's file names. */
    public String aggregation() {
        return aggregation;
    }

    /** The unit values are held in: °C, mm or Pa. */
    public String unit() {
        return unit;
    }

    /**
     * Factor and offset that bring a value in the file's {@code units} attribute to {@link #unit()}
     * ({@code held = value * factor + offset}), or {@code null} when the unit is not one of the
     * spellings this variable can have.
     */
    double[] conversionFrom(String fileUnits) {
        String u = fileUnits == null ? "" : fileUnits.trim().toLowerCase(Locale.ROOT);
        return switch (this) {
            case TMAX, TMIN -> switch (u) {
                case "degrees c", "degree_c", "degrees_c", "degc", "deg c", "°c", "c", "celsius" -> new double[] {1, 0};
                case "k", "kelvin" -> new double[] {1, -273.15};
                default -> null;
            };
            case PRCP -> switch (u) {
                case "mm", "mm/month", "mm month-1", "mm/mon", "kg m-2", "kg/m2", "kg/m^2" -> new double[] {1, 0};
                default -> null;
            };
            case VP -> switch (u) {
                case "pa" -> new double[] {1, 0};
                case "kpa" -> new double[] {1000, 0};
                default -> null;
            };
        };
    }
}
