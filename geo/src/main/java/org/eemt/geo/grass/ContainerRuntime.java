package org.eemt.geo.grass;

import java.util.Locale;

/**
 * Where GRASS GIS runs: on the host ({@code none}, {@code grass} on the PATH) or inside a container
 * image with one of the common runtimes, the scratch directory bind-mounted at the same path.
 */
public enum ContainerRuntime {
    NONE, DOCKER, PODMAN, APPTAINER, SINGULARITY;

    /** The name used on the command line and as the runtime's executable ({@code none} for the host). */
    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@code --container-runtime} value; unknown names throw {@link IllegalArgumentException}. */
    public static ContainerRuntime parse(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }

    /** Runtimes that run images with {@code run --rm -v} (docker's command line). */
    boolean dockerLike() {
        return this == DOCKER || this == PODMAN;
    }
}
