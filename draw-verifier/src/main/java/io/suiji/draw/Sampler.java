package io.suiji.draw;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The target draw of SUIJI-SHA256-1 (§8–§11) in one pass over the population, in any row order,
 * keeping only a bounded heap per stratum: memory O(Σ k_h + control), not O(N).
 *
 * <p>Feed it with {@link #offer(PopulationEntry)} or {@link #offerFile(InputStream)}, then call
 * {@link #finish()}. The stratum sizes given in the plans must be the real ones: {@link #finish()}
 * checks them. Not thread-safe; one instance per draw.
 */
public final class Sampler {
    private final SamplingMode mode;
    private final DrawKeys keys;
    private final byte[] targetPrefix;
    private final byte[] controlPrefix;
    private final Map<String, Stratum> strata = new LinkedHashMap<>();
    private final ControlSample control;
    private final Heap controlHeap;
    private final byte[] key = new byte[32];
    private Stratum[] byReaderIndex;
    private int retained;
    private int peakRetained;
    private boolean finished;

    /**
     * @param seed    the 32-byte seed S
     * @param plans   every stratum with its committed size N_h and sample size k_h
     * @param control the control sample, or {@code null}
     */
    public Sampler(byte[] seed, SamplingMode mode, List<StratumPlan> plans, ControlSample control) {
        this.mode = mode;
        this.keys = new DrawKeys(seed);
        this.targetPrefix = keys.prefix(DrawKeys.TARGET);
        this.controlPrefix = keys.prefix(DrawKeys.CONTROL);
        this.control = control != null && control.count() > 0 ? control : null;
        for (StratumPlan plan : plans) {
            if (strata.put(plan.name(), new Stratum(plan)) != null) {
                throw new IllegalArgumentException("stratum " + plan.name() + " is listed twice");
            }
        }
        long controlCapacity = 0;
        if (this.control != null) {
            controlCapacity = this.control.count();
            for (String name : this.control.strata()) {
                Stratum s = strata.get(name);
                if (s == null) {
                    throw new IllegalArgumentException("control stratum " + name + " is not a stratum of the draw");
                }
                s.inControl = true;
                controlCapacity += s.plan.sample();
            }
        }
        this.controlHeap = new Heap(Math.toIntExact(controlCapacity), true);
    }

    /** Convenience: one pass over {@code population} (any order), then {@link #finish()}. */
    public static List<Selection> draw(byte[] seed, SamplingMode mode, List<StratumPlan> plans,
                                       ControlSample control, Iterable<PopulationEntry> population) {
        Sampler sampler = new Sampler(seed, mode, plans, control);
        for (PopulationEntry e : population) {
            sampler.offer(e);
        }
        return sampler.finish();
    }

    /** Offers one entity (any order). */
    public void offer(PopulationEntry entry) {
        Stratum s = strata.get(entry.stratum());
        if (s == null) {
            throw new DrawException("entity " + entry.id() + " is in stratum " + entry.stratum()
                + ", which is not among the draw's strata");
        }
        byte[] id = entry.id().getBytes(StandardCharsets.UTF_8);
        offer(s, id, 0, id.length, Weight.parse(entry.weight(), 0));
    }

    /**
     * Reads, validates and offers a canonical population file (sorted, one {@code id:weight:stratum}
     * per line) and returns its digest and stratum sizes.
     *
     * @throws PopulationFormatException on the first malformed or out-of-order line
     */
    public PopulationSummary offerFile(InputStream canonicalFile) throws IOException {
        PopulationReader reader = new PopulationReader();
        byReaderIndex = new Stratum[16]; // the reader numbers strata afresh
        long[] line = {0};
        return reader.read(canonicalFile, (buf, from, to, stratumIndex, weight) -> {
            line[0]++;
            if (stratumIndex >= byReaderIndex.length) {
                byReaderIndex = Arrays.copyOf(byReaderIndex, Math.max(stratumIndex + 1, byReaderIndex.length * 2));
            }
            Stratum s = byReaderIndex[stratumIndex];
            if (s == null) {
                String name = reader.stratumName(stratumIndex);
                s = strata.get(name);
                if (s == null) {
                    throw new DrawException("population line " + line[0] + ": stratum " + name
                        + " is not among the draw's strata");
                }
                byReaderIndex[stratumIndex] = s;
            }
            offer(s, buf, from, to, weight);
        });
    }

    private void offer(Stratum s, byte[] id, int from, int to, long weight) {
        if (finished) {
            throw new IllegalStateException("the draw is finished");
        }
        s.count++;
        if (s.heap.capacity > 0) {
            keys.keyInto(targetPrefix, id, from, to, key);
            long first = DrawKeys.readLong(key);
            if (mode == SamplingMode.UNIFORM) {
                if (s.heap.beatsWorst(first, key, id, from, to)) {
                    admit(s.heap, new Candidate(s, id, from, to, key, first, 0, 0));
                }
            } else {
                double w = Weight.value(weight);
                double priority = DrawKeys.priority(first, w);
                if (s.heap.beatsWorst(priority, id, from, to)) {
                    admit(s.heap, new Candidate(s, id, from, to, key, first, priority, w));
                }
            }
        }
        if (s.inControl && controlHeap.capacity > 0) {
            keys.keyInto(controlPrefix, id, from, to, key);
            long first = DrawKeys.readLong(key);
            if (controlHeap.beatsWorst(first, key, id, from, to)) {
                admit(controlHeap, new Candidate(s, id, from, to, key, first, 0, 0));
            }
        }
    }

    private void admit(Heap heap, Candidate c) {
        if (heap.add(c)) {
            retained++;
            peakRetained = Math.max(peakRetained, retained);
        }
    }

    /** The number of entities counted so far per stratum (plan order). */
    public Map<String, Long> countedSizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        strata.forEach((name, s) -> sizes.put(name, s.count));
        return sizes;
    }

    /** The most candidates held at once: bounded by Σ k_h + the control heap, whatever N is. */
    public int peakRetained() {
        return peakRetained;
    }

    /**
     * Ends the pass and returns the selection in draw order: the main sample ordered by target key,
     * then the control sample ordered by control key.
     *
     * @throws DrawException if a stratum's counted size differs from its plan
     */
    public List<Selection> finish() {
        finished = true;
        for (Stratum s : strata.values()) {
            if (s.count != s.plan.population()) {
                throw new DrawException("stratum " + s.plan.name() + ": the population has " + s.count
                    + " entities, the plan says " + s.plan.population());
            }
        }
        List<Candidate> main = new ArrayList<>();
        for (Stratum s : strata.values()) {
            main.addAll(s.winners());
        }
        main.sort(Candidate.BY_KEY);
        List<Selection> selection = new ArrayList<>(main.size());
        Set<String> selectedIds = new HashSet<>();
        for (Candidate c : main) {
            String id = c.id();
            selection.add(new Selection(selection.size() + 1, id, c.stratum.plan.name(), mainProbability(c), false));
            selectedIds.add(id);
        }
        if (control != null) {
            long controlPopulation = 0;
            long alreadySelected = 0;
            for (String name : control.strata()) {
                Stratum s = strata.get(name);
                controlPopulation += s.count;
                alreadySelected += s.plan.sample();
            }
            long available = controlPopulation - alreadySelected;
            long count = Math.min(control.count(), available);
            double probability = available == 0 ? 0 : (double) count / (double) available;
            List<Candidate> candidates = new ArrayList<>(controlHeap.contents());
            candidates.sort(Candidate.BY_KEY);
            int taken = 0;
            for (Candidate c : candidates) {
                if (taken == count) {
                    break;
                }
                String id = c.id();
                if (!selectedIds.contains(id)) {
                    selection.add(new Selection(selection.size() + 1, id, c.stratum.plan.name(), probability, true));
                    taken++;
                }
            }
        }
        return selection;
    }

    private double mainProbability(Candidate c) {
        StratumPlan plan = c.stratum.plan;
        if (plan.sample() == plan.population()) {
            return 1.0;
        }
        if (mode == SamplingMode.UNIFORM) {
            return (double) plan.sample() / (double) plan.population();
        }
        // Rank-conditioned (§9): P(p_i > p*) = 1 − exp(w_i · p*), p* the (k+1)-th priority; expm1 keeps small
        // probabilities exact to the last bits.
        return -StrictMath.expm1(c.weight * c.stratum.threshold);
    }

    /** A retained entity. */
    private static final class Candidate {
        static final Comparator<Candidate> BY_KEY = (a, b) -> {
            int c = Arrays.compareUnsigned(a.key, b.key);
            return c != 0 ? c : Arrays.compareUnsigned(a.idBytes, b.idBytes);
        };

        final Stratum stratum;
        final byte[] idBytes;
        final byte[] key;
        final long first;
        final double priority;
        final double weight;

        Candidate(Stratum stratum, byte[] id, int from, int to, byte[] key, long first, double priority,
                  double weight) {
            this.stratum = stratum;
            this.idBytes = Arrays.copyOfRange(id, from, to);
            this.key = key.clone();
            this.first = first;
            this.priority = priority;
            this.weight = weight;
        }

        /** Decoded only for the winners, not for every candidate that passes through the heap. */
        String id() {
            return new String(idBytes, StandardCharsets.UTF_8);
        }
    }

    /** Bounded heap with the worst retained candidate on top. */
    private final class Heap {
        final int capacity;
        final boolean byKey;
        private Candidate[] items;
        private int size;

        Heap(int capacity, boolean byKey) {
            this.capacity = capacity;
            this.byKey = byKey;
            this.items = new Candidate[Math.min(capacity, 1024)];
        }

        /** Uniform keys: smaller key wins, then smaller id. */
        boolean beatsWorst(long first, byte[] key, byte[] id, int from, int to) {
            if (size < capacity) {
                return true;
            }
            Candidate worst = items[0];
            int c = Long.compareUnsigned(first, worst.first);
            if (c == 0) {
                c = Arrays.compareUnsigned(key, worst.key);
            }
            if (c == 0) {
                c = Arrays.compareUnsigned(id, from, to, worst.idBytes, 0, worst.idBytes.length);
            }
            return c < 0;
        }

        /** Priorities: larger wins, then smaller id. */
        boolean beatsWorst(double priority, byte[] id, int from, int to) {
            if (size < capacity) {
                return true;
            }
            Candidate worst = items[0];
            int c = Double.compare(worst.priority, priority);
            if (c == 0) {
                c = Arrays.compareUnsigned(id, from, to, worst.idBytes, 0, worst.idBytes.length);
            }
            return c < 0;
        }

        /** Adds a candidate known to beat the worst; returns true if the heap grew. */
        boolean add(Candidate c) {
            if (size < capacity) {
                if (size == items.length) {
                    items = Arrays.copyOf(items, Math.min(capacity, items.length * 2));
                }
                items[size] = c;
                siftUp(size++);
                return true;
            }
            items[0] = c;
            siftDown(0);
            return false;
        }

        List<Candidate> contents() {
            return Arrays.asList(Arrays.copyOf(items, size));
        }

        int size() {
            return size;
        }

        /** The worst retained candidate. */
        Candidate worst() {
            return items[0];
        }

        /** Positive if a is worse than b. */
        private int worse(Candidate a, Candidate b) {
            int c;
            if (byKey || mode == SamplingMode.UNIFORM) {
                c = Long.compareUnsigned(a.first, b.first);
                if (c == 0) {
                    c = Arrays.compareUnsigned(a.key, b.key);
                }
            } else {
                c = Double.compare(b.priority, a.priority);
            }
            return c != 0 ? c : Arrays.compareUnsigned(a.idBytes, b.idBytes);
        }

        private void siftUp(int i) {
            Candidate c = items[i];
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (worse(c, items[parent]) <= 0) {
                    break;
                }
                items[i] = items[parent];
                i = parent;
            }
            items[i] = c;
        }

        private void siftDown(int i) {
            Candidate c = items[i];
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && worse(items[child + 1], items[child]) > 0) {
                    child++;
                }
                if (worse(items[child], c) <= 0) {
                    break;
                }
                items[i] = items[child];
                i = child;
            }
            items[i] = c;
        }
    }

    /**
     * Per-stratum state: counted size, heap. In weighted mode the heap keeps one
     * candidate more than the sample when the stratum is not taken whole: the (k+1)-th priority is the
     * threshold every winner's inclusion probability is conditioned on (§9).
     */
    private final class Stratum {
        final StratumPlan plan;
        final Heap heap;
        boolean inControl;
        long count;
        double threshold = Double.NaN;

        Stratum(StratumPlan plan) {
            this.plan = plan;
            boolean needsThreshold = mode == SamplingMode.WEIGHTED && plan.sample() > 0
                && plan.sample() < plan.population();
            this.heap = new Heap(plan.sample() + (needsThreshold ? 1 : 0), false);
        }

        /** The k_h selected candidates, setting aside (and remembering) the threshold candidate. */
        List<Candidate> winners() {
            if (heap.size() <= plan.sample()) {
                return heap.contents();
            }
            Candidate thresholdCandidate = heap.worst();
            threshold = thresholdCandidate.priority;
            List<Candidate> winners = new ArrayList<>(heap.contents());
            winners.remove(thresholdCandidate);
            return winners;
        }
    }
}
