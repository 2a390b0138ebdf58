package io.suiji.demo;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code java -jar demo/target/suiji-demo.jar [--targets N] [--inspectors M] [--seed S] [--year Y]}:
 * plays the bureau's year on the suite started by {@code deploy/local/suite up}. Exit 0 when every
 * step worked and every proof verified, 1 when a step failed, 2 on bad arguments.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Settings settings = Settings.local(Path.of(System.getProperty("suiji.root", ".")).toAbsolutePath().normalize(),
                System.out);
        long targets = settings.targets();
        int inspectors = settings.inspectors();
        long seed = settings.seed();
        Integer year = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--targets" -> { targets = positive(args[i], value); i++; }
                    case "--inspectors" -> { inspectors = (int) positive(args[i], value); i++; }
                    case "--seed" -> { seed = number(args[i], value); i++; }
                    case "--year" -> { year = (int) number(args[i], value); i++; }
                    case "-h", "--help" -> {
                        System.out.println("usage: suite demo [--targets N (20000)] [--inspectors M (120)] [--seed S (2020)] "
                                + "[--year Y (first year from 2020 without a published city plan)]");
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("demo: " + e.getMessage() + " (try --help)");
            System.exit(2);
        }
        try {
            Summary summary = new YearDemo(settings.with(targets, inspectors, seed, year)).run();
            System.out.println();
            System.out.print(summary.table());
            System.out.printf("%nyear %d, plan %s: %d drawn = %d assignments, %d closed, %d published + %d exempt, "
                            + "%d sanctions pushed and received once each (%d repeats), overdue: %s; registry updated for %d of %d "
                            + "sampled entities; %d inspector accounts; %d s in all%n",
                    summary.year, summary.planId, summary.drawn(), summary.assignments(), summary.closed(),
                    summary.published(), summary.exempt(), summary.sanctionsReceived, summary.sanctionRepeats,
                    summary.overdueTasks, summary.registryUpdated, summary.registryChecked, summary.inspectorAccounts,
                    summary.seconds);
            System.out.println();
            for (Map.Entry<String, String> url : summary.urls.entrySet()) {
                System.out.printf("  %-36s %s%n", url.getKey(), url.getValue());
            }
            System.exit(summary.allVerified() ? 0 : 1);
        } catch (Exception e) {
            System.err.println();
            System.err.println("demo: failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static long number(String flag, String value) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a whole number, not '" + value + "'");
        }
    }

    private static long positive(String flag, String value) {
        long n = number(flag, value);
        if (n < 1) {
            throw new IllegalArgumentException(flag + " must be at least 1");
        }
        return n;
    }
}
