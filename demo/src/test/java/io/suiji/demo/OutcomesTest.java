package io.suiji.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OutcomesTest {

    private static Map<String, Integer> tally(boolean person, long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            counts.merge(Outcomes.pick(random, person), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void mostInspectionsFindNothingSomeFindProblemsAFewEndInSanctions() {
        Map<String, Integer> counts = tally(false, 7, 20_000);
        int none = counts.get("NO_PROBLEM");
        int sanctions = Outcomes.SANCTIONS.stream().mapToInt(o -> counts.getOrDefault(o, 0)).sum();
        assertTrue(none > 15_400 && none < 16_600, "about 80 % find nothing: " + none);
        assertTrue(sanctions > 600 && sanctions < 1_000, "about 4 % end in a sanction: " + sanctions);
        assertEquals(9, counts.size(), "every outcome of the table occurs: " + counts.keySet());
    }

    @Test
    void personsAreNeverFinedOrListedAndTheSameSeedGivesTheSameResults() {
        Map<String, Integer> persons = tally(true, 11, 5_000);
        assertTrue(Outcomes.SANCTIONS.stream().noneMatch(persons::containsKey), persons.toString());
        assertEquals(tally(true, 11, 5_000), persons);
    }
}
