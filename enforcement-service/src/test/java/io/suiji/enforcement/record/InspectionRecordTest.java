package io.suiji.enforcement.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.enforcement.Penalty;
import io.suiji.platform.problem.Problem.FieldError;
import io.suiji.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The record both drawn inspections and targeted cases keep, and the two-person rule over it. */
class InspectionRecordTest {

    private static final LocalDate OPENED = LocalDate.of(2020, 7, 1);
    private static final LocalDate TODAY = LocalDate.of(2020, 10, 9);
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2020-10-09T10:15:00+08:00");
    private static final Finding OK = new Finding(FindingResult.COMPLIANT, null);

    private static InspectionRecord fresh() {
        return InspectionRecord.empty(List.of("1", "2"), List.of(InspectionMethod.ON_SITE), OPENED, List.of("zhang", "li"));
    }

    private static List<String> fields(ProblemException e) {
        return e.toProblem(null).errors().stream().map(FieldError::field).toList();
    }

    @Test
    void theLastOfTheGroupToConfirmClosesTheRecord() {
        InspectionRecord r = fresh().withFindings(InspectionMethod.ON_SITE, Map.of("1", OK, "2", OK), null, TODAY)
                .withOutcome(Outcome.NO_PROBLEM, null, null, null, TODAY);
        InspectionRecord one = r.confirmedBy("zhang", NOW);
        assertFalse(one.confirmedByAll());
        assertEquals(one, one.confirmedBy("zhang", NOW.plusHours(1)), "confirming twice changes nothing");
        InspectionRecord both = one.confirmedBy("li", NOW);
        assertTrue(both.confirmedByAll());
        assertEquals(TODAY, both.closedOn(TODAY));
        assertEquals(TODAY, both.inspectedOn(), "the inspection date defaults to the day the findings were recorded");
    }

    @Test
    void anyChangeWithdrawsTheConfirmationsGiven() {
        InspectionRecord confirmed = fresh().withFindings(InspectionMethod.ON_SITE, Map.of("1", OK, "2", OK), null, TODAY)
                .withOutcome(Outcome.NO_PROBLEM, null, null, null, TODAY).confirmedBy("zhang", NOW);
        assertEquals(List.of(false, false), confirmed.withOutcome(Outcome.CORRECTED, null, null, null, TODAY).members()
                .stream().map(MemberView::confirmed).toList());
        assertEquals(List.of(false, false), confirmed.withFindings(InspectionMethod.ON_SITE, Map.of("1", OK, "2", OK),
                null, TODAY).members().stream().map(MemberView::confirmed).toList());
    }

    @Test
    void aWholeRecordAtOnceNamesEveryWrongFieldOfBothPartsAndChangesNothing() {
        ProblemException refused = assertThrows(ProblemException.class, () -> fresh().withRecord(InspectionMethod.DOCUMENT_REVIEW,
                Map.of("1", OK, "9", OK), null, Outcome.ADMINISTRATIVE_PENALTY, null, null, null, TODAY));
        assertEquals(422, refused.status());
        assertTrue(fields(refused).containsAll(List.of("method", "findings.9", "penalty.decisionNumber")), fields(refused).toString());

        InspectionRecord whole = fresh().withRecord(InspectionMethod.ON_SITE, Map.of("1", OK, "2", OK), OPENED.plusDays(3),
                Outcome.NO_PROBLEM, null, "无问题", OPENED.plusDays(5), TODAY);
        assertEquals(fresh().withFindings(InspectionMethod.ON_SITE, Map.of("1", OK, "2", OK), OPENED.plusDays(3), TODAY)
                .withOutcome(Outcome.NO_PROBLEM, null, "无问题", OPENED.plusDays(5), TODAY), whole);
        assertEquals(List.of("concludedOn"), fields(assertThrows(ProblemException.class, () -> fresh().withRecord(
                InspectionMethod.ON_SITE, Map.of("1", OK, "2", OK), OPENED.plusDays(3), Outcome.NO_PROBLEM, null, null,
                OPENED.plusDays(1), TODAY))), "the conclusion is not before the inspection date just recorded");
    }

    @Test
    void aSubmissionWithConfirmIsTheSendersConfirmationOfTheWholeRecord() {
        RecordRequests.Submission submission = new RecordRequests.Submission(InspectionMethod.ON_SITE,
                Map.of("1", OK, "2", OK), null, Outcome.NO_PROBLEM, null, null, null, true);
        InspectionRecord confirmedByLi = fresh().withRecord(InspectionMethod.ON_SITE, Map.of("1", OK, "2", OK), null,
                Outcome.NO_PROBLEM, null, null, null, TODAY).confirmedBy("li", NOW);
        InspectionRecord sent = submission.applyTo(confirmedByLi, "zhang", TODAY, NOW);
        assertEquals(List.of(true, false), sent.members().stream().map(MemberView::confirmed).toList(),
                "the sender confirms; the other member's earlier confirmation is withdrawn");
        assertTrue(submission.applyTo(fresh(), "zhang", TODAY, NOW).confirmedBy("li", NOW).confirmedByAll());
        assertEquals(List.of(false, false), new RecordRequests.Submission(InspectionMethod.ON_SITE, Map.of("1", OK, "2", OK),
                null, Outcome.NO_PROBLEM, null, null, null, false).applyTo(fresh(), "zhang", TODAY, NOW).members().stream()
                .map(MemberView::confirmed).toList());
        assertThrows(ProblemException.class, () -> new RecordRequests.Submission(InspectionMethod.ON_SITE, Map.of("1", OK),
                null, Outcome.NO_PROBLEM, null, null, null, true).applyTo(fresh(), "zhang", TODAY, NOW),
                "an incomplete record cannot be confirmed, sent whole or not");
    }

    @Test
    void anIncompleteRecordCannotBeConfirmed() {
        InspectionRecord partial = fresh().withFindings(InspectionMethod.ON_SITE, Map.of("1", OK), null, TODAY);
        ProblemException refused = assertThrows(ProblemException.class, () -> partial.confirmedBy("li", NOW));
        assertEquals(422, refused.status());
        assertEquals(List.of("findings.2", "outcome"), fields(refused));
    }

    @Test
    void theMethodMustBeOneOfTheMattersAndPenaltiesNeedTheirDecision() {
        ProblemException method = assertThrows(ProblemException.class, () -> fresh()
                .withFindings(InspectionMethod.DOCUMENT_REVIEW, Map.of("1", OK), null, TODAY));
        assertEquals(List.of("method"), fields(method));
        assertTrue(method.toProblem(null).errors().get(0).message().contains("ON_SITE (现场检查)"),
                method.toProblem(null).errors().get(0).message());
        assertEquals(List.of("penalty.legalBasis"), fields(assertThrows(ProblemException.class, () -> fresh()
                .withOutcome(Outcome.ADMINISTRATIVE_PENALTY, new Penalty("平人社监罚〔2020〕9号", BigDecimal.TEN, " "),
                        null, null, TODAY))));
    }

    @Test
    void datesOfRecordLieBetweenTheStartAndToday() {
        assertEquals(List.of("inspectedOn"), fields(assertThrows(ProblemException.class, () -> fresh()
                .withFindings(InspectionMethod.ON_SITE, Map.of("1", OK), OPENED.minusDays(1), TODAY))));
        InspectionRecord inspected = fresh().withFindings(InspectionMethod.ON_SITE, Map.of("1", OK, "2", OK),
                TODAY.minusDays(5), TODAY);
        assertEquals(List.of("concludedOn"), fields(assertThrows(ProblemException.class, () -> inspected
                .withOutcome(Outcome.NO_PROBLEM, null, null, TODAY.minusDays(6), TODAY))));
        InspectionRecord concluded = inspected.withOutcome(Outcome.NO_PROBLEM, null, null, TODAY.minusDays(2), TODAY);
        assertEquals(TODAY.minusDays(2), concluded.closedOn(TODAY));
    }
}
