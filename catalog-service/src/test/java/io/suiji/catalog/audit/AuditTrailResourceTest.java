package io.suiji.catalog.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.suiji.catalog.Fixtures;
import io.suiji.platform.audit.AuditLog;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Component test of the audit trail (全程留痕) on catalog-service's real PostgreSQL test database:
 * writes through the API, callers faked by {@code @TestSecurity} (a city and a county auditor, by their
 * region attribute), a scheduled job's entry appended through {@link AuditLog}, and a row tampered
 * with directly in the database (its append-only triggers switched off for the moment, as only the
 * table owner can).
 */
@QuarkusTest
class AuditTrailResourceTest {

    private static final String MATTERS = "/api/v1/matters";
    private static final String AUDIT = "/api/v1/audit";
    private static final String COUNTY = "410402";
    /** The recomputation docs/audit.md gives auditors, verbatim: true for every intact row. */
    static final String RECOMPUTE = """
            select sequence, hash = encode(sha256(convert_to('SUIJI-AUDIT-1' || E'\\n' || (
                       select string_agg(coalesce(octet_length(v) || ':' || v, '-') || E'\\n', '' order by n)
                       from unnest(array[sequence::text,
                                         to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                                         actor, roles, region, action, target_type, target_id,
                                         before_digest, after_digest, previous_hash]) with ordinality as f(v, n)),
                   'UTF8')), 'hex') as intact
            from audit_log order by sequence""";

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Test
    @TestSecurity(user = "planner-city", roles = "planner", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void aWriteIsRecordedAgainstItsCallerRoleAndRegion() {
        String code = Fixtures.code();
        given().contentType("application/json").body(Fixtures.complete(code, Fixtures.name()))
                .post(MATTERS).then().statusCode(201);
        given().post(MATTERS + "/" + code + "/publish").then().statusCode(200);

        List<Object[]> rows = rows(code);
        assertEquals(2, rows.size());
        Object[] drafted = rows.get(0);
        assertEquals(List.of("planner-city", "planner", "410400", "matter.drafted", "matter"),
                List.of(drafted[1], drafted[2], drafted[3], drafted[4], drafted[5]));
        assertNull(drafted[6], "a created record has no before");
        assertNotNull(drafted[7]);
        Object[] published = rows.get(1);
        assertEquals("matter.published", published[4]);
        assertEquals(drafted[7], published[6], "the draft's state is the state before it was published");
        assertTrue(((Number) published[0]).longValue() > ((Number) drafted[0]).longValue());
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void aRejectedWriteLeavesNoEntry() {
        String code = Fixtures.code();
        given().contentType("application/json")
                .body("{\"code\":\"" + code + "\",\"name\":\"" + Fixtures.name() + "\",\"category\":\"GENERAL\",\"ratio\":{\"percent\":150}}")
                .post(MATTERS).then().statusCode(422);
        assertEquals(List.of(), rows(code));
    }

    @Test
    @TestSecurity(user = "auditor-city", roles = {"auditor", "planner"}, attributes = @SecurityAttribute(key = "region", value = "410400"))
    void aTamperedRowIsTheFirstBrokenLinkUntilItIsRestored() {
        String code = Fixtures.code();
        given().contentType("application/json").body(Fixtures.complete(code, Fixtures.name())).post(MATTERS)
                .then().statusCode(201);
        for (String note : List.of("一", "二")) {
            given().contentType("application/json").body("{\"changeNote\":\"" + note + "\",\"checkItems\":[\"检查项" + note + "\"]}")
                    .post(MATTERS + "/" + code + "/revisions").then().statusCode(200);
        }
        given().get(AUDIT + "/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("firstBrokenLink", nullValue());
        long tampered = ((Number) rows(code).get(1)[0]).longValue();
        given().queryParam("afterSequence", tampered - 1).queryParam("limit", 1).get(AUDIT).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].sequence", equalTo((int) tampered))
                .body("[0].actor", equalTo("auditor-city")).body("[0].targetId", equalTo(code));

        assertThrows(RuntimeException.class, () -> sql("update audit_log set actor = 'mallory' where sequence = " + tampered),
                "the trigger keeps the trail append-only");

        sqlWithoutTriggers("update audit_log set actor = 'mallory' where sequence = " + tampered);
        try {
            given().get(AUDIT + "/verify").then().statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenLink.sequence", equalTo((int) tampered))
                    .body("firstBrokenLink.problem", startsWith("hash mismatch"));
            assertEquals(List.of(tampered), brokenByHandRecomputation());
        } finally {
            sqlWithoutTriggers("update audit_log set actor = 'auditor-city' where sequence = " + tampered);
        }
        given().get(AUDIT + "/verify").then().statusCode(200).body("valid", equalTo(true));
        assertEquals(List.of(), brokenByHandRecomputation());
    }

    @Test
    @TestSecurity(user = "auditor-city", roles = {"auditor", "planner"}, attributes = @SecurityAttribute(key = "region", value = "410400"))
    void aDeletedRowIsAGapAtItsSequence() {
        String code = Fixtures.code();
        given().contentType("application/json").body(Fixtures.complete(code, Fixtures.name())).post(MATTERS)
                .then().statusCode(201);
        given().post(MATTERS + "/" + code + "/publish").then().statusCode(200);
        long deleted = ((Number) rows(code).get(0)[0]).longValue();
        sqlWithoutTriggers("drop table if exists kept_audit_row; create table kept_audit_row as select * from audit_log where sequence = "
                + deleted + "; delete from audit_log where sequence = " + deleted);
        try {
            given().get(AUDIT + "/verify").then().statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenLink.sequence", equalTo((int) deleted))
                    .body("firstBrokenLink.problem", startsWith("gap in sequence"));
        } finally {
            sqlWithoutTriggers("insert into audit_log select * from kept_audit_row; drop table kept_audit_row");
        }
        given().get(AUDIT + "/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    @TestSecurity(user = "auditor-city", roles = "auditor", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void badPagingIsA400NamingTheParameter() {
        given().queryParam("limit", 5000).get(AUDIT).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:suiji:problem:invalid-parameter"))
                .body("errors.field", hasItem("limit"));
        given().queryParam("afterSequence", "x").get(AUDIT).then().statusCode(400)
                .body("errors.field", hasItem("afterSequence"));
    }

    // ---- region scoping (docs/audit.md): a county reads its own county's rows, the city every row

    @Test
    @TestSecurity(user = "auditor-xinhua", roles = {"auditor", "planner"}, attributes = @SecurityAttribute(key = "region", value = COUNTY))
    void aCountyAuditorReadsOnlyTheEntriesItsCountyWrote() {
        String code = Fixtures.code();
        given().contentType("application/json").body(Fixtures.complete(code, Fixtures.name())).post(MATTERS)
                .then().statusCode(201);
        long own = ((Number) rows(code).get(0)[0]).longValue();
        long job = jobEntry();

        List<Integer> listed = given().queryParam("afterSequence", own - 1).queryParam("limit", 1000).get(AUDIT)
                .then().statusCode(200).body("region", everyItem(equalTo(COUNTY))).extract().path("sequence");
        assertTrue(listed.contains((int) own), "its own write");
        assertFalse(listed.contains((int) job), "a job's entry, which has no region");
        assertEquals(List.of((int) own), given().queryParam("afterSequence", own - 1).queryParam("limit", 1).get(AUDIT)
                .then().statusCode(200).extract().path("sequence"), "paging counts the county's entries only");
    }

    @Test
    @TestSecurity(user = "auditor-city", roles = "auditor", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void aCityAuditorReadsEveryEntry() {
        long job = jobEntry();
        List<Integer> listed = given().queryParam("limit", 1000).get(AUDIT).then().statusCode(200).extract().path("sequence");
        assertEquals(sequences(1000), listed.stream().map(Integer::longValue).toList());
        given().queryParam("afterSequence", job - 1).get(AUDIT).then().statusCode(200)
                .body("sequence", equalTo(List.of((int) job))).body("[0].actor", equalTo("system:audit-test"));
    }

    @Test
    @TestSecurity(user = "auditor-xinhua", roles = "auditor", attributes = @SecurityAttribute(key = "region", value = COUNTY))
    void aCountyAuditorLearnsWhereAndHowTheChainBreaksButNoHashOfAnotherRow() {
        long job = jobEntry();
        long entries = ((Number) em.createNativeQuery("select count(*) from audit_log").getSingleResult()).longValue();
        sqlWithoutTriggers("update audit_log set actor = 'mallory' where sequence = " + job);
        try {
            given().get(AUDIT + "/verify").then().statusCode(200)
                    .body("valid", equalTo(false))
                    .body("entries", equalTo((int) entries))
                    .body("firstBrokenLink.sequence", equalTo((int) job))
                    .body("firstBrokenLink.kind", equalTo("HASH_MISMATCH"))
                    .body("firstBrokenLink.problem", equalTo("hash mismatch"));
        } finally {
            sqlWithoutTriggers("update audit_log set actor = 'system:audit-test' where sequence = " + job);
        }
        given().get(AUDIT + "/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    @TestSecurity(user = "auditor-nowhere", roles = "auditor")
    void anAuditorWithoutARegionReadsNoEntries() {
        jobEntry();
        given().get(AUDIT).then().statusCode(200).body("size()", equalTo(0));
        given().get(AUDIT + "/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    @TestSecurity(user = "planner-city", roles = "planner")
    void aPlannerMayNotReadTheTrail() {
        given().get(AUDIT + "/verify").then().statusCode(403);
        given().get(AUDIT).then().statusCode(403);
    }

    @Test
    void anAnonymousCallerMustAuthenticate() {
        given().get(AUDIT + "/verify").then().statusCode(401);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String code) {
        return em.createNativeQuery("""
                        select sequence, actor, roles, region, action, target_type, before_digest, after_digest
                        from audit_log where target_id = ?1 order by sequence""")
                .setParameter(1, code).getResultList();
    }

    /** A scheduled job's entry (no region), appended as a job appends it, after every entry so far. */
    private long jobEntry() {
        return QuarkusTransaction.requiringNew().call(() -> audit.appendAsSystem("audit-test", "test.recorded", "test",
                UUID.randomUUID(), null, Map.of("n", 1)).sequence());
    }

    @SuppressWarnings("unchecked")
    private List<Long> sequences(int limit) {
        List<Number> rows = em.createNativeQuery("select sequence from audit_log order by sequence limit " + limit)
                .getResultList();
        return rows.stream().map(Number::longValue).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Long> brokenByHandRecomputation() {
        List<Object[]> rows = em.createNativeQuery(RECOMPUTE).getResultList();
        assertTrue(rows.size() > 2);
        return rows.stream().filter(r -> !(Boolean) r[1]).map(r -> ((Number) r[0]).longValue()).toList();
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    // What an intruder with the table owner's password could do; the chain is what gives it away.
    private void sqlWithoutTriggers(String statements) {
        sql("alter table audit_log disable trigger user; " + statements + "; alter table audit_log enable trigger user");
    }
}
