package org.eemt.geo.raster;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.sis.referencing.CRS;
import org.eemt.geo.EemtException;
import org.eemt.geo.storage.Storage;
import org.opengis.util.FactoryException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads and writes GDAL VRT files that are simple mosaics, as {@code gdalbuildvrt} writes them
 * (format: GDAL's "VRT – GDAL Virtual Format" documentation, https://gdal.org/drivers/raster/vrt.html):
 * one {@code VRTRasterBand} of {@code SimpleSource} and {@code ComplexSource} elements, each placing
 * a whole-cell {@code SrcRect} of a GeoTIFF band on a {@code DstRect} of the same size.
 *
 * <p>Anything more is refused with one line naming the fix: warped or derived datasets, several
 * bands, resampling (SrcRect and DstRect of different sizes), fractional offsets, value scaling,
 * lookup tables, mask bands, kernel-filtered or averaged sources. Overviews and metadata are ignored
 * (they do not change the full-resolution cells).
 */
final class GdalVrt {
    private static final String REBUILD = "rebuild it as a plain mosaic with gdalbuildvrt (tiles of one CRS and resolution),"
            + " or turn it into one GeoTIFF with gdal_translate in.vrt dem.tif";
    private static final Set<String> IGNORED_DATASET = Set.of("Metadata", "OverviewList");
    private static final Set<String> IGNORED_BAND = Set.of("ColorInterp", "Description", "Metadata", "HideNoDataValue",
            "Overview", "Histograms");
    /** Vertical units that are certainly not metres (other unit names, e.g. of products, are left alone). */
    private static final Set<String> FEET = Set.of("ft", "foot", "feet", "us-ft", "ftus", "us survey foot");
    private static final String[] RECT = {"xOff", "yOff", "xSize", "ySize"};
    private static final Set<String> INTEGER_TYPES = Set.of("Byte", "Int8", "UInt16", "Int16", "UInt32", "Int32", "UInt64", "Int64");

    private GdalVrt() {
    }

    /** Parses a VRT read from {@code location}; its sources are not opened. */
    static Mosaic parse(String location, String text) {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(text))).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw EemtException.input(location, "is not a readable GDAL VRT (" + e.getMessage() + ")", REBUILD, e);
        }
        if (!root.getTagName().equals("VRTDataset")) {
            throw EemtException.input(location, "is not a GDAL VRT raster (root element <" + root.getTagName() + ">)", REBUILD);
        }
        if (root.hasAttribute("subClass")) {
            throw EemtException.input(location, "is a " + root.getAttribute("subClass") + ", not a simple mosaic", REBUILD);
        }
        int columns = integer(location, root, "rasterXSize");
        int rows = integer(location, root, "rasterYSize");
        String srs = null;
        double[] transform = null;
        Element band = null;
        for (Element e : children(root)) {
            switch (e.getTagName()) {
                case "SRS" -> srs = e.getTextContent().trim();
                case "GeoTransform" -> transform = geoTransform(location, e.getTextContent());
                case "VRTRasterBand" -> {
                    if (band != null) {
                        throw EemtException.input(location, "has more than one band", "build a one-band mosaic with gdalbuildvrt -b 1");
                    }
                    band = e;
                }
                default -> {
                    if (!IGNORED_DATASET.contains(e.getTagName())) {
                        throw beyondSimpleMosaic(location, e);
                    }
                }
            }
        }
        if (band == null) {
            throw EemtException.input(location, "has no raster band", REBUILD);
        }
        if (transform == null) {
            throw EemtException.input(location, "has no GeoTransform (no georeferencing)", "rebuild it with gdalbuildvrt from georeferenced GeoTIFF tiles");
        }
        if (srs == null || srs.isEmpty()) {
            throw EemtException.input(location, "has no SRS (no CRS)", "rebuild it with gdalbuildvrt from GeoTIFF tiles that have a CRS (gdalbuildvrt -a_srs EPSG:<code> sets one)");
        }
        String crsWkt = srs;
        double[] geo = transform;
        Supplier<RasterGrid> grid = () -> {
            try {
                return RasterGrid.of(columns, rows, geo[0], geo[3], geo[1], -geo[5], CRS.fromWKT(crsWkt));
            } catch (FactoryException | RuntimeException e) {
                throw EemtException.input(location, "has an SRS that cannot be understood (" + e.getMessage() + ")",
                        "give the tiles themselves (a directory or comma list) or rebuild the VRT with gdalbuildvrt -a_srs EPSG:<code>", e);
            }
        };
        if (band.hasAttribute("subClass")) {
            throw EemtException.input(location, "has a " + band.getAttribute("subClass") + " band, not a simple mosaic", REBUILD);
        }
        String dataType = band.getAttribute("dataType");
        if (dataType.startsWith("C")) {
            throw EemtException.input(location, "has complex values (" + dataType + ")", REBUILD);
        }
        double noData = Double.NaN;
        List<MosaicSource> sources = new ArrayList<>();
        for (Element e : children(band)) {
            switch (e.getTagName()) {
                case "NoDataValue" -> noData = number(location, e);
                case "UnitType" -> {
                    if (FEET.contains(e.getTextContent().trim().toLowerCase(Locale.ROOT))) {
                        throw EemtException.input(location, "has elevations in " + e.getTextContent().trim() + ", not metres",
                                "convert them to metres, e.g. gdal_calc.py --calc \"A*0.3048\" for feet, then gdalbuildvrt");
                    }
                }
                case "Offset", "Scale" -> {
                    if (number(location, e) != (e.getTagName().equals("Offset") ? 0 : 1)) {
                        throw scaled(location, "its band has " + e.getTagName() + " " + e.getTextContent().trim());
                    }
                }
                case "SimpleSource", "ComplexSource" -> {
                    MosaicSource s = source(location, e, columns, rows, dataType);
                    if (s != null) {
                        sources.add(s);
                    }
                }
                default -> {
                    if (!IGNORED_BAND.contains(e.getTagName())) {
                        throw beyondSimpleMosaic(location, e);
                    }
                }
            }
        }
        return new Mosaic(location, grid, sources, noData, dataType.equals("Float32"), false);
    }

    /** A source clipped to the mosaic's {@code columns x rows} cells; {@code null} when it covers none of them. */
    private static MosaicSource source(String location, Element source, int columns, int rows, String bandType) {
        String file = null;
        int band = 1;
        double[] srcRect = null;
        double[] dstRect = null;
        boolean transparent = false;
        double noData = Double.NaN;
        for (Element e : children(source)) {
            String text = e.getTextContent().trim();
            switch (e.getTagName()) {
                case "SourceFilename" -> file = sourceLocation(location, text, "1".equals(e.getAttribute("relativeToVRT")));
                case "SourceBand" -> {
                    try {
                        band = Integer.parseInt(text);
                    } catch (NumberFormatException x) {
                        throw EemtException.input(location, "reads band " + text + " of a source", REBUILD);
                    }
                }
                case "SourceProperties" -> {
                    String type = e.getAttribute("DataType");
                    if (INTEGER_TYPES.contains(bandType) && type.startsWith("Float")) {
                        throw EemtException.input(location, "turns " + type + " sources into " + bandType + " (rounding elevations)",
                                "rebuild it with gdalbuildvrt without -ot (it keeps the tiles' data type)");
                    }
                }
                case "SrcRect" -> srcRect = rectangle(location, e);
                case "DstRect" -> dstRect = rectangle(location, e);
                case "NODATA" -> {
                    transparent = true;
                    noData = number(location, e);
                }
                case "ScaleOffset", "ScaleRatio" -> {
                    if (number(location, e) != (e.getTagName().equals("ScaleOffset") ? 0 : 1)) {
                        throw scaled(location, "a source has " + e.getTagName() + " " + text);
                    }
                }
                case "UseMaskBand" -> {
                    if (!text.equalsIgnoreCase("false") && !text.equals("0")) {
                        throw EemtException.input(location, "masks a source with its mask band",
                                "give the tiles a NoData value instead (gdal_translate -a_nodata) and rebuild with gdalbuildvrt -ignore_srcmaskband");
                    }
                }
                default -> throw beyondSimpleMosaic(location, e);
            }
        }
        if (file == null || srcRect == null || dstRect == null) {
            throw EemtException.input(location, "has a source without SourceFilename, SrcRect or DstRect", REBUILD);
        }
        if (Math.abs(srcRect[2] - dstRect[2]) > 1e-6 * dstRect[2] || Math.abs(srcRect[3] - dstRect[3]) > 1e-6 * dstRect[3]) {
            throw EemtException.input(location, "resamples source " + file + " (SrcRect " + srcRect[2] + " x " + srcRect[3] + " cells onto DstRect "
                    + dstRect[2] + " x " + dstRect[3] + ")", "resample the tiles to one resolution first (gdalwarp -tr <x> <y> -tap), then gdalbuildvrt them");
        }
        // same size up to rounding: a fraction left is a misalignment, reported as such
        int[] src = wholeCells(location, "SrcRect", srcRect);
        int[] dst = wholeCells(location, "DstRect", dstRect);
        int ax = Math.max(0, dst[0]);
        int ay = Math.max(0, dst[1]);
        int bx = Math.min(columns, dst[0] + dst[2]);
        int by = Math.min(rows, dst[1] + dst[3]);
        if (ax >= bx || ay >= by) {
            return null;
        }
        return new MosaicSource(file, band, new PixelWindow(src[0] + ax - dst[0], src[1] + ay - dst[1], bx - ax, by - ay),
                new PixelWindow(ax, ay, bx - ax, by - ay), transparent, noData);
    }

    /** The location of a source: relative names count from the VRT's directory (relativeToVRT="1"). */
    private static String sourceLocation(String vrt, String name, boolean relativeToVrt) {
        if (name.startsWith("/vsi")) {
            throw EemtException.input(vrt, "reads " + name + " through a GDAL virtual file system",
                    "give the tiles as plain paths, hdfs:// or s3a:// (copy or unpack them first), then gdalbuildvrt them");
        }
        if (!relativeToVrt) {
            return name.contains(":") ? name : java.nio.file.Path.of(name).toAbsolutePath().toString();
        }
        int slash = vrt.lastIndexOf('/');
        return slash < 0 ? name : Storage.child(vrt.substring(0, slash + 1), name);
    }

    /** xOff, yOff, xSize, ySize of a SrcRect or DstRect. */
    private static double[] rectangle(String location, Element e) {
        double[] r = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                r[i] = Double.parseDouble(e.getAttribute(RECT[i]));
            } catch (NumberFormatException x) {
                throw EemtException.input(location, "has a " + e.getTagName() + " without a number " + RECT[i], REBUILD);
            }
        }
        return r;
    }

    /** A SrcRect or DstRect as whole cells; a fraction means tiles not aligned to the mosaic's cells. */
    private static int[] wholeCells(String location, String name, double[] rect) {
        int[] r = new int[4];
        for (int i = 0; i < 4; i++) {
            if (rect[i] != Math.rint(rect[i]) || Math.abs(rect[i]) > Integer.MAX_VALUE) {
                throw EemtException.input(location, "places a source at a fraction of a cell (" + name + " " + RECT[i] + "=" + rect[i]
                        + "): its tiles are not aligned", "align the tiles with gdalwarp -tr <x> <y> -tap, then gdalbuildvrt them");
            }
            r[i] = (int) rect[i];
        }
        return r;
    }

    private static double[] geoTransform(String location, String text) {
        String[] parts = text.trim().split("\\s*,\\s*");
        double[] t = new double[6];
        try {
            for (int i = 0; i < 6; i++) {
                t[i] = Double.parseDouble(parts[i].trim());
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw EemtException.input(location, "has an unreadable GeoTransform (" + text.trim() + ")", REBUILD);
        }
        if (parts.length != 6 || t[2] != 0 || t[4] != 0 || !(t[1] > 0) || !(t[5] < 0)) {
            throw EemtException.input(location, "is not a north-up grid (GeoTransform " + text.trim() + ")",
                    "warp it to a north-up GeoTIFF with gdalwarp in.vrt dem.tif");
        }
        return t;
    }

    private static double number(String location, Element e) {
        String text = e.getTextContent().trim();
        try {
            return text.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(text.replace("inf", "Infinity"));
        } catch (NumberFormatException x) {
            throw EemtException.input(location, "has an unreadable <" + e.getTagName() + "> " + text, REBUILD);
        }
    }

    private static int integer(String location, Element e, String attribute) {
        try {
            return Integer.parseInt(e.getAttribute(attribute).trim());
        } catch (NumberFormatException x) {
            throw EemtException.input(location, "has no whole number " + attribute, REBUILD);
        }
    }

    private static EemtException beyondSimpleMosaic(String location, Element e) {
        return EemtException.input(location, "uses <" + e.getTagName() + ">, more than a simple mosaic of GeoTIFF tiles", REBUILD);
    }

    private static EemtException scaled(String location, String what) {
        return EemtException.input(location, "scales elevations (" + what + ")",
                "write the scaled values to a GeoTIFF first: gdal_translate -unscale -ot Float32 in.vrt dem.tif");
    }

    private static List<Element> children(Element parent) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                list.add(e);
            }
        }
        return list;
    }

    /** A VRT of a mosaic: its grid and CRS, and its sources with absolute locations. */
    static String write(Mosaic mosaic) {
        RasterGrid g = mosaic.grid();
        StringBuilder x = new StringBuilder();
        x.append("<VRTDataset rasterXSize=\"").append(g.columns()).append("\" rasterYSize=\"").append(g.rows()).append("\">\n");
        x.append("  <SRS dataAxisToSRSAxisMapping=\"1,2\">").append(escape(g.crs().toWKT())).append("</SRS>\n");
        x.append("  <GeoTransform>").append(g.originX()).append(", ").append(g.cellWidth()).append(", 0, ")
                .append(g.originY()).append(", 0, ").append(-g.cellHeight()).append("</GeoTransform>\n");
        x.append("  <VRTRasterBand dataType=\"").append(mosaic.float32() ? "Float32" : "Float64").append("\" band=\"1\">\n");
        x.append("    <NoDataValue>").append(text(mosaic.noData())).append("</NoDataValue>\n");
        for (MosaicSource s : mosaic.sources()) {
            x.append("    <ComplexSource>\n")
             .append("      <SourceFilename relativeToVRT=\"0\">").append(escape(s.location())).append("</SourceFilename>\n")
             .append("      <SourceBand>").append(s.band()).append("</SourceBand>\n")
             .append(rect("SrcRect", s.source())).append(rect("DstRect", s.target()));
            if (s.noDataTransparent()) {
                x.append("      <NODATA>").append(text(s.noData())).append("</NODATA>\n");
            }
            x.append("    </ComplexSource>\n");
        }
        x.append("  </VRTRasterBand>\n</VRTDataset>\n");
        return x.toString();
    }

    private static String rect(String name, PixelWindow w) {
        return String.format(Locale.ROOT, "      <%s xOff=\"%d\" yOff=\"%d\" xSize=\"%d\" ySize=\"%d\"/>%n", name, w.x0(), w.y0(), w.width(), w.height());
    }

    private static String text(double v) {
        return Double.isNaN(v) ? "nan" : Double.toString(v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
