package org.eemt.job.solar;

import java.io.Serializable;
import org.eemt.geo.grass.GrassCommand;
import org.eemt.geo.solar.SolarEngine;
import org.eemt.geo.solar.model.SolarParameters;

/**
 * The parameters of the solar stage as a checked value, built by the command line from
 * {@link SolarOptions}.
 *
 * @param days       days of the year (1..365), in order
 * @param keepDaily  also write the daily products
 * @param parameters the solar model's parameters
 * @param grass      how the grass engine starts GRASS r.sun, or {@code null} for the engine in Java
 */
public record SolarConfig(int[] days, boolean keepDaily, SolarParameters parameters, GrassCommand grass) implements Serializable {

    /** The days of the year (a copy). */
    public int[] dayList() {
        return days.clone();
    }

    /** Whether the grass engine was chosen. */
    public boolean grassEngine() {
        return grass != null;
    }

    /** How the grass engine starts GRASS ({@code null} with the engine in Java). */
    public GrassCommand grassCommand() {
        return grass;
    }

    /** The chosen engine: the model in Java, or GRASS r.sun started as {@link #grass} says. */
    public SolarEngine engine() {
        return grass != null ? SolarEngine.rsun(grass) : SolarEngine.inJava();
    }
}
