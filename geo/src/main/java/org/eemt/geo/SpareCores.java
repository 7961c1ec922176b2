package org.eemt.geo;

/**
 * Cores of the process that nothing uses for now, which a piece of work may borrow for a helper thread ({@link SharedWork}):
 * the last tile of a stage running on an executor whose other tasks ended.
 */
public interface SpareCores {
    /** Lends nothing. */
    SpareCores NONE = new SpareCores() {
        @Override
        public boolean take() {
            return false;
        }

        @Override
        public boolean overbooked() {
            return false;
        }

        @Override
        public void release() {
        }
    };

    /** Borrows one idle core, if there is one: true when it was lent (give it back with {@link #release}). */
    boolean take();

    /** Whether the process now runs more threads than it has cores: a borrowed core should be given back. */
    boolean overbooked();

    /** Gives back a core that {@link #take} lent. */
    void release();
}
