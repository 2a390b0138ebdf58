package io.suiji.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded, plausible results of inspections: mostly 未发现问题, some problems corrected or ordered
 * corrected, a few penalties and listings. Persons (养老保险待遇 audits) are never fined or listed.
 */
final class Outcomes {

    /** Outcome names of the contracts' {@code Outcome} with their weight per thousand inspections. */
    private record Weighted(String outcome, int perMille) {
    }

    private static final List<Weighted> ORGANISATIONS = List.of(
            new Weighted("NO_PROBLEM", 800),
            new Weighted("ORDERED_TO_CORRECT", 70),
            new Weighted("CORRECTED", 50),
            new Weighted("ADMINISTRATIVE_PENALTY", 25),
            new Weighted("ABNORMAL_OPERATION_LISTED", 10),
            new Weighted("SERIOUS_DISHONESTY_LISTED", 5),
            new Weighted("NO_RELEVANT_ACTIVITY", 20),
            new Weighted("UNREACHABLE_AT_REGISTERED_ADDRESS", 10),
            new Weighted("REFERRED", 10));
    private static final List<Weighted> PERSONS = List.of(
            new Weighted("NO_PROBLEM", 940),
            new Weighted("CORRECTED", 40),
            new Weighted("REFERRED", 20));

    /** Outcomes that the publication service pushes to other agencies as sanctions (联合惩戒). */
    static final List<String> SANCTIONS = List.of("ADMINISTRATIVE_PENALTY", "ABNORMAL_OPERATION_LISTED",
            "SERIOUS_DISHONESTY_LISTED");
    /** Outcomes with a problem found: one check item is recorded as not compliant. */
    static final List<String> PROBLEMS = List.of("ORDERED_TO_CORRECT", "CORRECTED", "ADMINISTRATIVE_PENALTY",
            "ABNORMAL_OPERATION_LISTED", "SERIOUS_DISHONESTY_LISTED", "REFERRED");

    private Outcomes() {
    }

    static String pick(SplittableRandom random, boolean person) {
        List<Weighted> table = person ? PERSONS : ORGANISATIONS;
        int total = table.stream().mapToInt(Weighted::perMille).sum();
        int r = random.nextInt(total);
        for (Weighted w : table) {
            r -= w.perMille();
            if (r < 0) {
                return w.outcome();
            }
        }
        throw new IllegalStateException("weights do not add up");
    }
}
