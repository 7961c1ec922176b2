package org.eemt.geo.climate;

/**
 * The monthly climate of a set of DEM cells for one year, before the lapse-rate correction:
 * arrays {@code [month][cell]}, month 0 = January, cells row-major as in the tile; NaN where the
 * climate has no value.
 *
 * @param tmaxCelsius          monthly mean of daily maximum temperature (°C)
 * @param tminCelsius          monthly mean of daily minimum temperature (°C)
 * @param precipitationMm      monthly total precipitation (mm month-1)
 * @param vapourPressurePa     monthly mean vapour pressure (Pa), or {@code null} when the climate has none
 *                             (Penman then takes e_a = e°(T_min), SCIENCE.md §4)
 * @param baseElevationMetres  per cell: z_b, the elevation the climate values refer to (m)
 */
public record CellClimate(float[][] tmaxCelsius, float[][] tminCelsius, float[][] precipitationMm,
                          float[][] vapourPressurePa, float[] baseElevationMetres) {
}
