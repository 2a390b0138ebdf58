package io.suiji.demo;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Where the services are and how big a year to play. {@link #local} is the suite of
 * {@code deploy/local/suite up}; the system tests pass their own ports.
 *
 * @param verifierJar the standalone draw verifier ({@code draw-verifier/target/draw-verifier.jar})
 * @param workDir     generated registry files, downloaded proofs and populations
 * @param threads     concurrent inspector sessions while recording inspections
 * @param accountPrefix user names of the inspectors' Keycloak accounts are this + 执法证号; the
 *                    system tests use their own so that they never re-link the local suite's accounts
 */
public record Settings(String keycloak, String catalog, String registry, String sampling, String enforcement,
                       String publication, long targets, int inspectors, long seed, Integer year, Path workDir,
                       Path verifierJar, int threads, PrintStream out, String accountPrefix) {

    public static final long DEFAULT_TARGETS = 20_000;
    public static final int DEFAULT_INSPECTORS = 120;
    public static final long DEFAULT_SEED = 2020;

    public static Settings local(Path root, PrintStream out) {
        return new Settings("http://127.0.0.1:8180", "http://127.0.0.1:8081", "http://127.0.0.1:8082",
                "http://127.0.0.1:8083", "http://127.0.0.1:8084", "http://127.0.0.1:8085", DEFAULT_TARGETS,
                DEFAULT_INSPECTORS, DEFAULT_SEED, null, root.resolve(".run/demo"),
                root.resolve("draw-verifier/target/draw-verifier.jar"), 8, out, "insp-");
    }

    public Settings with(long targets, int inspectors, long seed, Integer year) {
        return new Settings(keycloak, catalog, registry, sampling, enforcement, publication, targets, inspectors, seed, year,
                workDir, verifierJar, threads, out, accountPrefix);
    }
}
