package org.eemt.geo.climate;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.eemt.geo.EemtException;
import org.eemt.geo.raster.RasterGrid;

/**
 * A Daymet single-pixel record aggregated to months ({@link DaymetCsv}), used as a base station
 * (SCIENCE.md §3): every DEM cell gets the station's monthly values, and z_b is the station
 * elevation, so the lapse rate carries the temperatures to each cell's elevation.
 *
 * @param location          the CSV file, for messages
 * @param elevationMetres   station elevation from the header (m), z_b
 * @param latitudeDegrees   station latitude from the header (°N), NaN when absent
 * @param longitudeDegrees  station longitude from the header (°E), NaN when absent
 * @param monthly           per year: values[variable ordinal][month], in the variables' units (°C, mm, Pa);
 *                          vp NaN when the record has no vp column
 * @param daysPerYear       per year: the number of daily rows (365 for a complete Daymet year)
 */
public record StationRecord(String location, double elevationMetres, double latitudeDegrees, double longitudeDegrees,
                            Map<Integer, float[][]> monthly, Map<Integer, Integer> daysPerYear)
        implements ClimateSource {
    private static final long serialVersionUID = 1L;

    /** The twelve monthly values of a variable in a year; exit-2 error when the record lacks that year. */
    public float[] months(ClimateVariable variable, int year) {
        float[][] values = monthly.get(year);
        if (values == null) {
            throw EemtException.input(location, "has no data for " + year + " (it covers " + coverage() + ")",
                    "choose --years within the record, or another record");
        }
        int days = daysPerYear.get(year);
        if (days != 365) {
            throw EemtException.input(location, "has " + days + " daily rows for " + year + ", expected 365",
                    "choose complete years with --years");
        }
        return values[variable.ordinal()].clone();
    }

    /** The years with all 365 daily rows, in order. */
    public List<Integer> completeYears() {
        return daysPerYear.entrySet().stream().filter(e -> e.getValue() == 365).map(Map.Entry::getKey).sorted().toList();
    }

    @Override
    public CellClimate sample(RasterGrid cells, int year) {
        int n = Math.toIntExact(cells.cells());
        float[][][] byVariable = new float[ClimateVariable.values().length][12][];
        for (ClimateVariable v : ClimateVariable.values()) {
            float[] m = months(v, year);
            for (int month = 0; month < 12; month++) {
                float[] cellsOfMonth = new float[n];
                Arrays.fill(cellsOfMonth, m[month]);
                byVariable[v.ordinal()][month] = cellsOfMonth;
            }
        }
        float[] base = new float[n];
        Arrays.fill(base, (float) elevationMetres);
        boolean hasVapourPressure = !Float.isNaN(months(ClimateVariable.VP, year)[0]);
        return new CellClimate(byVariable[ClimateVariable.TMAX.ordinal()], byVariable[ClimateVariable.TMIN.ordinal()],
                byVariable[ClimateVariable.PRCP.ordinal()], hasVapourPressure ? byVariable[ClimateVariable.VP.ordinal()] : null, base);
    }

    @Override
    public String describe() {
        return "Daymet single-pixel record " + location + " (" + latitudeDegrees + " N, " + longitudeDegrees
                + " E, " + elevationMetres + " m, " + coverage() + ") as a lapse-rate-corrected base station";
    }

    private String coverage() {
        return monthly.isEmpty() ? "no years"
                : Collections.min(monthly.keySet()) + "-" + Collections.max(monthly.keySet());
    }
}
