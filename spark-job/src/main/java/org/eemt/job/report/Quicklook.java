package org.eemt.job.report;

import java.io.Serializable;

/**
 * A product reduced for viewing: the mean of the valid cells of each {@code blockSize x blockSize}
 * block of the grid (NaN where a block has none), {@code width x height} blocks, row-major.
 * Tiles contribute {@link Blocks} of sums and counts, which add up in any order; or the means come
 * whole from a product's overview ({@link #ofMeans}).
 */
public final class Quicklook {
    private final int width;
    private final int height;
    private final double[] sums;
    private final long[] counts;

    private Quicklook(int width, int height) {
        this.width = width;
        this.height = height;
        this.sums = new double[width * height];
        this.counts = new long[width * height];
    }

    /** An empty quicklook of a {@code columns x rows} grid in blocks of {@code blockSize} cells. */
    public static Quicklook of(int columns, int rows, int blockSize) {
        return new Quicklook((columns + blockSize - 1) / blockSize, (rows + blockSize - 1) / blockSize);
    }

    /**
     * A quicklook of {@code width x height} blocks whose means are given, row-major (NaN where a block has no valid cell),
     * as a product's overview holds them.
     */
    public static Quicklook ofMeans(int width, int height, float[] means) {
        Quicklook q = new Quicklook(width, height);
        for (int i = 0; i < means.length; i++) {
            if (!Float.isNaN(means[i])) {
                q.sums[i] = means[i];
                q.counts[i] = 1;
            }
        }
        return q;
    }

    /**
     * The block edge (cells) that keeps a {@code columns x rows} grid within {@code maxPixels} on its longer side: the
     * smallest power of two that does, the scale of one of a product's overviews.
     */
    public static int blockSizeFor(int columns, int rows, int maxPixels) {
        int size = 1;
        while ((Math.max(columns, rows) + size - 1) / size > maxPixels) {
            size *= 2;
        }
        return size;
    }

    /**
     * The block sums of the cells of one window (row-major {@code cells} covering columns
     * {@code x0 .. x0+w-1}, rows {@code y0 .. y0+h-1}).
     */
    public static Blocks blocksOf(float[] cells, int x0, int y0, int w, int h, int blockSize) {
        int bx0 = x0 / blockSize;
        int by0 = y0 / blockSize;
        int bw = (x0 + w - 1) / blockSize - bx0 + 1;
        int bh = (y0 + h - 1) / blockSize - by0 + 1;
        double[] sums = new double[bw * bh];
        int[] counts = new int[bw * bh];
        for (int r = 0; r < h; r++) {
            int b = ((y0 + r) / blockSize - by0) * bw;
            for (int c = 0; c < w; c++) {
                float v = cells[r * w + c];
                if (!Float.isNaN(v)) {
                    int i = b + (x0 + c) / blockSize - bx0;
                    sums[i] += v;
                    counts[i]++;
                }
            }
        }
        return new Blocks(bx0, by0, bw, bh, sums, counts);
    }

    /** Adds the block sums of one tile. */
    public void add(Blocks blocks) {
        for (int r = 0; r < blocks.height(); r++) {
            for (int c = 0; c < blocks.width(); c++) {
                int from = r * blocks.width() + c;
                add(blocks.x0() + c, blocks.y0() + r, blocks.sums()[from], blocks.counts()[from]);
            }
        }
    }

    /** Adds {@code count} valid cells summing to {@code sum} to block (column, row). */
    public void add(int column, int row, double sum, long count) {
        sums[row * width + column] += sum;
        counts[row * width + column] += count;
    }

    /** Every block's mean, row-major. */
    public double[] values() {
        double[] v = new double[width * height];
        for (int i = 0; i < v.length; i++) {
            v[i] = counts[i] == 0 ? Double.NaN : sums[i] / counts[i];
        }
        return v;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Mean of block (column, row), NaN when the block has no valid cell. */
    public double value(int column, int row) {
        int i = row * width + column;
        return counts[i] == 0 ? Double.NaN : sums[i] / counts[i];
    }

    /** The block sums of a part of the grid: blocks {@code x0 .. x0+width-1}, {@code y0 .. y0+height-1}. */
    public record Blocks(int x0, int y0, int width, int height, double[] sums, int[] counts) implements Serializable {
    }
}
