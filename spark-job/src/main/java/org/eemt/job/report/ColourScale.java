package org.eemt.job.report;

import java.awt.Color;
import java.util.Arrays;

/**
 * Values to colours for a map: a colour ramp stretched over [low, high] (values outside take the
 * end colours; NaN is transparent). The ramp follows what the product is: elevation in terrain
 * colours, northness diverging around 0 (south red, north blue), the wetness index MCWI diverging
 * around 1 (water-losing brown, water-gaining teal), aspect on a colour wheel, anything else
 * viridis.
 */
public record ColourScale(String ramp, double low, double high) {
    private static final int[] VIRIDIS = {0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725};
    private static final int[] TERRAIN = {0x1A6B3A, 0x5AAE61, 0xD9EF8B, 0xFEE08B, 0xB2773B, 0x7F5A3C, 0xF0F0F0};
    private static final int[] NORTHNESS = {0xB2182B, 0xEF8A62, 0xF7F7F7, 0x67A9CF, 0x2166AC};
    private static final int[] WETNESS = {0x8C510A, 0xD8B365, 0xF5F5F5, 0x5AB4AC, 0x01665E};

    /** The scale for a product (by the last segment of its path) given the values it shows. */
    public static ColourScale forProduct(String path, double[] values) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        double[] valid = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double p2 = quantile(valid, 0.02);
        double p98 = quantile(valid, 0.98);
        return switch (name) {
            case "aspect" -> new ColourScale("cyclic", 0, 360);
            case "northness" -> {
                double m = Math.max(Math.abs(p2), Math.abs(p98));
                yield new ColourScale("northness", -m, m);
            }
            case "mcwi" -> {
                double m = Math.max(Math.abs(p2 - 1), Math.abs(p98 - 1));
                yield new ColourScale("wetness", 1 - m, 1 + m);
            }
            case "dem", "filled" -> new ColourScale("terrain", p2, p98);
            default -> new ColourScale("viridis", p2, p98);
        };
    }

    /** ARGB of a value (0, transparent, for NaN). */
    public int argb(double value) {
        if (Double.isNaN(value)) {
            return 0;
        }
        double t = high > low ? (value - low) / (high - low) : 0.5;
        t = Math.max(0, Math.min(1, t));
        if (ramp.equals("cyclic")) {
            return 0xFF000000 | Color.HSBtoRGB((float) t, 0.55f, 0.95f);
        }
        int[] stops = switch (ramp) {
            case "terrain" -> TERRAIN;
            case "northness" -> NORTHNESS;
            case "wetness" -> WETNESS;
            default -> VIRIDIS;
        };
        double x = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) x);
        double f = x - i;
        int a = stops[i];
        int b = stops[i + 1];
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
        int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
        return 0xFF000000 | r << 16 | g << 8 | bl;
    }

    /** Linear-interpolated quantile of sorted values (NaN when there are none); also the bench's median. */
    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double x = q * (sorted.length - 1);
        int i = (int) Math.floor(x);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (sorted[j] - sorted[i]) * (x - i);
    }
}
