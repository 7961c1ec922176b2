package org.eemt.geo.solar.fast;

import java.io.IOException;
import java.nio.file.Path;
import org.eemt.geo.raster.CellCoordinates;
import org.eemt.geo.solar.model.SolarDay;
import org.eemt.geo.solar.model.SolarTile;

/**
 * GRASS r.sun outputs for one DEM with the parameters of the acceptance tests (step 0.25 h, Linke 3,
 * albedo 0.2), each produced once by {@link GrassOracle} and cached. Slope and aspect come from GRASS
 * r.slope.aspect on the same DEM, so the Java model and r.sun see identical terrain.
 */
final class RsunReference {
    static final String COMMON = options(0.25);
    private static final String SLOPE_ASPECT = "r.slope.aspect elevation=dem slope=slope aspect=aspect --quiet\n";

    private final RsunCase dem;

    RsunReference(RsunCase dem) {
        this.dem = dem;
    }

    /** The DEM as one tile with GRASS's slope and aspect. */
    SolarTile tile() throws IOException, InterruptedException {
        Path out = GrassOracle.run(dem.dem, SLOPE_ASPECT + GrassOracle.export("slope") + GrassOracle.export("aspect"));
        return dem.tile(GrassOracle.read(out.resolve("slope.tif")), GrassOracle.read(out.resolve("aspect.tif")));
    }

    /**
     * For each day: {@code r.sun -p} with the real slope and aspect ({@code g<day>}, {@code i<day>}: global
     * irradiation and insolation time) and with zero slope and aspect ({@code f<day>}, the flat reference).
     */
    Path withoutShading(int... days) throws IOException, InterruptedException {
        return withoutShading(COMMON, days);
    }

    /** As {@link #withoutShading(int...)} with another r.sun step (h). */
    Path withoutShading(double stepHours, int... days) throws IOException, InterruptedException {
        return withoutShading(options(stepHours), days);
    }

    /** r.sun's options of the acceptance tests (Linke 3, albedo 0.2) with this step (h). */
    private static String options(double stepHours) {
        return "linke_value=3 albedo_value=0.2 step=" + stepHours + " --quiet";
    }

    private Path withoutShading(String options, int... days) throws IOException, InterruptedException {
        StringBuilder s = new StringBuilder(SLOPE_ASPECT);
        for (int d : days) {
            s.append("r.sun -p elevation=dem slope=slope aspect=aspect day=").append(d).append(" glob_rad=g").append(d)
                    .append(" insol_time=i").append(d).append(' ').append(options).append('\n');
            s.append("r.sun -p elevation=dem slope_value=0 aspect_value=0 day=").append(d).append(" glob_rad=f").append(d)
                    .append(' ').append(options).append('\n');
            s.append(GrassOracle.export("g" + d)).append(GrassOracle.export("i" + d)).append(GrassOracle.export("f" + d));
        }
        return GrassOracle.run(dem.dem, s.toString());
    }

    /**
     * r.sun's instantaneous mode ({@code time=t}) at every sample time t = (k + ½)·0.25 h of a day with
     * the sun possibly up, summed: {@code gsum} = Σ global irradiance (W m⁻²; times 0.25 h gives
     * Wh m⁻²), {@code bcount} = number of samples with beam irradiance &gt; 0.
     */
    Path instantaneousSums(int day) throws IOException, InterruptedException {
        StringBuilder s = new StringBuilder(SLOPE_ASPECT);
        StringBuilder global = new StringBuilder();
        StringBuilder beam = new StringBuilder();
        double sunUp = maxDayLengthHours(day) / 2 + 0.5;
        for (int k = 0; k < 96; k++) {
            double t = (k + 0.5) * 0.25;
            if (Math.abs(t - 12) > sunUp) {
                continue;
            }
            s.append("r.sun elevation=dem slope=slope aspect=aspect day=").append(day).append(" time=").append(t)
                    .append(" glob_rad=g").append(k).append(" beam_rad=b").append(k).append(' ').append(COMMON).append('\n');
            global.append(global.length() == 0 ? "" : ",").append('g').append(k);
            beam.append(beam.length() == 0 ? "" : ",").append('b').append(k);
        }
        s.append("r.series --quiet input=").append(global).append(" method=sum output=gsum\n");
        s.append("r.series --quiet input=").append(beam).append(" method=count range=1e-9,1e30 output=bcount\n");
        s.append(GrassOracle.export("gsum")).append(GrassOracle.export("bcount"));
        return GrassOracle.run(dem.dem, s.toString());
    }

    /** r.sun's daily mode with shadowing ({@code d<day>}: global irradiation), what the EEMT workflow ran. */
    Path dailyMode(int... days) throws IOException, InterruptedException {
        StringBuilder s = new StringBuilder(SLOPE_ASPECT);
        for (int d : days) {
            s.append("r.sun elevation=dem slope=slope aspect=aspect day=").append(d).append(" glob_rad=d").append(d)
                    .append(' ').append(COMMON).append('\n');
            s.append(GrassOracle.export("d" + d));
        }
        return GrassOracle.run(dem.dem, s.toString());
    }

    /** The longest astronomical day (h) over the DEM's latitudes, from the centre latitude ± 1°. */
    private double maxDayLengthHours(int day) {
        double declination = SolarDay.of(day).declinationRadians();
        double centre = CellCoordinates.latitudesRadians(dem.grid, new org.eemt.geo.raster.PixelWindow(dem.grid.columns() / 2, dem.grid.rows() / 2, 1, 1))[0];
        double longest = 0;
        for (double phi : new double[] {centre - Math.toRadians(1), centre + Math.toRadians(1)}) {
            double x = Math.max(-1, Math.min(1, -Math.tan(phi) * Math.tan(declination)));
            longest = Math.max(longest, 24 / Math.PI * Math.acos(x));
        }
        return longest;
    }

    /** Multiplies every value by {@code factor} (in place) and returns the array. */
    static float[] scaled(float[] values, float factor) {
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
        return values;
    }
}
