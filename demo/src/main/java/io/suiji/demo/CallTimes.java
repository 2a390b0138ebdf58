package io.suiji.demo;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Mean latency per kind of API call, so that a slow step shows which call it waits on. */
final class CallTimes {

    private record Tally(LongAdder calls, LongAdder nanos) {
    }

    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    void time(String call, Runnable work) {
        long t = System.nanoTime();
        try {
            work.run();
        } finally {
            Tally tally = tallies.computeIfAbsent(call, k -> new Tally(new LongAdder(), new LongAdder()));
            tally.calls().increment();
            tally.nanos().add(System.nanoTime() - t);
        }
    }

    /** e.g. {@code confirm 2×4114 38 ms, findings 4114 41 ms}: calls and mean milliseconds per call. */
    String summary() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(tallies).forEach((call, tally) -> text.append(text.length() == 0 ? "" : ", ").append(call)
                .append(' ').append(tally.calls().sum()).append(" calls, mean ")
                .append(tally.nanos().sum() / Math.max(1, tally.calls().sum()) / 1_000_000).append(" ms"));
        return text.toString();
    }
}
