package org.eemt.geo.hydrology;

import java.io.Serializable;

/**
 * Which wetness index the hydrology computes ({@code --wetness-index}) and the suction parameter
 * of the SAGA Wetness Index ({@code --swi-suction}). docs/hydrology.md compares the two indices.
 *
 * @param kind    {@link Kind#STANDARD}: TWI over D-infinity; {@link Kind#SAGA}: {@link SagaWetnessIndex}
 * @param suction the suction t of the modified catchment area (dimensionless, at least 1; the
 *                lower, the further the catchment area of valley floors spreads to their sides)
 */
public record WetnessSettings(Kind kind, double suction) implements Serializable {
    /** The wetness index formulations. */
    public enum Kind {
        /** ln(SCA / tan β) with D-infinity SCA and the Horn slope of the filled DEM. */
        STANDARD,
        /** The SAGA Wetness Index of Böhner et al. (2002): multiple-flow-direction, modified catchment area. */
        SAGA
    }

    /** The default: the standard index (suction 10, unused by it). */
    public static final WetnessSettings STANDARD = new WetnessSettings(Kind.STANDARD, 10);

    public WetnessSettings {
        if (!(suction >= 1) || Double.isInfinite(suction)) {
            throw new IllegalArgumentException("the SAGA wetness index suction must be a finite number >= 1, not " + suction);
        }
    }

    /** Values per perimeter cell that the flow rounds exchange ({@link FlowTile#outflow}). */
    int flowStride() {
        return kind == Kind.STANDARD ? 1 : MultipleFlowDirection.SLOTS;
    }
}
