package org.eemt.job.stage;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.eemt.geo.EemtException;
import org.eemt.geo.climate.ClimateSource;
import org.eemt.geo.climate.ClimateVariable;
import org.eemt.geo.climate.ClimateWindow;
import org.eemt.geo.climate.DaymetCsv;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.storage.Storage;

/**
 * The climate of a run as the user gave it, shared by the climate stage (which opens it) and the
 * EEMT stage (whose products are one set per year).
 *
 * @param location      {@code --climate}: a directory of gridded monthly files or a single-pixel CSV; {@code null} without climate
 * @param baseElevation {@code --climate-elevation}: z_b on the climate grid, or {@code null}
 * @param yearList      {@code --years} in order, or {@code null} for every year the climate holds
 */
public record ClimateInput(String location, String baseElevation, List<Integer> yearList) implements Serializable {

    /** Whether the run has climate (and so EEMT products). */
    public boolean given() {
        return location != null;
    }

    /** Whether the climate is gridded (a directory), not a single-pixel CSV. */
    public boolean gridded() {
        try {
            if (!Storage.exists(location)) {
                throw EemtException.input(location, "climate not found", "give --climate a directory of Daymet, TerraClimate or WorldClim monthly files, or a single-pixel CSV");
            }
            return Storage.status(location).isDirectory();
        } catch (IOException e) {
            EemtException store = Storage.storeProblem(location, e);
            if (store != null) {
                throw store;
            }
            throw EemtException.input(location, "cannot be read (" + e.getMessage() + ")", "check the path and its permissions", e);
        }
    }

    /** {@code --years}, or every year the climate holds. */
    public List<Integer> years() {
        if (yearList != null) {
            return yearList;
        }
        List<Integer> years = gridded() ? ClimateWindow.yearsIn(location) : DaymetCsv.read(location).completeYears();
        if (years.isEmpty()) {
            throw EemtException.input(location, "holds no complete year of climate", "check the files, or give --years");
        }
        return years;
    }

    /**
     * Opens the climate for the DEM, checking everything the run will need (coverage, variables,
     * months, years) before any product is written. Gridded climate without
     * {@code --climate-elevation} still needs z_b from the DEM (the climate stage).
     */
    public ClimateSource open(RasterGrid dem) {
        List<Integer> years = years();
        if (gridded()) {
            return ClimateWindow.read(location, baseElevation, dem, years);
        }
        if (baseElevation != null) {
            throw EemtException.input("--climate-elevation " + baseElevation, "applies to gridded climate only",
                    "leave it out with a single-pixel CSV: its header elevation is z_b");
        }
        var station = DaymetCsv.read(location);
        for (int year : years) {
            station.months(ClimateVariable.TMAX, year);
        }
        return station;
    }
}
