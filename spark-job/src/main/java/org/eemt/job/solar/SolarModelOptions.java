package org.eemt.job.solar;

import java.io.Serializable;
import org.eemt.geo.EemtException;
import org.eemt.geo.solar.DaySelection;
import org.eemt.geo.solar.model.Shading;
import org.eemt.geo.solar.model.SolarParameters;
import org.eemt.geo.terrain.North;
import picocli.CommandLine.Option;

/**
 * The parameters of the solar model (SCIENCE.md §2), declared once with their defaults: a picocli
 * mixin of the run's {@link SolarOptions} and of {@code eemt bench solar}, so that the bench
 * measures the model a run computes.
 */
public class SolarModelOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    @Option(names = "--step", paramLabel = "HOURS", defaultValue = "0.25",
            description = "Solar-time step of the daily integration (h). Default: ${DEFAULT-VALUE}.")
    public double step;

    @Option(names = "--linke", paramLabel = "TL", defaultValue = "3.0",
            description = "Linke turbidity: one value, or 12 comma-separated monthly values. Default: ${DEFAULT-VALUE}.")
    public String linke;

    @Option(names = "--albedo", paramLabel = "RHO", defaultValue = "0.2",
            description = "Ground albedo of the reflected radiation. Default: ${DEFAULT-VALUE}.")
    public double albedo;

    @Option(names = "--horizon-distance", paramLabel = "METRES", defaultValue = "10000",
            description = "Terrain farther than this never shades a cell; sets the tiles' halo. Default: ${DEFAULT-VALUE} m.")
    public double horizonDistance;

    @Option(names = "--horizon-azimuths", paramLabel = "N", defaultValue = "64",
            description = "Azimuths of the horizon mode. Default: ${DEFAULT-VALUE}.")
    public int horizonAzimuths;

    @Option(names = "--north", paramLabel = "NORTH", defaultValue = "true",
            description = "North of northness and of the solar model, where the sun's azimuth meets the aspect: true (the aspect "
                    + "turned by the grid convergence of projected DEMs) or grid (the DEM's +y axis, as GRASS r.sun). Default: ${DEFAULT-VALUE}.")
    public String north;

    /** The model parameters with shading {@code mode}; bad values are one-line input errors. */
    public SolarParameters parameters(Shading mode) {
        North reference;
        try {
            reference = North.parse(north);
        } catch (IllegalArgumentException e) {
            throw EemtException.input("--north " + north, "unknown north", "use true or grid");
        }
        try {
            return new SolarParameters(step, DaySelection.parseLinke(linke), albedo, mode, horizonDistance, horizonAzimuths, reference);
        } catch (IllegalArgumentException e) {
            throw EemtException.input("solar parameters", e.getMessage(), "see eemt run --help");
        }
    }
}
