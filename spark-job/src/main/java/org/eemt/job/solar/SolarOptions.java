package org.eemt.job.solar;

import java.io.Serializable;
import java.util.List;
import org.eemt.geo.EemtException;
import org.eemt.geo.grass.ContainerRuntime;
import org.eemt.geo.grass.GrassCommand;
import org.eemt.geo.solar.DaySelection;
import org.eemt.geo.solar.model.Shading;
import org.eemt.geo.solar.model.SolarParameters;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The parameters of the solar stage (SCIENCE.md §2); one name everywhere, as every run parameter. */
public class SolarOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    /** --step, --linke, --albedo, --horizon-distance, --horizon-azimuths, --north. */
    @Mixin
    public SolarModelOptions model = new SolarModelOptions();

    @Option(names = "--days", paramLabel = "DAYS", defaultValue = "1-365",
            description = "Days of the year: ranges and lists, e.g. 1-365 or 80,172,355. Default: ${DEFAULT-VALUE}.")
    public String days;

    @Option(names = "--shading", paramLabel = "MODE", defaultValue = "horizon",
            description = "Terrain shadows: horizon (precomputed horizons, fast), ray (r.sun's ray at every time step), none "
                    + "(the grass engine shades with r.sun's own ray unless none). Default: ${DEFAULT-VALUE}.")
    public String shading;

    @Option(names = "--keep-daily", defaultValue = "false",
            description = "Also write the daily products (global/daily, insol/daily).")
    public boolean keepDaily;

    @Option(names = "--solar-engine", paramLabel = "ENGINE", defaultValue = "java",
            description = "java (the model in Java) or grass (GRASS GIS r.sun per task, on the host or in --container-runtime). Default: ${DEFAULT-VALUE}.")
    public String engine;

    @Option(names = "--container-runtime", paramLabel = "RUNTIME", defaultValue = "none",
            description = "Where the grass engine runs GRASS: none (grass on the PATH), docker, podman, apptainer, singularity. Default: ${DEFAULT-VALUE}.")
    public String containerRuntime;

    @Option(names = "--container-image", paramLabel = "IMAGE",
            description = "Image with GRASS GIS 8 for --container-runtime (docker/podman: image name; apptainer/singularity: image file or URI).")
    public String containerImage;

    @Option(names = "--container-args", paramLabel = "ARGS", defaultValue = "",
            description = "Extra arguments of the runtime's run (exec) command, separated by spaces, e.g. \"--security-opt label=disable\".")
    public String containerArgs;

    /** Whether {@code --solar-engine grass} was chosen ({@code java} otherwise; anything else is an input error). */
    public boolean grassEngine() {
        return switch (engine.strip()) {
            case "java" -> false;
            case "grass" -> true;
            default -> throw EemtException.input("--solar-engine " + engine, "unknown solar engine", "use java or grass");
        };
    }

    /** These options as a checked value. */
    public SolarConfig config() {
        return new SolarConfig(dayList(), keepDaily, parameters(), grassEngine() ? grassCommand() : null);
    }

    /** How the grass engine starts GRASS, from the container options. */
    public GrassCommand grassCommand() {
        ContainerRuntime runtime;
        try {
            runtime = ContainerRuntime.parse(containerRuntime);
        } catch (IllegalArgumentException e) {
            throw EemtException.input("--container-runtime " + containerRuntime, "unknown container runtime",
                    "use none, docker, podman, apptainer or singularity");
        }
        String args = containerArgs == null ? "" : containerArgs.strip();
        return new GrassCommand(runtime, containerImage, args.isEmpty() ? List.of() : List.of(args.split("\\s+")));
    }

    /** The model parameters; bad values are one-line input errors. */
    public SolarParameters parameters() {
        Shading mode;
        try {
            mode = Shading.parse(shading);
        } catch (IllegalArgumentException e) {
            throw EemtException.input("--shading " + shading, "unknown shading mode", "use horizon, ray or none");
        }
        return model.parameters(mode);
    }

    public int[] dayList() {
        return DaySelection.parse(days);
    }
}
