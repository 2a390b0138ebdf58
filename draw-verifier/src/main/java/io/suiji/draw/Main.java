package io.suiji.draw;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The standalone verifier: {@code java -jar draw-verifier.jar --help}. */
public final class Main {
    static final int OK = 0;
    static final int DIFFERENT = 1;
    static final int UNREADABLE = 2;

    private static final String USAGE = """
        Suiji draw verifier — re-computes a published 双随机 draw (algorithm SUIJI-SHA256-1 or RFC3797).

        Usage:
          java -jar draw-verifier.jar verify <proof.json> <population.txt>
          java -jar draw-verifier.jar <proof.json> <population.txt>
              Prints VERIFIED, or DIFFERENT: followed by the first difference found.
          java -jar draw-verifier.jar rfc3797 --pool <N> --count <K> [--verbose] <source>...
              RFC 3797 selection: each <source> is one source of randomness, its non-negative
              integers separated by spaces or commas (quote it), e.g. "2 5 12 8 10".
              Prints the selected 1-based pool positions in selection order.
          java -jar draw-verifier.jar population <population.txt>
              Validates a population file; prints its digest, size and stratum sizes.
          java -jar draw-verifier.jar --help

        Exit codes: 0 verified (or done), 1 the draw does not verify, 2 unreadable input or bad usage.
        """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0) {
                err.print(USAGE);
                return UNREADABLE;
            }
            switch (args[0]) {
                case "--help", "-h", "help" -> {
                    out.print(USAGE);
                    return OK;
                }
                case "verify" -> {
                    return args.length == 3 ? verify(args[1], args[2], out) : usage(err, "verify needs <proof.json> <population.txt>");
                }
                case "rfc3797" -> {
                    return rfc3797(args, out, err);
                }
                case "population" -> {
                    return args.length == 2 ? population(args[1], out) : usage(err, "population needs <population.txt>");
                }
                default -> {
                    return args.length == 2 ? verify(args[0], args[1], out) : usage(err, "unknown command " + args[0]);
                }
            }
        } catch (NoSuchFileException e) {
            err.println("error: file not found: " + e.getFile());
        } catch (IOException e) {
            err.println("error: cannot read input: " + e.getMessage());
        } catch (ProofFormatException | DrawException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
        }
        return UNREADABLE;
    }

    private static int verify(String proofFile, String populationFile, PrintStream out) throws IOException {
        DrawProof proof;
        try (InputStream in = Files.newInputStream(Path.of(proofFile))) {
            proof = DrawProof.fromJson(in);
        }
        Verification result;
        try (InputStream in = Files.newInputStream(Path.of(populationFile))) {
            result = Verifier.verify(proof, in);
        }
        out.println(result);
        return result.verified() ? OK : DIFFERENT;
    }

    private static int population(String file, PrintStream out) throws IOException {
        PopulationSummary summary;
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            summary = Population.summarize(in);
        }
        out.println("digest " + summary.digest());
        out.println("size   " + summary.size());
        summary.stratumSizes().forEach((name, size) -> out.println("stratum " + name + " " + size));
        return OK;
    }

    private static int rfc3797(String[] args, PrintStream out, PrintStream err) {
        Integer pool = null;
        Integer count = null;
        boolean verbose = false;
        List<List<Long>> sources = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--pool" -> pool = intOption(args, ++i, "--pool");
                case "--count" -> count = intOption(args, ++i, "--count");
                case "--verbose" -> verbose = true;
                default -> sources.add(source(args[i], sources.size() + 1));
            }
        }
        if (pool == null || count == null || sources.isEmpty()) {
            return usage(err, "rfc3797 needs --pool, --count and at least one source");
        }
        String key = Rfc3797.keyString(sources);
        List<Rfc3797.Step> steps = Rfc3797.steps(key, pool, count);
        if (verbose) {
            out.println("key string: " + key);
            out.printf(Locale.ROOT, "entropy needed: %.1f bits%n", Rfc3797.entropyBitsNeeded(pool, count));
            out.println("index  MD5                               div  selected");
            for (Rfc3797.Step s : steps) {
                out.printf(Locale.ROOT, "%5d  %s  %5d  %d%n", s.index() + 1, s.md5().toUpperCase(Locale.ROOT),
                    s.remaining(), s.selected());
            }
        }
        StringBuilder line = new StringBuilder();
        for (Rfc3797.Step s : steps) {
            line.append(line.length() == 0 ? "" : " ").append(s.selected());
        }
        out.println(line);
        return OK;
    }

    private static int intOption(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a number");
        }
        try {
            return Integer.parseInt(args[i]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, got " + args[i]);
        }
    }

    private static List<Long> source(String text, int number) {
        List<Long> values = new ArrayList<>();
        for (String token : text.trim().split("[\\s,]+")) {
            if (token.isEmpty()) {
                continue;
            }
            try {
                long v = Long.parseLong(token);
                if (v < 0) {
                    throw new NumberFormatException();
                }
                values.add(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("source " + number + " ('" + text
                    + "'): '" + token + "' is not a non-negative integer");
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("source " + number + " is empty");
        }
        return values;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.print(USAGE);
        return UNREADABLE;
    }
}
