package org.eemt.job.deploy;

import java.util.Locale;

/** Byte sizes as Spark writes them: 512m, 2g, 100g. */
final class Sizes {
    private Sizes() {
    }

    static long parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.endsWith("b")) {
            s = s.substring(0, s.length() - 1);
        }
        long unit = switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            case 't' -> 1L << 40;
            default -> 1L;
        };
        String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
        try {
            return Math.multiplyExact(Long.parseLong(digits), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a size (like 512m, 2g, 100g): " + text, e);
        }
    }

    static String format(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1fg", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%dm", bytes >> 20);
    }
}
