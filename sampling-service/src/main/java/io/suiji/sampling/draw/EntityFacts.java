package io.suiji.sampling.draw;

import io.suiji.contracts.enforcement.Outcome;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the draw knows of one entity of the local registry copy when it freezes a population.
 *
 * @param creditClass         A–D, or null when not graded
 * @param lastInspected       last inspection for one of the task's matters (registry's record or
 *                            enforcement's, whichever is later); null if none known
 * @param departmentInspectionsThisYear inspections closed by the draw's department in the plan's year
 * @param outcomesLastYear    the outcomes of every inspection closed in the year before the plan's,
 *                            by any department
 * @param openCase            under an open targeted (complaint / referral) case
 * @param selectedEarlier     already drawn by an earlier batch of the same task
 */
public record EntityFacts(String id, String region, List<String> targetTypes, String creditClass, int complaints,
                          boolean seriousViolation, LocalDate deregisteredOn, LocalDate lastInspected,
                          int departmentInspectionsThisYear, Set<Outcome> outcomesLastYear, boolean openCase,
                          boolean selectedEarlier) {

    public EntityFacts {
        targetTypes = targetTypes == null ? List.of() : List.copyOf(targetTypes);
        outcomesLastYear = outcomesLastYear == null ? Set.of() : Set.copyOf(outcomesLastYear);
    }
}
