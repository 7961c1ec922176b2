package org.eemt.geo.climate;

import java.io.Serializable;
import org.eemt.geo.raster.RasterGrid;

/**
 * Monthly climate at DEM cells: a gridded climate window (Daymet, TerraClimate, WorldClim: {@link ClimateWindow}) or a single-pixel
 * base station ({@link StationRecord}). Small and serialisable: the driver builds it once and
 * broadcasts it; each task samples it at the centres of its own cells.
 */
public interface ClimateSource extends Serializable {

    /** The climate of {@code year} at the centres of the cells of {@code cells} (a DEM tile's grid). */
    CellClimate sample(RasterGrid cells, int year);

    /** One line for the log and the manifest: what the climate is and where z_b comes from. */
    String describe();
}
