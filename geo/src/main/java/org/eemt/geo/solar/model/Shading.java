package org.eemt.geo.solar.model;

/** How terrain shadows the direct (beam) radiation of a cell (SCIENCE.md §2, "Shadowing"). */
public enum Shading {
    /** No terrain shadows: the r.sun {@code -p} behaviour; a cell is sunlit whenever the sun is up and faces it. */
    NONE,
    /**
     * Horizon angles computed once per tile for a fixed set of azimuths (the fast path's HorizonShadow),
     * interpolated linearly at the sun's azimuth. The default: each day then costs O(cells x samples).
     */
    HORIZON,
    /** r.sun's nearest-cell ray toward the sun at every sample time (the fast path's RayShadow). */
    RAY;

    /** Parses {@code none}, {@code horizon} or {@code ray} (any case). */
    public static Shading parse(String name) {
        return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
