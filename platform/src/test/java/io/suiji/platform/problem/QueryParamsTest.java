package io.suiji.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QueryParamsTest {

    @Test
    void aSearchTextIsStrippedAndBlankMeansAbsent() {
        assertEquals("人力资源", QueryParams.text("q", "  人力资源 "));
        assertNull(QueryParams.text("q", "   "));
    }

    @Test
    void aSearchTextOfTheMaximumLengthInCharactersIsAccepted() {
        String longest = "张".repeat(QueryParams.MAX_TEXT);
        assertEquals(longest, QueryParams.text("q", longest));
    }

    @Test
    void aLongerSearchTextIsA400NamingTheParameter() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> QueryParams.text("department", "x".repeat(QueryParams.MAX_TEXT + 1)));
        Problem problem = e.toProblem("/api/v1/inspectors");
        assertEquals(400, problem.status());
        assertEquals("urn:suiji:problem:invalid-parameter", problem.type());
        assertEquals("department", problem.errors().get(0).field());
    }

    @Test
    void controlCharactersAreRefused() {
        assertEquals("q", assertThrows(ProblemException.class, () -> QueryParams.text("q", "a\u0000b"))
                .toProblem(null).errors().get(0).field());
    }
}
