package org.eemt.geo.solar.model;

/**
 * One day's results for the core cells of a tile (row-major, NaN where the DEM has no data):
 * global irradiation on the real surface with terrain shadows ({@code globalTopo}, Wh m⁻² day⁻¹),
 * global irradiation on a horizontal unshaded surface at the same elevation ({@code globalFlat},
 * Wh m⁻² day⁻¹) and insolation time ({@code insolationHours}, h: the samples when the cell is sunlit
 * and faces the sun).
 */
public record DailyIrradiation(int dayOfYear, float[] globalTopo, float[] globalFlat, float[] insolationHours) {
}
