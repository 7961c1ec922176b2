package org.eemt.geo.hydrology;

/**
 * Numbering of the perimeter cells of a {@code w x h} rectangle (local coordinates, x to the east,
 * y to the south), the shape of every summary that travels between a tile and the driver.
 *
 * <p>Order: the top row (x = 0..w-1), the bottom row, then the left and the right column without
 * their corner cells (y = 1..h-2). A one-row or one-column rectangle is its own perimeter.
 */
public final class Ring {
    private Ring() {
    }

    /** Number of perimeter cells of a {@code w x h} rectangle. */
    public static int size(int w, int h) {
        if (w <= 0 || h <= 0) {
            return 0;
        }
        if (h == 1) {
            return w;
        }
        if (w == 1) {
            return h;
        }
        return 2 * w + 2 * (h - 2);
    }

    /** Perimeter index of local cell (x, y), or -1 when it is not on the perimeter. */
    public static int index(int w, int h, int x, int y) {
        if (x < 0 || y < 0 || x >= w || y >= h) {
            return -1;
        }
        if (h == 1) {
            return x;
        }
        if (w == 1) {
            return y;
        }
        if (y == 0) {
            return x;
        }
        if (y == h - 1) {
            return w + x;
        }
        if (x == 0) {
            return 2 * w + y - 1;
        }
        if (x == w - 1) {
            return 2 * w + (h - 2) + y - 1;
        }
        return -1;
    }

    /** Local x of perimeter cell {@code i}. */
    public static int x(int w, int h, int i) {
        if (h == 1) {
            return i;
        }
        if (w == 1) {
            return 0;
        }
        if (i < w) {
            return i;
        }
        if (i < 2 * w) {
            return i - w;
        }
        return i < 2 * w + h - 2 ? 0 : w - 1;
    }

    /** Local y of perimeter cell {@code i}. */
    public static int y(int w, int h, int i) {
        if (h == 1) {
            return 0;
        }
        if (w == 1) {
            return i;
        }
        if (i < w) {
            return 0;
        }
        if (i < 2 * w) {
            return h - 1;
        }
        return i < 2 * w + h - 2 ? i - 2 * w + 1 : i - 2 * w - (h - 2) + 1;
    }
}
