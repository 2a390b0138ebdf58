package io.suiji.enforcement;

/**
 * The consumed channels every component test runs on the in-memory connector. One value for all
 * test classes, so that Quarkus starts once for the module.
 */
public final class TestChannels {

    public static final String INCOMING = "sampling.selections,sampling.draws,catalog.matters,registry.inspectors,registry.entities";

    private TestChannels() {
    }
}
