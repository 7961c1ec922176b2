package org.eemt.geo.eemt;

/**
 * The terrain, solar and wetness inputs of the EEMT model for a set of DEM cells (a tile),
 * row-major, NaN where unknown. {@code leafAreaIndex} and {@code canopyHeightMetres} are both
 * given (EEMT_TOPO-VEG is computed) or both {@code null}.
 *
 * @param elevationMetres        z (m)
 * @param latitudeDegrees        latitude of the cell centre (°N)
 * @param northness              cos(aspect)·sin(slope)
 * @param wetnessIndex           MCWI a_i (Rasmussen et al. 2015 Eq. 9)
 * @param sTopoWhPerM2           [month][cell] S_topo, Wh m⁻² month⁻¹
 * @param sFlatWhPerM2           [month][cell] S_flat, Wh m⁻² month⁻¹
 * @param leafAreaIndex          LAI, or {@code null}
 * @param canopyHeightMetres     canopy height h (m), or {@code null}
 */
public record EemtCells(float[] elevationMetres, double[] latitudeDegrees, float[] northness, float[] wetnessIndex,
                        float[][] sTopoWhPerM2, float[][] sFlatWhPerM2, float[] leafAreaIndex, float[] canopyHeightMetres) {

    public EemtCells {
        if ((leafAreaIndex == null) != (canopyHeightMetres == null)) {
            throw new IllegalArgumentException("EEMT_TOPO-VEG needs both LAI and canopy height, or neither");
        }
    }

    /** Whether EEMT_TOPO-VEG is computed. */
    public boolean hasVegetation() {
        return leafAreaIndex != null;
    }

    public int size() {
        return elevationMetres.length;
    }
}
