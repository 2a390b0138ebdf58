package io.suiji.publication.calendar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Component test of the calendar API on the real test database, seeded at start with the bundled
 * 2020–2026 calendar. Years loaded here: 2027 (only {@link #loadingTheNextYearSettlesACrossingDeadline}),
 * 2031–2032; 2028 and 2029 only in refused loads.
 */
@QuarkusTest
class CalendarResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void theIssuesExampleIsPublic() {
        given().queryParam("from", "2020-09-25").queryParam("add", "20")
                .get("/api/v1/calendar/working-days")
                .then().statusCode(200)
                .body("date", equalTo("2020-10-29"))
                .body("provisional", equalTo(false))
                .body("$", not(hasKey("missingYears")))
                .body("$", not(hasKey("note")));
    }

    @Test
    void countingBetweenTwoDatesExcludesTheFirstAndIncludesTheLast() {
        given().get("/api/v1/calendar/working-days?from=2020-09-25&to=2020-10-29")
                .then().statusCode(200)
                .body("workingDays", equalTo(20))
                .body("provisional", equalTo(false));
        given().get("/api/v1/calendar/working-days?from=2020-01-23&to=2020-02-02")
                .then().statusCode(200).body("workingDays", equalTo(0));
        given().get("/api/v1/calendar/working-days?from=2022-12-30&add=1")
                .then().statusCode(200).body("date", equalTo("2023-01-03"));
        given().get("/api/v1/calendar/working-days?from=2020-10-01&add=0")
                .then().statusCode(200).body("date", equalTo("2020-10-01"));
        given().get("/api/v1/calendar/working-days?from=2020-01-01&add=1000")
                .then().statusCode(200).body("date", equalTo("2024-01-04")).body("provisional", equalTo(false));
    }

    @Test
    @TestSecurity(user = "admin-city", roles = "admin")
    void loadingTheNextYearSettlesACrossingDeadline() {
        given().get("/api/v1/calendar/working-days?from=2026-12-28&add=5")
                .then().statusCode(200)
                .body("date", equalTo("2027-01-04"))
                .body("provisional", equalTo(true))
                .body("missingYears", equalTo(java.util.List.of(2027)))
                .body("note", containsString("2027年的节假日安排尚未载入"));
        given().get("/api/v1/calendar/working-days?from=2026-12-20&to=2027-01-10")
                .then().statusCode(200).body("provisional", equalTo(true));

        // A made-up 2027 (its notice is not known when this is written): 元旦 01-01…01-03.
        given().contentType(ContentType.JSON).body("""
                {"noticeId": "test-2027", "source": "test data",
                 "daysOff": ["2027-01-01", "2027-01-02", "2027-01-03"], "workingWeekendDays": []}""")
                .put("/api/v1/calendar/years/2027")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/calendar/years/2027"))
                .body("revision", equalTo(1))
                .body("origin", equalTo("API"))
                .body("noticeTitle", equalTo("国务院办公厅关于2027年部分节假日安排的通知"));

        given().get("/api/v1/calendar/working-days?from=2026-12-28&add=5")
                .then().statusCode(200)
                .body("date", equalTo("2027-01-05"))
                .body("provisional", equalTo(false));
        given().get("/api/v1/calendar/years").then().statusCode(200)
                .body("find { it.year == 2027 }.noticeId", equalTo("test-2027"));
    }

    @Test
    void theLoadedYearsArePublicWithTheirNotices() {
        given().get("/api/v1/calendar/years").then().statusCode(200)
                .body("year", hasItems(2020, 2021, 2022, 2023, 2024, 2025, 2026))
                .body("find { it.year == 2020 }.noticeId", equalTo("5454164"))
                .body("find { it.year == 2020 }.amendingNoticeIds", equalTo(java.util.List.of("5472352")))
                .body("find { it.year == 2020 }.daysOff", equalTo(30))
                .body("find { it.year == 2026 }.noticeId", equalTo("7047090"))
                .body("find { it.year == 2026 }.origin", equalTo("BUNDLED"))
                .body("find { it.year == 2023 }.noticeTitle", equalTo("国务院办公厅关于2023年部分节假日安排的通知"));
        given().get("/api/v1/calendar/years/2023").then().statusCode(200)
                .body("daysOff[0]", equalTo("2022-12-31"))
                .body("workingWeekendDays", hasItem("2023-10-08"))
                .body("source", containsString("content_5730844"))
                .body("$", not(hasKey("loadedBy")));
        given().get("/api/v1/calendar/years/2019").then().statusCode(404).contentType(PROBLEM);
        given().get("/api/v1/calendar/years/abc").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("year"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "add=20                      | from",
        "from=2020-13-01&add=1       | from",
        "from=2020-02-30&add=1       | from",
        "from=20200925&add=1         | from",
        "from=+12020-09-25&add=1     | from",
        "from=1899-12-31&add=1       | from",
        "from=2020-09-25             | add",
        "from=2020-09-25&add=abc     | add",
        "from=2020-09-25&add=-1      | add",
        "from=2020-09-25&add=1001    | add",
        "from=2020-09-25&add=1.5     | add",
        "from=2020-09-25&add=99999999999999 | add",
        "from=2020-09-25&add=1&to=2020-10-01 | to",
        "from=2020-09-25&to=2020-09-24 | to",
        "from=2020-09-25&to=tomorrow | to",
    })
    void badParametersAre400NamingTheParameter(String query, String field) {
        given().get("/api/v1/calendar/working-days?" + query)
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:suiji:problem:invalid-parameter"))
                .body("errors.field", hasItem(field));
    }

    @Test
    void everyBadParameterIsNamedAtOnce() {
        given().get("/api/v1/calendar/working-days?from=yesterday&add=many")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(java.util.List.of("from", "add")));
    }

    @Test
    void loadingAYearNeedsAToken() {
        given().contentType(ContentType.JSON).body("{\"noticeId\": \"1\", \"daysOff\": [\"2031-01-01\"]}")
                .put("/api/v1/calendar/years/2031")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "publisher-city", roles = "publisher")
    void loadingAYearIsForAdministratorsOnly() {
        given().contentType(ContentType.JSON).body("{\"noticeId\": \"1\", \"daysOff\": [\"2031-01-01\"]}")
                .put("/api/v1/calendar/years/2031")
                .then().statusCode(403).contentType(PROBLEM);
        given().get("/api/v1/calendar/years/2020/revisions").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "admin-city", roles = "admin")
    void replacingAYearKeepsItsHistoryAndTheSameDataIsNoChange() {
        String first = """
                {"year": 2031, "noticeId": "test-2031", "daysOff": ["2031-01-01"], "workingWeekendDays": ["2031-01-04"]}""";
        given().contentType(ContentType.JSON).body(first).put("/api/v1/calendar/years/2031")
                .then().statusCode(201).body("revision", equalTo(1));
        given().contentType(ContentType.JSON).body(first).put("/api/v1/calendar/years/2031")
                .then().statusCode(200).body("revision", equalTo(1));
        given().get("/api/v1/calendar/working-days?from=2031-01-03&add=1")
                .then().statusCode(200).body("date", equalTo("2031-01-04"));

        given().contentType(ContentType.JSON).body("""
                {"noticeId": "test-2031-b", "daysOff": ["2031-01-01", "2031-01-02"]}""")
                .put("/api/v1/calendar/years/2031")
                .then().statusCode(200)
                .body("revision", equalTo(2))
                .body("daysOff", equalTo(java.util.List.of("2031-01-01", "2031-01-02")))
                .body("workingWeekendDays", equalTo(java.util.List.of()));
        given().get("/api/v1/calendar/working-days?from=2031-01-03&add=1")
                .then().statusCode(200).body("date", equalTo("2031-01-06"));

        given().get("/api/v1/calendar/years/2031/revisions").then().statusCode(200)
                .body("revision", equalTo(java.util.List.of(1, 2)))
                .body("noticeId", equalTo(java.util.List.of("test-2031", "test-2031-b")))
                .body("loadedBy", equalTo(java.util.List.of("admin-city", "admin-city")));
    }

    @Test
    @TestSecurity(user = "admin-city", roles = "admin")
    void aBadYearIs422ListingEveryProblemAndStoresNothing() {
        given().contentType(ContentType.JSON).body("""
                {"year": 2029, "noticeId": "",
                 "daysOff": ["2028-05-01", "2028-02-30", "2028-05-01", "2029-01-01"],
                 "workingWeekendDays": ["2028-01-05", "2028-05-01"],
                 "workingWeekends": ["2028-10-14"]}""")
                .put("/api/v1/calendar/years/2028")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:suiji:problem:validation-failed"))
                .body("errors.field", hasItems("workingWeekends", "year", "noticeId", "daysOff[1]", "daysOff[2]",
                        "daysOff[3]", "workingWeekendDays[0]", "workingWeekendDays[1]"))
                .body("errors.find { it.field == 'workingWeekendDays[0]' }.message", containsString("Wednesday"))
                .body("errors.find { it.field == 'daysOff[2]' }.message", containsString("listed twice"));
        given().get("/api/v1/calendar/years/2028").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin-city", roles = "admin")
    void aYearContradictingItsNeighbourIsRefused() {
        given().contentType(ContentType.JSON).body("""
                {"noticeId": "test-2032", "daysOff": ["2032-01-01"], "workingWeekendDays": ["2032-12-26"]}""")
                .put("/api/v1/calendar/years/2032").then().statusCode(201);
        given().contentType(ContentType.JSON).body("""
                {"noticeId": "test-2033", "daysOff": ["2032-12-26", "2033-01-01"]}""")
                .put("/api/v1/calendar/years/2033")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("daysOff[0]"))
                .body("errors[0].message", containsString("contradicts the loaded calendar of 2032"));
    }

    @Test
    @TestSecurity(user = "admin-city", roles = "admin")
    void malformedBodiesAndAddressesAreClientErrors() {
        given().contentType(ContentType.JSON).body("{\"noticeId\": ").put("/api/v1/calendar/years/2029")
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("{\"noticeId\": \"1\", \"daysOff\": \"2029-01-01\"}")
                .put("/api/v1/calendar/years/2029")
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("daysOff"));
        given().contentType(ContentType.JSON).put("/api/v1/calendar/years/2029")
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("body"));
        given().contentType(ContentType.JSON).body("{\"noticeId\": \"1\", \"daysOff\": [\"2029-01-01\"]}")
                .put("/api/v1/calendar/years/20x9")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("year"));
        given().contentType(ContentType.JSON).body("{\"noticeId\": \"1\", \"daysOff\": [\"1800-01-01\"]}")
                .put("/api/v1/calendar/years/1800")
                .then().statusCode(400).body("errors[0].field", equalTo("year"));
        given().get("/api/v1/calendar/years/2029").then().statusCode(404).body("detail", not(nullValue()));
    }

    @Test
    void theApiIsDescribedInChineseForItsUsers() {
        String openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(openApi.contains("\"工作日历\""), "tag");
        org.junit.jupiter.api.Assertions.assertTrue(openApi.contains("期间开始之日不计算在内"), "the counting convention");
        org.junit.jupiter.api.Assertions.assertTrue(openApi.contains("/api/v1/calendar/years/{year}"));
        org.junit.jupiter.api.Assertions.assertTrue(openApi.contains("调休上班的周六、周日"), "the body's fields");
    }

    @Test
    @TestSecurity(user = "auditor-city", roles = "auditor")
    void auditorsReadTheLoadHistory() {
        given().get("/api/v1/calendar/years/2020/revisions").then().statusCode(200)
                .body("[0].origin", equalTo("BUNDLED"))
                .body("[0].loadedBy", equalTo(CalendarSeeder.SEED_CALLER))
                .body("[0].daysOff", hasItem("2020-02-01"));
        given().get("/api/v1/calendar/years/2019/revisions").then().statusCode(404);
    }
}
