package io.suiji.enforcement.record;

import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.enforcement.Penalty;
import io.suiji.platform.problem.Problem.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules of recording an inspection, as plain Java: which findings are acceptable, what a
 * penalty decision must state, and what a record needs before the group may close it.
 *
 * <p>Shared by drawn inspections (assignments) and targeted cases. Check items are known when the
 * record carries the matter version's item numbers; when it does not, findings are keyed by the
 * inspectors' own item numbers and at least one is required.
 */
public final class InspectionRules {

    private InspectionRules() {
    }

    /**
     * Errors of a findings submission: a method outside the matter's 检查方式 ({@code methods}; empty
     * when they are unknown, then any method), unknown items, items without a result.
     */
    public static List<FieldError> findingErrors(List<String> checkItems, Map<String, Finding> findings,
                                                 InspectionMethod method, List<InspectionMethod> methods) {
        List<FieldError> errors = new ArrayList<>();
        List<InspectionMethod> allowed = methods == null || methods.isEmpty() ? List.of(InspectionMethod.values()) : methods;
        if (method == null) {
            errors.add(new FieldError("method", "the inspection method is required (one of " + describe(allowed) + ")"));
        } else if (!allowed.contains(method)) {
            errors.add(new FieldError("method", method + " is not a method (检查方式) of this matter; allowed: "
                    + describe(allowed)));
        }
        if (findings == null || findings.isEmpty()) {
            errors.add(new FieldError("findings", "at least one check item must be answered"));
            return errors;
        }
        findings.forEach((item, finding) -> {
            if (item == null || item.isBlank()) {
                errors.add(new FieldError("findings", "a check item number is blank"));
            } else if (checkItems != null && !checkItems.isEmpty() && !checkItems.contains(item)) {
                errors.add(new FieldError("findings." + item, "is not a check item of this matter " + checkItems));
            } else if (finding == null || finding.result() == null) {
                errors.add(new FieldError("findings." + item + ".result",
                        "is required (COMPLIANT, NON_COMPLIANT or NOT_APPLICABLE)"));
            }
        });
        return errors;
    }

    /** Errors of an outcome: 行政处罚 needs its decision number, amount and legal basis. */
    public static List<FieldError> outcomeErrors(Outcome outcome, Penalty penalty) {
        List<FieldError> errors = new ArrayList<>();
        if (outcome == null) {
            errors.add(new FieldError("outcome", "is required (one of " + List.of(Outcome.values()) + ")"));
            return errors;
        }
        if (outcome != Outcome.ADMINISTRATIVE_PENALTY) {
            if (penalty != null) {
                errors.add(new FieldError("penalty", "is only recorded with outcome ADMINISTRATIVE_PENALTY"));
            }
            return errors;
        }
        if (penalty == null || blank(penalty.decisionNumber())) {
            errors.add(new FieldError("penalty.decisionNumber", "行政处罚 requires the decision number (处罚决定书文号)"));
        }
        if (penalty == null || penalty.amount() == null) {
            errors.add(new FieldError("penalty.amount", "行政处罚 requires the amount in yuan"));
        } else if (penalty.amount().compareTo(BigDecimal.ZERO) < 0) {
            errors.add(new FieldError("penalty.amount", "must not be negative"));
        }
        if (penalty == null || blank(penalty.legalBasis())) {
            errors.add(new FieldError("penalty.legalBasis", "行政处罚 requires the legal basis (处罚依据)"));
        }
        return errors;
    }

    /** Check items still without an answer; when the items are unknown, nothing can be listed. */
    public static List<String> unanswered(List<String> checkItems, Map<String, Finding> findings) {
        if (checkItems == null || checkItems.isEmpty()) {
            return List.of();
        }
        return checkItems.stream()
                .filter(item -> findings == null || findings.get(item) == null || findings.get(item).result() == null)
                .toList();
    }

    /** What a record lacks before its group may confirm and close it; empty when it is complete. */
    public static List<FieldError> closingErrors(List<String> checkItems, Map<String, Finding> findings,
                                                 InspectionMethod method, Outcome outcome, Penalty penalty) {
        List<FieldError> errors = new ArrayList<>();
        for (String item : unanswered(checkItems, findings)) {
            errors.add(new FieldError("findings." + item, "check item " + item + " is unanswered"));
        }
        if ((checkItems == null || checkItems.isEmpty()) && (findings == null || findings.isEmpty())) {
            errors.add(new FieldError("findings", "no check item is answered; at least one is required"));
        }
        if (method == null) {
            errors.add(new FieldError("method", "the inspection method is not recorded"));
        }
        if (outcome == null) {
            errors.add(new FieldError("outcome", "the outcome is not recorded"));
        } else {
            errors.addAll(outcomeErrors(outcome, penalty));
        }
        return errors;
    }

    private static String describe(List<InspectionMethod> methods) {
        return methods.stream().map(m -> m.name() + " (" + m.label() + ")").toList().toString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * Errors of a date of record ({@code inspectedOn}, {@code concludedOn}): never in the future,
     * never before {@code notBefore} (the batch start, or the inspection date for a conclusion).
     */
    public static List<FieldError> dateErrors(String field, LocalDate date, LocalDate today, LocalDate notBefore) {
        if (date == null) {
            return List.of();
        }
        if (date.isAfter(today)) {
            return List.of(new FieldError(field, "must not be in the future (today is " + today + ")"));
        }
        if (notBefore != null && date.isBefore(notBefore)) {
            return List.of(new FieldError(field, "must not be before " + notBefore));
        }
        return List.of();
    }
}
