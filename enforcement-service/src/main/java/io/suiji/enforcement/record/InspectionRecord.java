package io.suiji.enforcement.record;

import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.enforcement.Penalty;
import io.suiji.platform.problem.Problem.FieldError;
import io.suiji.platform.problem.ProblemException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * 检查记录 — what an inspector group records of one inspection, drawn (assignment) or targeted
 * (case): the method, the answer per check item, the dates, the outcome and each member's
 * confirmation. Plain Java: a service loads it from its entity, applies one change and stores it
 * back, so that both kinds of inspection follow the same rules. Any change withdraws the
 * confirmations already given, so that every member confirms the same content (三(三)).
 *
 * @param checkItems    the matter version's item numbers; null when unknown (inspectors number them)
 * @param methods       the matter's 检查方式; empty when unknown (then any method is accepted)
 * @param notBefore     the earliest date of record (batch start, or the day a case was opened)
 * @param inspectedOn   检查日期
 * @param concludedOn   结论日期 when entered after the fact; null = the day the record closes
 * @param confirmations every member of the group, in order, with the time they confirmed (null: not yet)
 */
public record InspectionRecord(List<String> checkItems, List<InspectionMethod> methods, LocalDate notBefore,
                               InspectionMethod method, Map<String, Finding> findings, LocalDate inspectedOn,
                               Outcome outcome, Penalty penalty, String outcomeNotes, LocalDate concludedOn,
                               Map<String, OffsetDateTime> confirmations) {

    public InspectionRecord {
        checkItems = checkItems == null ? null : List.copyOf(checkItems);
        methods = methods == null ? List.of() : List.copyOf(methods);
        findings = findings == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(findings));
        // Confirmation times may be null, which Map.copyOf refuses.
        confirmations = Collections.unmodifiableMap(new LinkedHashMap<>(confirmations));
    }

    /** A fresh record for a group, nothing recorded yet. */
    public static InspectionRecord empty(List<String> checkItems, List<InspectionMethod> methods, LocalDate notBefore,
                                         List<String> group) {
        Map<String, OffsetDateTime> confirmations = new LinkedHashMap<>();
        group.forEach(member -> confirmations.put(member, null));
        return new InspectionRecord(checkItems, methods, notBefore, null, Map.of(), null, null, null, null, null,
                confirmations);
    }

    public boolean isMember(String inspectorId) {
        return confirmations.containsKey(inspectorId);
    }

    /** Method and answers (422 naming each wrong field); the inspection date defaults to the earlier one, else today. */
    public InspectionRecord withFindings(InspectionMethod newMethod, Map<String, Finding> newFindings,
                                         LocalDate newInspectedOn, LocalDate today) {
        List<FieldError> errors = new ArrayList<>(InspectionRules.findingErrors(checkItems, newFindings, newMethod, methods));
        errors.addAll(InspectionRules.dateErrors("inspectedOn", newInspectedOn, today, notBefore));
        refuse(errors);
        LocalDate day = newInspectedOn != null ? newInspectedOn : inspectedOn != null ? inspectedOn : today;
        return new InspectionRecord(checkItems, methods, notBefore, newMethod, newFindings, day, outcome, penalty,
                outcomeNotes, concludedOn, withdrawn());
    }

    /** One of the ten outcomes; 行政处罚 needs its decision (422 naming each missing part). */
    public InspectionRecord withOutcome(Outcome newOutcome, Penalty newPenalty, String notes, LocalDate newConcludedOn,
                                        LocalDate today) {
        List<FieldError> errors = new ArrayList<>(InspectionRules.outcomeErrors(newOutcome, newPenalty));
        errors.addAll(InspectionRules.dateErrors("concludedOn", newConcludedOn, today,
                inspectedOn != null ? inspectedOn : notBefore));
        refuse(errors);
        Penalty kept = newPenalty == null ? null
                : new Penalty(newPenalty.decisionNumber().strip(), newPenalty.amount(), newPenalty.legalBasis().strip());
        return new InspectionRecord(checkItems, methods, notBefore, method, findings, inspectedOn, newOutcome, kept,
                notes, newConcludedOn, withdrawn());
    }

    /**
     * Findings and outcome in one go, as an inspector's device sends the whole record after the visit:
     * every wrong field of both parts in one 422 (the conclusion date is checked against the new
     * inspection date once the rest is right).
     */
    public InspectionRecord withRecord(InspectionMethod newMethod, Map<String, Finding> newFindings, LocalDate newInspectedOn,
                                       Outcome newOutcome, Penalty newPenalty, String notes, LocalDate newConcludedOn,
                                       LocalDate today) {
        List<FieldError> errors = new ArrayList<>(InspectionRules.findingErrors(checkItems, newFindings, newMethod, methods));
        errors.addAll(InspectionRules.dateErrors("inspectedOn", newInspectedOn, today, notBefore));
        errors.addAll(InspectionRules.outcomeErrors(newOutcome, newPenalty));
        refuse(errors);
        return withFindings(newMethod, newFindings, newInspectedOn, today)
                .withOutcome(newOutcome, newPenalty, notes, newConcludedOn, today);
    }

    /**
     * {@code member} confirms the record as it stands: 422 listing what it lacks (unanswered items,
     * method, outcome). Confirming twice changes nothing.
     */
    public InspectionRecord confirmedBy(String member, OffsetDateTime at) {
        if (!isMember(member)) {
            throw new IllegalArgumentException(member + " is not of the group");
        }
        refuse(InspectionRules.closingErrors(checkItems, findings, method, outcome, penalty));
        Map<String, OffsetDateTime> confirmed = new LinkedHashMap<>(confirmations);
        if (confirmed.get(member) == null) {
            confirmed.put(member, at);
        }
        return new InspectionRecord(checkItems, methods, notBefore, method, findings, inspectedOn, outcome, penalty,
                outcomeNotes, concludedOn, confirmed);
    }

    /** Every member has confirmed: the inspection is closed. */
    public boolean confirmedByAll() {
        return !confirmations.isEmpty() && confirmations.values().stream().allMatch(at -> at != null);
    }

    /** The date the inspection closes as of: its date of conclusion, else today. */
    public LocalDate closedOn(LocalDate today) {
        return concludedOn != null ? concludedOn : today;
    }

    public List<String> unanswered() {
        return InspectionRules.unanswered(checkItems, findings);
    }

    public List<String> group() {
        return List.copyOf(confirmations.keySet());
    }

    public List<MemberView> members() {
        return confirmations.entrySet().stream()
                .map(e -> new MemberView(e.getKey(), e.getValue() != null, e.getValue())).toList();
    }

    private Map<String, OffsetDateTime> withdrawn() {
        Map<String, OffsetDateTime> none = new LinkedHashMap<>();
        confirmations.keySet().forEach(member -> none.put(member, null));
        return none;
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
