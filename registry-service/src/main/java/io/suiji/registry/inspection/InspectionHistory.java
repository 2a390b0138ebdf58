package io.suiji.registry.inspection;

import io.suiji.contracts.enforcement.Outcome;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a closed inspection changes on an entity, as plain Java: the last inspection per matter
 * (never moved back by a late event), the count of inspections of the year (a new year restarts
 * it; an event of a past year leaves it alone), and the listings the outcome imposes.
 */
public record InspectionHistory(
        Map<String, LocalDate> lastInspectedByMatter,
        int inspectionsThisYear,
        int inspectionsYear,
        boolean abnormalOperation,
        boolean seriousViolation) {

    public InspectionHistory {
        lastInspectedByMatter = new TreeMap<>(lastInspectedByMatter);
    }

    public InspectionHistory after(String matterCode, LocalDate closedOn, Outcome outcome) {
        Map<String, LocalDate> dates = new TreeMap<>(lastInspectedByMatter);
        if (matterCode != null) {
            dates.merge(matterCode, closedOn, (a, b) -> a.isAfter(b) ? a : b);
        }
        int year = closedOn.getYear();
        int count = inspectionsThisYear;
        int countYear = inspectionsYear;
        if (year > countYear) {
            countYear = year;
            count = 1;
        } else if (year == countYear) {
            count++;
        }
        return new InspectionHistory(dates, count, countYear,
                abnormalOperation || outcome == Outcome.ABNORMAL_OPERATION_LISTED,
                seriousViolation || outcome == Outcome.SERIOUS_DISHONESTY_LISTED);
    }
}
