package io.suiji.publication.site;

import static io.restassured.RestAssured.given;
import static io.suiji.publication.Fixtures.string;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.publication.MutableClock;
import io.suiji.publication.disclosure.DisclosureService;
import io.suiji.publication.publicresults.Retention;
import io.suiji.publication.publicresults.RetentionWatch;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Component test of the public site: real test database, events on the in-memory connector, the
 * service clock under the test's control; pages fetched anonymously as HTML.
 */
@QuarkusTest
class SiteResourceTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Inject
    MutableClock clock;

    @Inject
    DisclosureService disclosures;

    @Inject
    RetentionWatch retention;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private PublishedBatch batch(LocalDate publishedOn) {
        return PublishedBatch.publish(connector, em, clock, disclosures, publishedOn);
    }

    @Test
    void theHomeSearchEntityAndDisclosurePagesShowOnlyWhatWasPublishedWithPersonsMasked() {
        PublishedBatch b = batch(LocalDate.now(io.suiji.publication.disclosure.Clocks.CHINA).minusDays(1));

        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/disclosures/" + b.disclosureId()))
                .body(not(containsString("/disclosures/" + b.unpublishedDisclosureId())));

        given().queryParam("name", b.marker()).get("/results").then().statusCode(200)
                .body(containsString(b.companyName()), containsString(b.companyCode()), containsString("行政处罚"),
                        // the unpublished batch's result for the same company is not public yet
                        containsString("共 1 条"));
        given().queryParam("code", b.companyCode().toLowerCase()).get("/results").then().statusCode(200)
                .body(containsString(b.companyName()));

        given().get("/entities/" + b.personId()).then().statusCode(200)
                .body(containsString("欧***"), not(containsString(PublishedBatch.PERSON_NAME)),
                        not(containsString("hmac:")), containsString("未发现问题"));
        given().get("/entities/" + b.companyId()).then().statusCode(200)
                .body(containsString(b.companyName()), containsString("平人社监罚"));

        given().get("/disclosures/" + b.disclosureId()).then().statusCode(200)
                .body(containsString("/api/v1/draws/D-" + b.task() + "/proof"), containsString("VERIFIED"),
                        containsString("欧***"), not(containsString(PublishedBatch.PERSON_NAME)));
    }

    @Test
    void regionsAreShownByTheirNamesAndPickedFromAList() {
        PublishedBatch b = batch(LocalDate.now(io.suiji.publication.disclosure.Clocks.CHINA).minusDays(1));

        given().queryParam("name", b.marker()).queryParam("region", "410402").get("/results").then().statusCode(200)
                .body(containsString("<td>新华区</td>"), not(containsString("<td>410402</td>")),
                        containsString("<option value=\"410402\" selected>新华区（410402）</option>"),
                        containsString("<option value=\"410472\">城乡一体化示范区（410472）</option>"));
        // A code the list does not know stays chosen, shown as the code.
        given().queryParam("region", "410999").get("/results").then().statusCode(200)
                .body(containsString("<option value=\"410999\" selected>410999</option>"));
        given().get("/entities/" + b.companyId()).then().statusCode(200).body(containsString("<td>新华区</td>"));
        given().get("/disclosures/" + b.disclosureId()).then().statusCode(200)
                .body(containsString("（新华区（410402））"), containsString("href=\"/draws/D-" + b.task() + "\""));
        given().get("/").then().statusCode(200).body(containsString("<td>新华区</td>"));
    }

    @Test
    void badParametersGetAFriendlyPageNamingThemAndUnknownIdsA404() {
        given().queryParam("year", "20x0").queryParam("code", "'; drop table").get("/results").then().statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("查询条件有误"), containsString("<strong>year</strong>"),
                        containsString("<strong>code</strong>"), not(containsString("Exception")));
        given().queryParam("name", "名".repeat(51)).get("/results").then().statusCode(400).body(containsString("name"));
        given().get("/entities/no-such-entity").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("未找到检查对象"));
        given().get("/disclosures/not-a-uuid").then().statusCode(404).body(containsString("未找到公示"));
        given().get("/disclosures/00000000-0000-0000-0000-000000000000").then().statusCode(404);
        given().queryParam("year", "nope").get("/results.csv").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body(containsString("year"));
    }

    @Test
    void theOpenDataDownloadAndTheFeedCarryThePublishedResults() {
        PublishedBatch b = batch(LocalDate.now(io.suiji.publication.disclosure.Clocks.CHINA).minusDays(1));

        String csv = given().queryParam("name", b.marker()).get("/results.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("attachment"))
                .extract().asString();
        assertTrue(csv.startsWith("\uFEFF检查对象,统一社会信用代码,"), csv);
        String[] lines = csv.substring(1).split("\r\n");
        assertEquals(2, lines.length, csv);
        assertTrue(lines[1].startsWith(b.companyName() + "," + b.companyCode() + ",PDS-RS-01,行政处罚,ADMINISTRATIVE_PENALTY,"),
                lines[1]);

        given().queryParam("name", b.marker()).get("/results.json").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("size()", org.hamcrest.Matchers.equalTo(1))
                .body("[0].entityCode", org.hamcrest.Matchers.equalTo(b.companyCode()))
                .body("[0].outcome", org.hamcrest.Matchers.equalTo("ADMINISTRATIVE_PENALTY"));

        given().get("/feed.atom").then().statusCode(200).contentType(containsString("application/atom+xml"))
                .body(startsWith("<?xml"), containsString("urn:uuid:" + b.disclosureId()),
                        containsString("disclosures/" + b.disclosureId()), containsString("抽查任务 " + b.task()));
    }

    @Test
    void resultsLeaveThePublicViewAfterTwoYearsForPersonsAndFiveForOrganisationsWithTheWithdrawalRecorded() {
        LocalDate published = LocalDate.of(2020, 10, 29);
        PublishedBatch b = batch(published);
        String personItem = "select concat_ws('|', cast(withdrawn_at is not null as text), withdrawal_reason) "
                + "from result_item where entity_id = ?1 and task_id = ?2";

        clock.set(published.plusYears(2).minusDays(1), LocalTime.NOON);
        given().get("/entities/" + b.personId()).then().body(containsString("未发现问题"));
        retention.withdrawExpired();
        assertEquals(0, countWithdrawn(b), "nothing of the batch is due yet");

        clock.set(published.plusYears(2).plusDays(1), LocalTime.NOON);
        given().get("/entities/" + b.personId()).then().statusCode(200).body(containsString("暂无已公示的抽查结果"));
        given().queryParam("name", b.marker()).get("/results").then().body(containsString(b.companyName()));
        assertTrue(retention.withdrawExpired() >= 1);
        assertEquals("true|" + Retention.NATURAL_PERSON_REASON, string(em, personItem, b.personId(), b.task()));
        assertEquals("false", string(em, personItem, b.companyId(), b.task()));

        clock.set(published.plusYears(5).plusDays(1), LocalTime.NOON);
        given().queryParam("name", b.marker()).get("/results").then().body(allOf(containsString("共 0 条"),
                not(containsString(b.companyName()))));
        given().queryParam("name", b.marker()).get("/api/v1/public/results").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
        retention.withdrawExpired();
        assertEquals("true|" + Retention.ORGANISATION_REASON, string(em, personItem, b.companyId(), b.task()));
    }

    private long countWithdrawn(PublishedBatch b) {
        return io.suiji.publication.Fixtures.count(em,
                "select count(*) from result_item where task_id = ?1 and withdrawn_at is not null", b.task());
    }
}
