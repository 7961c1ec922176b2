package org.eemt.job.plan;

import java.io.Serializable;

/** A tile of the {@link TilePlan}: its row and column in the tile grid (row 0 is the northern-most). */
public record TileKey(int row, int col) implements Serializable {

    /** A file-name fragment such as {@code r003_c012}. */
    public String fileStem() {
        return String.format("r%03d_c%03d", row, col);
    }
}
