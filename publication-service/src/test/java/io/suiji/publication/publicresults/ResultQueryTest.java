package io.suiji.publication.publicresults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.suiji.contracts.enforcement.Outcome;
import io.suiji.platform.problem.Problem;
import org.junit.jupiter.api.Test;

class ResultQueryTest {

    @Test
    void acceptsCodesOrChineseLabelsAndDefaultsThePage() {
        ResultQuery q = ResultQuery.parse(" 建筑 ", " 91410400ma40000001 ", "PDS-RS-01", "2020", "410400", "行政处罚", null, null).query();
        assertEquals("建筑", q.name());
        assertEquals("91410400MA40000001", q.code());
        assertEquals(2020, q.year());
        assertEquals(Outcome.ADMINISTRATIVE_PENALTY, q.outcome());
        assertEquals(0, q.page());
        assertEquals(ResultQuery.DEFAULT_SIZE, q.size());
        assertEquals(Outcome.CORRECTED, ResultQuery.parse(null, null, null, null, null, "CORRECTED", "3", "100").query().outcome());
    }

    @Test
    void namesEveryBadParameter() {
        var parsed = ResultQuery.parse("x".repeat(51), "91410400MA4000000", "a\u0000b", "99999", "4104", "nope", "abc", "0");
        assertNull(parsed.query());
        assertEquals(java.util.List.of("name", "code", "matter", "year", "region", "outcome", "page", "size"),
                parsed.errors().stream().map(Problem.FieldError::field).toList());
    }
}
