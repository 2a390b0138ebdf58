package io.suiji.registry.importing;

public enum ImportStatus {
    QUEUED,
    RUNNING,
    /** Finished and applied (in KEEP_GOOD_ROWS mode rows may have been rejected). */
    COMPLETED,
    /** Nothing applied (ALL_OR_NOTHING with bad rows), or stopped by an error — see the message. */
    FAILED
}
