package io.suiji.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

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
    void everyUnusableParameterIsA400NamingIt() {
        enum Colour { RED, DARK_BLUE }
        assertEquals(Colour.DARK_BLUE, QueryParams.enumValue("colour", "dark-blue", Colour.class));
        assertEquals(20, QueryParams.integer("size", " ", 20, 1, 200));
        assertEquals(java.util.UUID.fromString("01a21cad-840b-7fad-a91f-22ce1f50d4c1"),
                QueryParams.uuid("planId", " 01a21cad-840b-7fad-a91f-22ce1f50d4c1"));
        Map<String, Executable> bad = Map.of(
                "colour", () -> QueryParams.enumValue("colour", "green", Colour.class),
                "size", () -> QueryParams.integer("size", "201", 20, 1, 200),
                "page", () -> QueryParams.integer("page", "one", 0, 0, 10),
                "inForceOn", () -> QueryParams.date("inForceOn", "yesterday"),
                "commit", () -> QueryParams.bool("commit", "maybe"),
                "planId", () -> QueryParams.uuid("planId", "plan-1"));
        bad.forEach((name, call) -> {
            Problem problem = assertThrows(ProblemException.class, call).toProblem(null);
            assertEquals(400, problem.status(), name);
            assertEquals("urn:suiji:problem:invalid-parameter", problem.type(), name);
            assertEquals(name, problem.errors().get(0).field());
        });
    }

    @Test
    void controlCharactersAreRefused() {
        assertEquals("q", assertThrows(ProblemException.class, () -> QueryParams.text("q", "a\u0000b"))
                .toProblem(null).errors().get(0).field());
    }
}
