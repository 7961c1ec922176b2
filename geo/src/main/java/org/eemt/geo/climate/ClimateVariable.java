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
     * Whether a netCDF variable's CF {@code standard_name} (and {@code cell_methods}, which tell a
     * daily maximum from a minimum) describes this variable; {@code false} for a missing name.
     */
    boolean describedBy(String standardName, String cellMethods) {
        String name = standardName == null ? "" : standardName.trim();
        String methods = cellMethods == null ? "" : cellMethods;
        return switch (this) {
            case TMAX -> name.equals("air_temperature") && methods.contains("maximum");
            case TMIN -> name.equals("air_temperature") && methods.contains("minimum");
            case PRCP -> name.equals("precipitation_amount") || name.equals("lwe_thickness_of_precipitation_amount")
                    || name.equals("precipitation_flux") || name.equals("lwe_precipitation_rate");
            case VP -> name.equals("water_vapor_partial_pressure_in_air") || name.equals("water_vapor_pressure");
        };
    }

    /**
     * Converts raw values of month {@code month} (0 = January) of {@code year}, given in the
     * file's {@code units}, to {@link #unit()} in place: °C from K; mm month-1 from a monthly
     * amount (mm, kg m-2), a daily rate (mm day-1, × days in the month) or a flux (kg m-2 s-1,
     * × seconds in the month); Pa from kPa or hPa. Unknown units are an exit-2 error naming the
     * file, the variable and the units: a value is never guessed.
     */
    float[] toHeldUnit(float[] values, String location, String name, String units, int year, int month) {
        double[] conversion = conversionFrom(units, java.time.YearMonth.of(year, month + 1).lengthOfMonth());
        if (conversion == null) {
            throw org.eemt.geo.EemtException.input(location, name + " has units \"" + units + "\", expected " + unit()
                    + " (or " + alternatives() + ")", "give the variable in one of these units (see README, Climate beyond Daymet)");
        }
        if (conversion[0] != 1 || conversion[1] != 0) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (values[i] * conversion[0] + conversion[1]);
            }
        }
        return values;
    }

    private String alternatives() {
        return switch (this) {
            case TMAX, TMIN -> "K";
            case PRCP -> "kg m-2 month-1, mm day-1, kg m-2 s-1";
            case VP -> "kPa, hPa";
        };
    }

    /**
     * Factor and offset that bring a value in {@code fileUnits} to {@link #unit()}
     * ({@code held = value * factor + offset}) for a month of {@code days} days, or {@code null}
     * when the unit is not one of the spellings this variable can have.
     */
    private double[] conversionFrom(String fileUnits, int days) {
        String u = fileUnits == null ? "" : fileUnits.trim().toLowerCase(Locale.ROOT).replace("**", "^");
        return switch (this) {
            case TMAX, TMIN -> switch (u) {
                case "degrees c", "degree_c", "degrees_c", "degree_celsius", "degrees_celsius", "degc", "deg c", "°c", "c",
                     "celsius" -> new double[] {1, 0};
                case "k", "kelvin", "degk", "degrees_k" -> new double[] {1, -273.15};
                default -> null;
            };
            case PRCP -> switch (u) {
                case "mm", "mm/month", "mm month-1", "mm mon-1", "mm/mon", "kg m-2", "kg/m2", "kg/m^2", "kg m^-2", "kg m-2 month-1" ->
                        new double[] {1, 0};
                case "mm/day", "mm/d", "mm day-1", "mm d-1", "kg m-2 day-1", "kg m-2 d-1" -> new double[] {days, 0};
                case "kg m-2 s-1", "kg/m2/s", "kg m^-2 s^-1", "mm s-1", "mm/s" -> new double[] {days * 86400.0, 0};
                default -> null;
            };
            case VP -> switch (u) {
                case "pa" -> new double[] {1, 0};
                case "kpa" -> new double[] {1000, 0};
                case "hpa", "mbar", "mb" -> new double[] {100, 0};
                default -> null;
            };
        };
    }
}
