package io.suiji.sampling.draw;

import java.time.LocalDate;
import java.util.List;

/**
 * What the draw knows of one entity of the local registry copy when it freezes a population.
 *
 * @param creditClass         A–D, or null when not graded
 * @param lastInspected       last inspection for one of the task's matters (registry's record or
 *                            enforcement's, whichever is later); null if none known
 * @param inspectionsThisYear inspections in the plan's year (the larger of the two sources)
 * @param openCase            under an open targeted (complaint / referral) case
 * @param selectedEarlier     already drawn by an earlier batch of the same task
 */
public record EntityFacts(String id, String region, List<String> targetTypes, String creditClass, int complaints,
                          boolean seriousViolation, LocalDate deregisteredOn, LocalDate lastInspected,
                          int inspectionsThisYear, boolean openCase, boolean selectedEarlier) {

    public EntityFacts {
        targetTypes = targetTypes == null ? List.of() : List.copyOf(targetTypes);
    }
}
