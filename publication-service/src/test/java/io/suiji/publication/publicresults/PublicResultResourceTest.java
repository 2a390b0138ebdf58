package io.suiji.publication.publicresults;

import static io.restassured.RestAssured.given;
import static io.suiji.publication.Fixtures.entity;
import static io.suiji.publication.Fixtures.register;
import static io.suiji.publication.Fixtures.awaitDisclosure;
import static io.suiji.publication.Fixtures.closed;
import static io.suiji.publication.Fixtures.completed;
import static io.suiji.publication.Fixtures.count;
import static io.suiji.publication.Fixtures.id;
import static io.suiji.publication.Fixtures.send;
import static io.suiji.publication.Fixtures.string;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.contracts.enforcement.InspectionClosed;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.registry.CodeKind;
import io.suiji.publication.Fixtures;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Component test: the anonymous results search shows only what was published, masked. */
@QuarkusTest
class PublicResultResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Test
    @TestSecurity(user = "publisher-city", roles = "publisher", attributes = @SecurityAttribute(key = "region", value = "410400"))
    void onlyPublishedNonExemptResultsAreShownAndPersonsAreMasked() {
        String marker = id("鹰城");
        String company = id("E");
        String person = id("E");
        String secret = id("E");
        String pending = id("E");
        register(connector, em, entity(company, CodeKind.USCC, "91410400MA40000001", marker + "建筑有限公司"));
        register(connector, em, entity(person, CodeKind.RESIDENT_ID_HASH, "hmac:0f3a", "欧阳娜娜"));
        register(connector, em, entity(secret, CodeKind.USCC, "91410400MA40000002", marker + "保密单位"));
        register(connector, em, entity(pending, CodeKind.USCC, "91410400MA40000003", marker + "待公示单位"));

        String task = id("T");
        InspectionClosed companyResult = closed(task, company, Outcome.ADMINISTRATIVE_PENALTY, LocalDate.of(2020, 9, 22));
        InspectionClosed personResult = closed(task, person, Outcome.CORRECTED, LocalDate.of(2020, 9, 22));
        InspectionClosed secretResult = closed(task, secret, Outcome.NO_PROBLEM, LocalDate.of(2020, 9, 22));
        send(connector, companyResult);
        send(connector, personResult);
        send(connector, secretResult);
        send(connector, completed(task, LocalDate.of(2020, 9, 25)));
        String disclosure = awaitDisclosure(em, task, 3);
        String otherTask = id("T");
        send(connector, closed(otherTask, pending, Outcome.NO_PROBLEM, LocalDate.of(2020, 9, 22)));
        send(connector, completed(otherTask, LocalDate.of(2020, 9, 25)));
        awaitDisclosure(em, otherTask, 1);

        String secretItem = string(em, "select cast(id as text) from result_item where inspection_id = ?1", secretResult.inspectionId());
        given().contentType(ContentType.JSON).body("{\"exempt\":true,\"legalGround\":\"《政府信息公开条例》第十四条\"}")
                .put("/api/v1/disclosures/" + disclosure + "/items/" + secretItem + "/exemption").then().statusCode(200);
        given().post("/api/v1/disclosures/" + disclosure + "/publish").then().statusCode(200);

        // anonymous from here on
        given().get("/api/v1/public/results?name=" + marker + "&year=2020&region=410400").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items.entityName", contains(marker + "建筑有限公司"))
                .body("items[0].entityCode", equalTo("91410400MA40000001"))
                .body("items[0].outcomeLabel", equalTo("行政处罚"))
                .body("items[0].penaltyAmount", equalTo(5000.00f));
        given().get("/api/v1/public/results?name=欧阳娜娜").then().statusCode(200).body("total", equalTo(0));
        given().get("/api/v1/public/results?outcome=发现问题已整改&matter=PDS-RS-01&size=100").then().statusCode(200)
                .body("items.entityName", hasItem("欧***"))
                .body("items.findAll { it.entityName == '欧***' }.entityCode", contains(nullValue()));
        given().get("/api/v1/public/results?year=2019&name=" + marker).then().statusCode(200).body("total", equalTo(0));
        given().get("/api/v1/public/results?region=410403&name=" + marker).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void garbageQueriesAreBadRequestsNamingEachParameter() {
        given().get("/api/v1/public/results?year=20x0&region=41&outcome=DROP%20TABLE&page=-1&size=1000&name="
                        + "很长".repeat(30))
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("name", "year", "region", "outcome", "page", "size"));
        given().get("/api/v1/public/results?name=%25_%5C").then().statusCode(200).body("total", equalTo(0));
    }
}
