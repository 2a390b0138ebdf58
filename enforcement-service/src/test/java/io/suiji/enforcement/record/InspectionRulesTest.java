package io.suiji.enforcement.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.enforcement.Penalty;
import io.suiji.platform.problem.Problem.FieldError;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InspectionRulesTest {

    private static final Finding OK = new Finding(FindingResult.COMPLIANT, null);

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aPenaltyNeedsDecisionNumberAmountAndLegalBasis() {
        assertEquals(List.of("penalty.decisionNumber", "penalty.amount", "penalty.legalBasis"),
                fields(InspectionRules.outcomeErrors(Outcome.ADMINISTRATIVE_PENALTY, null)));
        assertEquals(List.of("penalty.amount"), fields(InspectionRules.outcomeErrors(Outcome.ADMINISTRATIVE_PENALTY,
                new Penalty("平人社监罚〔2020〕1号", new BigDecimal("-1"), "条例"))));
        assertTrue(InspectionRules.outcomeErrors(Outcome.ADMINISTRATIVE_PENALTY,
                new Penalty("平人社监罚〔2020〕1号", new BigDecimal("2000"), "条例")).isEmpty());
        assertEquals(List.of("penalty"), fields(InspectionRules.outcomeErrors(Outcome.NO_PROBLEM,
                new Penalty("x", BigDecimal.ONE, "y"))));
        assertEquals(List.of("outcome"), fields(InspectionRules.outcomeErrors(null, null)));
    }

    @Test
    void knownCheckItemsMustAllBeAnsweredAndNoOthers() {
        List<String> items = List.of("1", "2", "3");
        assertEquals(List.of("2", "3"), InspectionRules.unanswered(items, Map.of("1", OK)));
        assertEquals(List.of("findings.9"), fields(InspectionRules.findingErrors(items, Map.of("9", OK), InspectionMethod.ON_SITE, List.of())));
        assertEquals(List.of("findings.2", "findings.3"), fields(InspectionRules.closingErrors(items, Map.of("1", OK),
                InspectionMethod.ON_SITE, Outcome.NO_PROBLEM, null)));
        assertTrue(InspectionRules.closingErrors(items, Map.of("1", OK, "2", OK, "3", OK), InspectionMethod.ON_SITE,
                Outcome.NO_PROBLEM, null).isEmpty());
    }

    @Test
    void unknownCheckItemsNeedAtLeastOneAnswerWithAResult() {
        assertEquals(List.of("findings"), fields(InspectionRules.findingErrors(null, Map.of(), InspectionMethod.ON_SITE, List.of())));
        assertEquals(List.of("findings.4.result"), fields(InspectionRules.findingErrors(null,
                Map.of("4", new Finding(null, "没填")), InspectionMethod.ON_SITE, List.of())));
        assertEquals(List.of("findings", "method", "outcome"), fields(InspectionRules.closingErrors(null, Map.of(), null, null, null)));
        assertTrue(InspectionRules.closingErrors(null, Map.of("7", OK), InspectionMethod.ONLINE_DATA_COMPARISON,
                Outcome.REFERRED, null).isEmpty());
    }

    @Test
    void aDateOfRecordLiesBetweenItsLowerBoundAndToday() {
        java.time.LocalDate today = java.time.LocalDate.of(2020, 10, 9);
        java.time.LocalDate start = java.time.LocalDate.of(2020, 7, 1);
        assertTrue(InspectionRules.dateErrors("inspectedOn", null, today, start).isEmpty());
        assertTrue(InspectionRules.dateErrors("inspectedOn", start, today, start).isEmpty());
        assertTrue(InspectionRules.dateErrors("inspectedOn", today, today, null).isEmpty());
        assertEquals("must not be before 2020-07-01",
                InspectionRules.dateErrors("inspectedOn", start.minusDays(1), today, start).get(0).message());
        assertEquals(List.of("concludedOn"), fields(InspectionRules.dateErrors("concludedOn", today.plusDays(1), today, start)));
    }

    @Test
    void theMethodIsOneOfTheMattersWhenTheyAreKnown() {
        List<InspectionMethod> onSite = List.of(InspectionMethod.ON_SITE);
        assertTrue(InspectionRules.findingErrors(null, Map.of("1", OK), InspectionMethod.ON_SITE, onSite).isEmpty());
        assertEquals(List.of("method"), fields(InspectionRules.findingErrors(null, Map.of("1", OK),
                InspectionMethod.ONLINE_DATA_COMPARISON, onSite)));
        assertTrue(InspectionRules.findingErrors(null, Map.of("1", OK), InspectionMethod.ONLINE_DATA_COMPARISON,
                List.of()).isEmpty(), "methods unknown: any is accepted");
    }
}
