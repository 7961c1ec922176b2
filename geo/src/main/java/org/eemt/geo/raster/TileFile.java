package org.eemt.geo.raster;

/** One GeoTIFF file of a raster cut into tiles: the file at {@code location} holds the cells {@code window} of the raster's grid. */
public record TileFile(String location, PixelWindow window) {
}
