package io.suiji.draw;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Deterministic test populations. */
final class Fixtures {
    static final String[] REGIONS = {"410402", "410403", "410404"};
    static final String[] RISKS = {"A", "B", "C", "D"};
    private static final String[] WEIGHTS = {"1", "2", "3", "4"};
    private static final String[] STRATA = new String[12];

    static {
        for (int h = 0; h < STRATA.length; h++) {
            STRATA[h] = stratum(h);
        }
    }

    private Fixtures() {
    }

    /**
     * {@code count} inspectors of the target's region minus one with a (made-up) declared conflict,
     * which one depending on the target's ordinal.
     */
    static List<String> inspectorsOfRegion(Selection target, int count) {
        String region = target.stratum().substring(0, 6);
        List<String> eligible = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i != target.ordinal() % count) {
                eligible.add("ZF-" + region + "-" + i);
            }
        }
        return eligible;
    }

    static byte[] seed(String entropy) {
        return Commitment.seed(CommitmentTest.R, entropy);
    }

    static String stratum(int i) {
        return REGIONS[i % REGIONS.length] + "/" + RISKS[(i / REGIONS.length) % RISKS.length];
    }

    /** Entity i: an 18-character USCC-like id, weight 1–4, one of 12 strata. */
    static PopulationEntry entity(long i) {
        String digits = Long.toString(i);
        return new PopulationEntry("91410400MA" + "00000000".substring(digits.length()) + digits,
            WEIGHTS[(int) (i % 4)], STRATA[(int) (i % 12)]);
    }

    static List<PopulationEntry> population(int n) {
        List<PopulationEntry> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(entity(i));
        }
        return list;
    }

    /** Generates entities lazily: nothing is materialised. */
    static Iterable<PopulationEntry> stream(long n) {
        return () -> new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < n;
            }

            @Override
            public PopulationEntry next() {
                if (next >= n) {
                    throw new NoSuchElementException();
                }
                return entity(next++);
            }
        };
    }

    /** The canonical file of {@code stream(n)}: ids are zero-padded, so generation order is byte order. */
    static byte[] canonicalFile(long n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) (n * 32));
        for (PopulationEntry e : stream(n)) {
            out.writeBytes(e.line().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        return out.toByteArray();
    }

    static byte[] canonicalFile(List<PopulationEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Population.write(entries, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Plans at a uniform ratio for the stratum sizes of {@code entries}. */
    static List<StratumPlan> plans(Iterable<PopulationEntry> entries, String ratio, long minimum) {
        java.util.Map<String, Long> sizes = new java.util.TreeMap<>();
        for (PopulationEntry e : entries) {
            sizes.merge(e.stratum(), 1L, Long::sum);
        }
        return StratumAllocation.allocate(sizes, java.util.Map.of(), new java.math.BigDecimal(ratio), minimum);
    }
}
