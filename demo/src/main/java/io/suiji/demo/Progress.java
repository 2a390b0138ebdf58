package io.suiji.demo;

import java.io.PrintStream;

/** Progress lines with the time since the run started, so a slow step shows where it is. */
final class Progress {

    private final PrintStream out;
    private final long start = System.nanoTime();

    Progress(PrintStream out) {
        this.out = out;
    }

    synchronized void step(int n, String what) {
        out.printf("%n[demo %5.1f s] (%d/7) %s%n", seconds(), n, what);
        out.flush();
    }

    synchronized void line(String text) {
        out.printf("[demo %5.1f s]       %s%n", seconds(), text);
        out.flush();
    }

    private double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
