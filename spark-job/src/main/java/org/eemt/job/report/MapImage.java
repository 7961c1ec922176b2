package org.eemt.job.report;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * A quicklook map as a PNG: title, the map (north up, NoData transparent, enlarged to
 * about {@link #MIN_EDGE} pixels on its longer side by repeating pixels) and a colour bar with round
 * ticks and the unit.
 */
public final class MapImage {
    static final int MIN_EDGE = 480;
    private static final int MARGIN = 10;
    private static final int TOP = 34;
    private static final int BAR = 16;

    private MapImage() {
    }

    /** The map of a quicklook with its colour bar; PNG bytes. */
    public static byte[] png(Quicklook quicklook, String title, String unit, ColourScale scale) {
        int zoom = Math.max(1, (int) Math.round((double) MIN_EDGE / Math.max(quicklook.width(), quicklook.height())));
        int w = quicklook.width() * zoom;
        int h = quicklook.height() * zoom;
        int barHeight = Math.max(h, 160);
        BufferedImage image = new BufferedImage(MARGIN + w + 20 + BAR + 90, TOP + barHeight + MARGIN, BufferedImage.TYPE_INT_ARGB);
        for (int row = 0; row < quicklook.height(); row++) {
            for (int col = 0; col < quicklook.width(); col++) {
                int argb = scale.argb(quicklook.value(col, row));
                for (int dy = 0; dy < zoom; dy++) {
                    for (int dx = 0; dx < zoom; dx++) {
                        image.setRGB(MARGIN + col * zoom + dx, TOP + row * zoom + dy, argb);
                    }
                }
            }
        }
        Graphics2D g = Drawing.canvas(image);
        g.setFont(Drawing.TITLE);
        g.drawString(title, MARGIN, 16);
        int barX = MARGIN + w + 20;
        for (int y = 0; y < barHeight; y++) {
            double v = scale.high() - (scale.high() - scale.low()) * y / (barHeight - 1.0);
            g.setColor(new java.awt.Color(scale.argb(v), true));
            g.fillRect(barX, TOP + y, BAR, 1);
        }
        g.setColor(Drawing.INK);
        g.drawRect(barX, TOP, BAR, barHeight - 1);
        g.setFont(Drawing.LABEL);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(unit.isEmpty() || unit.equals("1") ? "(no unit)" : unit, barX, TOP - 4);
        for (double t : Drawing.ticks(scale.low(), scale.high(), 6)) {
            int y = TOP + (int) Math.round((scale.high() - t) / (scale.high() - scale.low()) * (barHeight - 1));
            g.drawLine(barX + BAR, y, barX + BAR + 4, y);
            g.drawString(Drawing.label(t), barX + BAR + 7, y + fm.getAscent() / 2 - 1);
        }
        g.dispose();
        return Drawing.png(image);
    }
}
