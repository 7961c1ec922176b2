package org.eemt.geo.eemt;

/**
 * EEMT of a set of cells for one year, MJ m⁻²: {@code [month][cell]} monthly values (MJ m⁻² month⁻¹)
 * and their annual sums (MJ m⁻² yr⁻¹), NaN where an input is missing. The TOPO-VEG arrays are
 * {@code null} when LAI and canopy height were not given.
 */
public record EemtMaps(float[][] tradMonthly, float[] tradAnnual, float[][] topoMonthly, float[] topoAnnual,
                       float[][] topoVegMonthly, float[] topoVegAnnual) {
}
