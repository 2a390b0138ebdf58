package io.suiji.publication.dashboard;

import static io.restassured.RestAssured.given;
import static io.suiji.publication.Fixtures.awaitDisclosure;
import static io.suiji.publication.Fixtures.closed;
import static io.suiji.publication.Fixtures.id;
import static io.suiji.publication.Fixtures.send;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.enforcement.TaskCompleted;
import io.suiji.publication.MutableClock;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Component test: the city supervises a county's on-time publication (its own fictitious county 410488). */
@QuarkusTest
@TestSecurity(user = "supervisor-city", roles = {"supervisor", "publisher"}, attributes = @SecurityAttribute(key = "region", value = "410400"))
class DashboardResourceTest {

    private static final String COUNTY = "410488";

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Inject
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String batch(String department) {
        return batch(department, COUNTY);
    }

    private String batch(String department, String county) {
        String task = id("T");
        send(connector, closed(task, id("E"), Outcome.NO_PROBLEM, LocalDate.of(2024, 3, 1)));
        send(connector, new TaskCompleted(task, 1, "D-" + task, county, department, 1, LocalDate.of(2024, 3, 1)));
        return awaitDisclosure(em, task, 1);
    }

    @Test
    void countsOnTimeLateAndOverduePerRegionAndDepartment() {
        String onTime = batch("监察大队");
        String late = batch("监察大队");
        String overdue = batch("监察大队");
        clock.set(LocalDate.of(2024, 3, 5), LocalTime.NOON);
        given().post("/api/v1/disclosures/" + onTime + "/publish").then().statusCode(200);
        clock.set(LocalDate.of(2024, 6, 3), LocalTime.NOON);
        given().post("/api/v1/disclosures/" + late + "/publish").then().statusCode(200);

        given().get("/api/v1/dashboard?year=2024").then().statusCode(200)
                .body("rows.findAll { it.region == '410488' }", hasSize(1))
                .body("rows.find { it.region == '410488' }.taskBatches", equalTo(3))
                .body("rows.find { it.region == '410488' }.inspections", equalTo(3))
                .body("rows.find { it.region == '410488' }.publishedOnTime", equalTo(1))
                .body("rows.find { it.region == '410488' }.publishedLate", equalTo(1))
                .body("rows.find { it.region == '410488' }.overdue", equalTo(1))
                .body("rows.find { it.region == '410488' }.onTimeRate", equalTo(0.3333f))
                .body("rows.find { it.region == '410488' }.regionName", equalTo("410488")) // not a real division: its code
                .body("overdue.id", hasItem(overdue));
        given().get("/api/v1/dashboard?year=24x").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void thePageForPeopleShowsTheSameFiguresAndTheOverdueList() {
        String department = "督查页面" + id("科");
        batch(department, "410487"); // a county of its own, so that the JSON test's counts stay its own
        clock.set(LocalDate.of(2024, 6, 3), LocalTime.NOON);
        given().get("/supervision/dashboard?year=2024").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("考核督查：2024 年度"), containsString(department), containsString("410487"),
                        containsString("2024-03-29"), containsString("?year=2023"), containsString("supervisor-city"));
        given().get("/supervision/dashboard?year=24x").then().statusCode(400);
    }

    @Test
    void regionsAreShownByName() {
        String department = "区划名称" + id("科");
        String overdue = batch(department, "410402");
        clock.set(LocalDate.of(2024, 6, 3), LocalTime.NOON);
        given().get("/api/v1/dashboard?year=2024").then().statusCode(200)
                .body("rows.find { it.department == '" + department + "' }.region", equalTo("410402"))
                .body("rows.find { it.department == '" + department + "' }.regionName", equalTo("新华区"))
                .body("overdue.find { it.id == '" + overdue + "' }.regionName", equalTo("新华区"));
        given().get("/supervision/dashboard?year=2024").then().statusCode(200)
                .body(containsString("<td>新华区（410402）</td><td>" + department + "</td>"));
    }

    @Test
    @TestSecurity(user = "supervisor-county", roles = "supervisor", attributes = @SecurityAttribute(key = "region", value = "410402"))
    void aCountySeesOnlyItself() {
        given().get("/api/v1/dashboard?year=2024").then().statusCode(200)
                .body("rows.findAll { it.region != '410402' }", hasSize(0));
    }
}
