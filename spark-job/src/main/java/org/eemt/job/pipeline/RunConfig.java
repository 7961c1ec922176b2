package org.eemt.job.pipeline;

import java.io.Serializable;
import java.util.List;
import java.util.SortedMap;
import org.eemt.geo.hydrology.WetnessSettings;
import org.eemt.job.eemt.EemtConfig;
import org.eemt.job.solar.SolarConfig;

/**
 * The configuration of a run, as a plain immutable value (no command-line classes): built by the command line ({@code eemt run}, the
 * notebook entry point) after its values are checked and relative paths made absolute, and owned
 * by the {@link Pipeline}, which builds its stages from it.
 *
 * @param dem                 the DEM: a GeoTIFF, a VRT, a directory or comma list of tiles (absolute paths or URIs)
 * @param band                band of the DEM holding the elevations (from 1)
 * @param out                 output directory
 * @param products            the stage names {@code --products} asks for, or {@code all}
 * @param tileSize            tile edge in cells
 * @param mosaicMaxCells      largest DEM whose products are one GeoTIFF each
 * @param overwrite           recompute products an earlier run finished
 * @param solar               parameters of the solar stage
 * @param wetness             parameters of the wetness-index stage
 * @param eemt                climate and EEMT parameters
 * @param scienceParameters   every parameter that can change results, by name, as given or defaulted (the run key)
 */
public record RunConfig(String dem, int band, String out, List<String> products, int tileSize, long mosaicMaxCells,
                        boolean overwrite, SolarConfig solar, WetnessSettings wetness, EemtConfig eemt,
                        SortedMap<String, String> scienceParameters) implements Serializable {
}
