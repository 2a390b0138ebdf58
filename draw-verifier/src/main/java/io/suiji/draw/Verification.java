package io.suiji.draw;

/** The verdict on a published draw: verified, or the first difference found, in plain words. */
public record Verification(boolean verified, String difference) {
    public static final Verification VERIFIED = new Verification(true, null);

    static Verification differs(String difference) {
        return new Verification(false, difference);
    }

    /** {@code VERIFIED}, or {@code DIFFERENT: <the first difference>}. */
    @Override
    public String toString() {
        return verified ? "VERIFIED" : "DIFFERENT: " + difference;
    }
}
