package org.eemt.job.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.eemt.geo.calendar.Calendar365;

/** A line chart of monthly values (January to December) of one or more series sharing a unit, as a PNG. */
public final class MonthlyChart {
    /** jan..dec, as in the products' names ({@link Calendar365#monthName}). */
    static final List<String> MONTHS = IntStream.range(0, Calendar365.MONTHS)
            .mapToObj(Calendar365::monthName).toList();
    private static final Color[] SERIES = {new Color(0x1F77B4), new Color(0xD62728), new Color(0x2CA02C),
        new Color(0xFF7F0E), new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x17BECF)};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 330;
    private static final int LEFT = 70;
    private static final int RIGHT = 180;
    private static final int TOP = 34;
    private static final int BOTTOM = 40;

    private MonthlyChart() {
    }

    /** One line: its name and twelve values (NaN for a month without data). */
    public record Series(String name, double[] values) {
    }

    /** The chart; PNG bytes. */
    public static byte[] png(String title, String unit, List<Series> series) {
        double min = series.stream().flatMapToDouble(s -> Arrays.stream(s.values())).filter(v -> !Double.isNaN(v)).min().orElse(0);
        double max = series.stream().flatMapToDouble(s -> Arrays.stream(s.values())).filter(v -> !Double.isNaN(v)).max().orElse(1);
        List<Double> ticks = new java.util.ArrayList<>(Drawing.ticks(Math.min(0, min), max > min ? max : min + 1, 6));
        if (ticks.size() > 1 && ticks.get(ticks.size() - 1) < max) {
            ticks.add(2 * ticks.get(ticks.size() - 1) - ticks.get(ticks.size() - 2)); // the axis ends on a tick above the data
        }
        double low = Math.min(ticks.get(0), Math.min(0, min));
        double high = Math.max(ticks.get(ticks.size() - 1), max);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = Drawing.canvas(image);
        g.setFont(Drawing.TITLE);
        g.drawString(title, 10, 18);
        g.setFont(Drawing.LABEL);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(new Color(0xDDDDDD));
        for (double t : ticks) {
            int y = y(t, low, high, plotH);
            g.drawLine(LEFT, y, LEFT + plotW, y);
        }
        g.setColor(Drawing.INK);
        g.drawRect(LEFT, TOP, plotW, plotH);
        for (double t : ticks) {
            String s = Drawing.label(t);
            int y = y(t, low, high, plotH);
            g.drawString(s, LEFT - 6 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
        }
        for (int m = 0; m < 12; m++) {
            String s = MONTHS.get(m).substring(0, 1).toUpperCase(java.util.Locale.ROOT) + MONTHS.get(m).substring(1);
            g.drawString(s, x(m, plotW) - fm.stringWidth(s) / 2, TOP + plotH + 16);
        }
        g.drawString(unit, LEFT, TOP + plotH + 34);
        g.setStroke(new BasicStroke(2f));
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            g.setColor(SERIES[i % SERIES.length]);
            for (int m = 0; m < 12; m++) {
                double v = s.values()[m];
                if (Double.isNaN(v)) {
                    continue;
                }
                int x = x(m, plotW);
                int y = y(v, low, high, plotH);
                g.fillOval(x - 3, y - 3, 7, 7);
                if (m > 0 && !Double.isNaN(s.values()[m - 1])) {
                    g.drawLine(x(m - 1, plotW), y(s.values()[m - 1], low, high, plotH), x, y);
                }
            }
            int ly = TOP + 10 + i * 18;
            g.fillRect(LEFT + plotW + 12, ly - 4, 14, 4);
            g.setColor(Drawing.INK);
            g.drawString(s.name(), LEFT + plotW + 32, ly);
        }
        g.dispose();
        return Drawing.png(image);
    }

    private static int x(int month, int plotW) {
        return LEFT + (int) Math.round((month + 0.5) * plotW / 12.0);
    }

    private static int y(double v, double low, double high, int plotH) {
        return TOP + (int) Math.round((high - v) / (high - low) * plotH);
    }
}
