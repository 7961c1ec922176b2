package org.eemt.geo.solar.fast;

import org.eemt.geo.solar.model.SolarTile;
import org.eemt.geo.solar.model.SolarParameters;
import org.eemt.geo.solar.model.DailyIrradiation;
import org.eemt.geo.solar.model.SolarDay;
import org.eemt.geo.solar.model.OpticalAirMass;
import org.eemt.geo.solar.model.EsraClearSky;
import org.eemt.geo.raster.CellCoordinates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eemt.geo.raster.GeoTiffReader;
import org.eemt.geo.raster.PixelWindow;
import org.eemt.geo.raster.RasterGrid;
import org.eemt.geo.terrain.MetricCellSize;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link SolarTileModel} against SCIENCE.md §2 written out sample by sample, as plainly as the equations read: every
 * sample time t = (k + ½)·step with the sun above the horizontal, the exact air mass and τ (no tables), Muneer's
 * diffuse in its three cases, no grouping of samples, no tabulated sums. The terrain shadow is the model's own
 * ({@link TerrainShadow#isShadowed}), so this checks the radiation arithmetic and its restructurings (groups of
 * samples, {@link FullSunSums}, branch-free sunlit counts), not the shadows.
 */
class EquationsSampleBySampleTest {
    /** Worst relative difference allowed (a few float ulps): the model's air-mass and τ tables and {@link FullSunSums}' interpolation stay below it. */
    private static final double BOUND = 5e-7;

    @ParameterizedTest
    @CsvSource({
            "sample, 80, 60, 60, 0.25",     // projected (UTM 13N): every cell its own latitude
            "sample, 355, 90, 20, 0.25",
            "sample, 172, 10, 140, 0.35",   // a grid not symmetric about noon: groups of one sample
            "zion, 20, 200, 150, 0.25",     // geographic: rows share the latitude and the sun's directions
            "zion, 172, 300, 250, 0.25",
            "peru, 200, 20, 20, 0.25"})     // southern hemisphere
    void dailySumsFollowTheEquations(String dem, int dayOfYear, int x0, int y0, double step) {
        Path file = switch (dem) {
            case "sample" -> RsunCase.MCN;
            case "zion" -> RsunCase.ZION;
            default -> RsunCase.PERU;
        };
        RasterGrid grid;
        float[] z;
        try (GeoTiffReader r = GeoTiffReader.open(file.toString())) {
            grid = r.grid();
            z = r.read(grid.extent());
        }
        SolarParameters p = SolarParameters.defaults().withStep(step).withHorizon(3_000, 64);
        PixelWindow core = new PixelWindow(x0, y0, Math.min(60, grid.columns() - x0), Math.min(50, grid.rows() - y0));
        SolarTile tile = TestTerrain.tile(grid, z, TestTerrain.horn(grid, z), TestTerrain.max(z), core, p);
        TerrainShadow shadow = HorizonShadow.compute(tile, new MetricCellSize(grid), p.horizonDistanceMetres(),
                p.horizonAzimuths(), SunAzimuths.of(grid));
        DailyIrradiation model = SolarTileModel.withShadow(tile, p, shadow).day(dayOfYear);
        DailyIrradiation equations = sampleBySample(tile, p, shadow, dayOfYear);

        double worstTopo = 0;
        double worstFlat = 0;
        int cells = 0;
        for (int i = 0; i < model.globalTopo().length; i++) {
            assertEquals(Float.isNaN(equations.globalFlat()[i]), Float.isNaN(model.globalFlat()[i]), "NoData at cell " + i);
            if (Float.isNaN(equations.globalTopo()[i])) {
                assertTrue(Float.isNaN(model.globalTopo()[i]), "topo NoData at cell " + i);
                continue;
            }
            cells++;
            worstTopo = Math.max(worstTopo, relative(model.globalTopo()[i], equations.globalTopo()[i]));
            worstFlat = Math.max(worstFlat, relative(model.globalFlat()[i], equations.globalFlat()[i]));
            assertEquals(equations.insolationHours()[i], model.insolationHours()[i], "insolation hours at cell " + i);
        }
        System.out.printf(Locale.ROOT, "%s day %d step %s: %d cells, worst relative difference topo %.2e, flat %.2e%n",
                dem, dayOfYear, step, cells, worstTopo, worstFlat);
        assertTrue(cells > 2000, "cells compared: " + cells);
        assertTrue(worstTopo <= BOUND, "topo: " + worstTopo);
        assertTrue(worstFlat <= BOUND, "flat: " + worstFlat);
    }

    private static double relative(float value, float reference) {
        return Math.abs(value - reference) / Math.max(Math.abs(reference), 1);
    }

    /** SCIENCE.md §2 "Daily integration", one sample at a time. */
    static DailyIrradiation sampleBySample(SolarTile tile, SolarParameters p, TerrainShadow shadow, int dayOfYear) {
        SolarDay day = SolarDay.of(dayOfYear);
        EsraClearSky sky = new EsraClearSky(p.linke(day.month()));
        double g0 = day.extraterrestrialIrradiance();
        double delta = day.declinationRadians();
        double[] latitude = CellCoordinates.latitudesRadians(tile.dem(), tile.core());
        int n = latitude.length;
        float[] topo = new float[n];
        float[] flat = new float[n];
        float[] hours = new float[n];
        int samples = (int) Math.ceil(24 / p.stepHours() - 0.5);
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
            double sinBeta = inclined ? Math.sin(beta) : 0;
            double cosBeta = inclined ? Math.cos(beta) : 1;
            double rSky = (1 + cosBeta) / 2;
            double fg = inclined ? sinBeta - beta * cosBeta - Math.PI * Math.pow(Math.sin(beta / 2), 2) : 0;
            double reflected = p.albedo() * (1 - cosBeta) / 2;
            double phi = latitude[i];
            double sumTopo = 0;
            double sumFlat = 0;
            int sunlitSamples = 0;
            for (int k = 0; k < samples; k++) {
                double t = (k + 0.5) * p.stepHours();
                double hourAngle = (t - 12) * Math.PI / 12;
                double s = Math.sin(phi) * Math.sin(delta) + Math.cos(phi) * Math.cos(delta) * Math.cos(hourAngle);
                if (!(s > 0)) {
                    continue;
                }
                double north = Math.cos(phi) * Math.sin(delta) - Math.sin(phi) * Math.cos(delta) * Math.cos(hourAngle);
                double east = -Math.cos(delta) * Math.sin(hourAngle);
                double airMass = OpticalAirMass.elevationFactor(z) * OpticalAirMass.atSeaLevelExact(s);
                double kb = sky.beamTransmittanceExact(airMass);
                double bh = g0 * s * kb;
                double dh = g0 * sky.diffuseFraction(s);
                sumFlat += bh + dh;
                if (!topoDefined) {
                    continue;
                }
                double facing = inclined ? sinBeta * (Math.cos(aspect) * north + Math.sin(aspect) * east) : 0;
                double cosTheta = facing + cosBeta * s;
                boolean sunlit = cosTheta > 0 && !shadow.isShadowed(i, SunDirection.of(east, north, s));
                if (!inclined) {
                    sumTopo += dh + (sunlit ? bh : 0);
                } else if (sunlit) {
                    double h0 = Math.asin(s);
                    double nMuneer = 0.00263 - 0.712 * kb - 0.6883 * kb * kb;
                    double isotropic = (rSky + nMuneer * fg) * (1 - kb);
                    double f = h0 >= 0.1 ? isotropic + kb * cosTheta / s
                            : isotropic + kb * facing / Math.sqrt(north * north + east * east) / (0.1 - 0.008 * h0);
                    sumTopo += g0 * kb * cosTheta + dh * f + reflected * (bh + dh);
                } else {
                    sumTopo += dh * (rSky + 0.252271 * fg) + reflected * dh;
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
