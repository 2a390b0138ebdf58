package io.suiji.publication.draw;

import static io.restassured.RestAssured.given;
import static io.suiji.publication.Fixtures.await;
import static io.suiji.publication.Fixtures.count;
import static io.suiji.publication.Fixtures.record;
import static io.suiji.publication.Fixtures.send;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.contracts.CloudEventHeaders;
import io.suiji.contracts.sampling.DrawCancelled;
import io.suiji.contracts.sampling.DrawCommitted;
import io.suiji.contracts.sampling.DrawCompleted;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/**
 * Component test of the draw-proof pages: {@code sampling.draws} events fed through the in-memory
 * connector (Kafka is beside the point here; system-tests cover the broker), the real test database,
 * pages fetched anonymously as HTML.
 */
@QuarkusTest
class DrawPagesTest {

    /** r = the 32 bytes 00 01 … 1f and its commitment: test vector of docs/draw-algorithm.md, Appendix A. */
    static final String SECRET = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    static final String COMMITMENT = "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd";
    static final String POPULATION_DIGEST = "9c996eff3a0f1d8cf4d1b5e0f7d4a0b5c3a2e1f0d9c8b7a6958473625140312f";
    static final String SELECTION_DIGEST = "5d41402abc4b2a76b9719d911017c592ae0c1c4b1d6f2b3c4d5e6f708192a3b4";

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    static DrawCommitted committed(String drawId, String planId, String commitment) {
        return new DrawCommitted(drawId, planId, "T7", 2, "PDS-2020-07", 1, DrawCommitted.SUIJI_SHA256_1,
                Map.of("ratio", "0.05"), 240, POPULATION_DIGEST, commitment, Map.of("近一年内已抽查", 12L), "410402",
                "劳动保障监察局（支队）", Instant.parse("2020-05-11T01:00:00Z"));
    }

    static DrawCompleted completed(String drawId, String planId, String secret, String entropy) {
        return new DrawCompleted(drawId, planId, "T7", 2, "PDS-2020-07", 12, 6, SELECTION_DIGEST, secret, entropy,
                "410402", "劳动保障监察局（支队）", Instant.parse("2020-05-12T02:30:00Z"));
    }

    private void awaitDraw(String drawId, String condition) {
        await("draw " + drawId, () -> count(em, "select count(*) from public_draw where draw_id = ?1 and " + condition, drawId) == 1);
    }

    @Test
    void aCompletedDrawShowsItsFactsTheCheckedCommitmentAndHowToVerifyIt() {
        String drawId = UUID.randomUUID().toString();
        String planId = "plan-" + UUID.randomUUID();
        send(connector, committed(drawId, planId, COMMITMENT));
        awaitDraw(drawId, "commitment is not null");

        given().get("/draws/" + drawId).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("已承诺，等待公开种子"), containsString("id=\"awaiting\""), containsString(COMMITMENT),
                        containsString(POPULATION_DIGEST), containsString("240 个"), containsString("近一年内已抽查 12 个"),
                        containsString("新华区（410402）"), containsString("T7 第 2 批"),
                        containsString("/api/v1/draws/" + drawId + "/population"),
                        not(containsString("id=\"secret\"")), not(containsString("id=\"check\"")));

        send(connector, completed(drawId, planId, SECRET, "2020年5月12日 上证指数收盘 2891.56"));
        awaitDraw(drawId, "secret is not null");

        given().get("/draws/" + drawId).then().statusCode(200)
                .body(containsString("已完成"), not(containsString("id=\"awaiting\"")),
                        containsString(SECRET), containsString("2020年5月12日 上证指数收盘 2891.56"),
                        containsString("<strong class=\"ok\">一致</strong>"), not(containsString("不一致")),
                        containsString(SELECTION_DIGEST), containsString("12 个"), containsString("6 个"),
                        containsString("2020-05-11 09:00:00"), containsString("2020-05-12 10:30:00"),
                        containsString("http://127.0.0.1:8083/api/v1/draws/" + drawId + "/proof"),
                        containsString("java -jar draw-verifier.jar verify proof.json population.txt"),
                        containsString("xxd -r -p | sha256sum"), containsString("VERIFIED"),
                        // the site's CSP allows the stylesheet file only
                        not(containsString("style=")), not(containsString("<script")));
        given().get("/draws").then().statusCode(200).body(containsString("/draws/" + drawId));
        given().get("/plans/" + planId).then().statusCode(404);
    }

    @Test
    void aSecretThatDoesNotHashToTheCommitmentIsShownAsNotMatching() {
        String drawId = UUID.randomUUID().toString();
        String other = "ff" + SECRET.substring(2);
        send(connector, committed(drawId, "plan-x", COMMITMENT));
        send(connector, completed(drawId, "plan-x", other, "E"));
        awaitDraw(drawId, "secret is not null and commitment is not null");

        given().get("/draws/" + drawId).then().statusCode(200)
                .body(containsString("<strong class=\"bad\">不一致</strong>"), containsString(other),
                        containsString(Commitment.of(other)), not(containsString("class=\"ok\"")));
    }

    @Test
    void aCancelledDrawShowsItsReason() {
        String drawId = UUID.randomUUID().toString();
        send(connector, committed(drawId, "plan-c", COMMITMENT));
        send(connector, new DrawCancelled(drawId, "抽取参数有误：比例应为 5%", "planner-city", Instant.parse("2020-05-11T03:00:00Z")));
        awaitDraw(drawId, "cancel_reason is not null");

        given().get("/draws/" + drawId).then().statusCode(200)
                .body(containsString("已作废"), containsString("抽取参数有误：比例应为 5%"), containsString("2020-05-11 11:00:00"),
                        not(containsString("id=\"awaiting\"")), not(containsString("planner-city")));
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        String drawId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        connector.source("sampling.draws").send(record(committed(drawId, "plan-i", COMMITMENT)));
        connector.source("sampling.draws").send(record(eventId, completed(drawId, "plan-i", SECRET, "第一次送达")));
        awaitDraw(drawId, "witness_entropy = '第一次送达'");
        // The same event id again: skipped by the inbox. (Its body differs only so that applying it would show.)
        connector.source("sampling.draws").send(record(eventId, completed(drawId, "plan-i", SECRET, "重复送达")));
        String later = UUID.randomUUID().toString();
        send(connector, committed(later, "plan-i", COMMITMENT));
        awaitDraw(later, "commitment is not null");

        await("the duplicate counted once", () -> count(em,
                "select count(*) from processed_event where consumer = 'publication.public-draws' and event_id = ?1", eventId) == 1);
        given().get("/draws/" + drawId).then().statusCode(200)
                .body(containsString("第一次送达"), not(containsString("重复送达")));
    }

    @Test
    void anotherEnvironmentsDrawIsPassedOver() {
        String theirs = UUID.randomUUID().toString();
        ConsumerRecord<String, String> foreign = record(committed(theirs, "plan-it", COMMITMENT));
        foreign.headers().add(new RecordHeader(CloudEventHeaders.SOURCE,
                "urn:suiji:sampling-service-it".getBytes(StandardCharsets.UTF_8)));
        connector.source("sampling.draws").send(foreign);
        String ours = UUID.randomUUID().toString();
        send(connector, committed(ours, "plan-own", COMMITMENT));
        awaitDraw(ours, "commitment is not null");

        given().get("/draws/" + theirs).then().statusCode(404);
        given().get("/draws/" + ours).then().statusCode(200);
    }

    @Test
    void unknownAndMalformedIdsGetTheSitesNotFoundPage() {
        for (String id : new String[] {UUID.randomUUID().toString(), "not-a-draw", "x".repeat(300), "%E6%8A%BD"}) {
            given().urlEncodingEnabled(false).get("/draws/" + id).then().statusCode(404)
                    .contentType(containsString("text/html")).body(allOf(containsString("未找到抽取"), containsString("错误代码 404")));
        }
        given().queryParam("page", "abc").get("/draws").then().statusCode(400).body(containsString("page"));
    }

    @Test
    void thePlanPageListsItsDraws() {
        String planId = "plan-" + UUID.randomUUID();
        String drawId = UUID.randomUUID().toString();
        send(connector, committed(drawId, planId, COMMITMENT));
        awaitDraw(drawId, "commitment is not null");
        io.suiji.publication.Fixtures.send(connector, new io.suiji.contracts.sampling.PlanPublished(planId, 2020,
                "平顶山市人力资源和社会保障局", "410400", 1, null, java.util.List.of(), Instant.parse("2020-04-27T08:00:00Z")));
        await("plan", () -> count(em, "select count(*) from public_plan where plan_id = ?1", planId) == 1);
        given().get("/plans/" + planId).then().statusCode(200)
                .body(containsString("/draws/" + drawId), containsString("平顶山市（410400）"));
    }
}
