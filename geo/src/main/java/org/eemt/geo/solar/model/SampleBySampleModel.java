package org.eemt.geo.solar.model;

import org.eemt.geo.raster.CellCoordinates;
import org.eemt.geo.terrain.GridConvergence;
import org.eemt.geo.terrain.North;

/**
 * The clear-sky r.sun model of SCIENCE.md §2 written out sample by sample, as plainly as the equations
 * read (Šúri &amp; Hofierka 2004; Hofierka &amp; Šúri 2002): for every sample time t = (k + ½)·step with
 * the sun above the horizontal (Eq. 2.27), the sun's position ({@link SunPosition}), the exact air mass
 * ({@link OpticalAirMass}) and ESRA beam and diffuse ({@link EsraClearSky}), the incidence on the slope
 * ({@link SlopeIncidence}), Muneer's diffuse in its three cases ({@link MuneerDiffuse}), the reflected
 * term ({@link ReflectedIrradiance}) and the terrain shadow ({@link TerrainHorizon.Test}: the plain
 * {@link ShadowByHorizon} or {@link ShadowByRay}, or none), the aspect and the sun's azimuth meeting in true
 * north unless {@link North#GRID} (Eq. 2.30: the aspect turned by the grid convergence, the sun turned into grid
 * directions for the shadow test). No tables, no
 * grouping of samples, no tabulated sums: slow, and the reference the fast model
 * ({@code org.eemt.geo.solar.fast}) is tested against.
 */
public final class SampleBySampleModel {
    private SampleBySampleModel() {
    }

    /** One day's global irradiation (real surface and flat) and insolation time of the core cells of {@code tile}. */
    public static DailyIrradiation day(SolarTile tile, SolarParameters p, TerrainHorizon.Test shadow, int dayOfYear) {
        SolarDay day = SolarDay.of(dayOfYear);
        EsraClearSky sky = new EsraClearSky(p.linke(day.month()));
        double g0 = day.extraterrestrialIrradiance();
        double[] latitude = CellCoordinates.latitudesRadians(tile.dem(), tile.core());
        int n = latitude.length;
        float[] topo = new float[n];
        float[] flat = new float[n];
        float[] hours = new float[n];
        int samples = (int) Math.ceil(24 / p.stepHours() - 0.5);
        GridConvergence convergence = tile.convergence(p.north());
        double[] gamma = convergence == null ? new double[n] : convergence.radians(tile.core());
        for (int i = 0; i < n; i++) {
            int column = tile.core().x0() + i % tile.core().width();
            int row = tile.core().y0() + i / tile.core().width();
            double z = tile.elevationAt(column, row);
            if (Double.isNaN(z)) {
                topo[i] = flat[i] = hours[i] = Float.NaN;
                continue;
            }
            double beta = tile.slopeRadians()[i];
            double aspect = tile.aspectRadians()[i];
            boolean topoDefined = !Double.isNaN(beta);
            boolean inclined = topoDefined && beta > 0 && !Double.isNaN(aspect);
            // the aspect in true north (Eq. 2.30), as the sun's azimuth
            SlopeIncidence surface = inclined ? SlopeIncidence.of(beta, aspect + gamma[i]) : SlopeIncidence.horizontal();
            double reflected = ReflectedIrradiance.fraction(p.albedo(), surface.cosSlope());
            double sumTopo = 0;
            double sumFlat = 0;
            int sunlitSamples = 0;
            for (int k = 0; k < samples; k++) {
                SunPosition sun = SunPosition.at(latitude[i], day.declinationRadians(), (k + 0.5) * p.stepHours());
                double s = sun.sinAltitude();
                if (!(s > 0)) {
                    continue;
                }
                double kb = sky.beamTransmittance(OpticalAirMass.elevationFactor(z) * OpticalAirMass.atSeaLevel(s));
                double bh = g0 * s * kb;
                double dh = g0 * sky.diffuseFraction(s);
                sumFlat += bh + dh;
                if (!topoDefined) {
                    continue;
                }
                double cosTheta = surface.cosIncidence(sun);
                // the horizons and rays are in grid directions
                boolean sunlit = cosTheta > 0 && !shadow.isShadowed(i, sun.inGrid(gamma[i]));
                if (!inclined) {
                    sumTopo += dh + (sunlit ? bh : 0);
                } else if (sunlit) {
                    sumTopo += g0 * kb * cosTheta + dh * MuneerDiffuse.sunlitFactor(surface, sun, kb) + reflected * (bh + dh);
                } else {
                    sumTopo += dh * MuneerDiffuse.shadedFactor(surface) + reflected * dh;
                }
                sunlitSamples += sunlit ? 1 : 0;
            }
            flat[i] = (float) (p.stepHours() * sumFlat);
            topo[i] = topoDefined ? (float) (p.stepHours() * sumTopo) : Float.NaN;
            hours[i] = topoDefined ? (float) (p.stepHours() * sunlitSamples) : Float.NaN;
        }
        return new DailyIrradiation(dayOfYear, topo, flat, hours);
    }
}
