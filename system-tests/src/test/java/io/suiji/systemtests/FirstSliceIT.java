package io.suiji.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The first slice through the real mechanism: real Keycloak tokens, catalog-service writes a matter
 * and its event through the outbox to the real broker, sampling-service consumes it through the
 * inbox into its read model.
 */
@ExtendWith(Suite.class)
class FirstSliceIT {

    /** Keys of the records this test puts on a topic without headers on purpose. */
    static final String POISON_KEY_PREFIX = "poison-";

    static String matterJson(String code, String category, String percent) {
        return """
                {"code":"%s","name":"职业技能鉴定机构及其鉴定活动监督检查","category":"%s","ratio":{"percent":%s}}"""
                .formatted(code, category, percent);
    }

    /** A draft that fills every column of the attachment, as publishing requires; names are unique. */
    static String completeMatterJson(String code) {
        return """
                {"code":"%s","name":"职业技能鉴定机构及其鉴定活动监督检查（%s）","category":"GENERAL","ratio":{"percent":20},
                 "legalBases":["《中华人民共和国劳动法》第六十九条"],
                 "targetTypes":["职业技能鉴定机构"],
                 "checkItems":["职业鉴定工作人员配备情况","职业技能鉴定活动依法开展情况"],
                 "methods":["ON_SITE","DOCUMENT_REVIEW"],
                 "frequency":{"timesPerYear":1,"asNeeded":false},
                 "implementingBody":"市、县人力资源社会保障部门",
                 "responsibleUnits":["职业能力建设科"],
                 "sourceDocument":"system test"}""".formatted(code, code);
    }

    /** Creates a matter as planner-city and publishes it if the catalogue created a draft. */
    static void createPublishedMatter(String code) {
        Response created = given().auth().oauth2(Tokens.of("planner-city")).contentType("application/json")
                .body(completeMatterJson(code))
                .post(Suite.catalog().url() + "/api/v1/matters");
        assertEquals(201, created.statusCode(), created.asString());
        if ("DRAFT".equals(created.path("status"))) {
            given().auth().oauth2(Tokens.of("planner-city"))
                    .post(Suite.catalog().url() + "/api/v1/matters/" + code + "/publish")
                    .then().statusCode(200);
        }
    }

    static int samplingStatus(String code) {
        return given().auth().oauth2(Tokens.of("planner-city"))
                .get(Suite.sampling().url() + "/api/v1/matters/" + code).statusCode();
    }

    @Test
    void everyServiceIsReadyAgainstTheRealInfrastructure() {
        for (ServiceProcess service : Suite.all()) {
            given().get(service.url() + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        }
    }

    @Test
    void aMatterCreatedInTheCatalogueReachesSampling() throws Exception {
        String code = "IT-" + UUID.randomUUID().toString().substring(0, 8);
        createPublishedMatter(code);

        Await.until("matter " + code + " in sampling's read model", Duration.ofSeconds(30),
                () -> samplingStatus(code) == 200);
        given().auth().oauth2(Tokens.of("auditor-city"))
                .get(Suite.sampling().url() + "/api/v1/matters/" + code)
                .then().statusCode(200)
                .body("name", equalTo("职业技能鉴定机构及其鉴定活动监督检查（" + code + "）"))
                .body("category", equalTo("GENERAL"));
    }

    @Test
    void aRevisionOfAPublishedMatterReachesSamplingAsTheNewVersion() throws Exception {
        String code = "IT-" + UUID.randomUUID().toString().substring(0, 8);
        createPublishedMatter(code);
        Await.until("matter " + code + " in sampling", Duration.ofSeconds(30), () -> samplingStatus(code) == 200);

        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        given().auth().oauth2(Tokens.of("planner-city")).contentType("application/json")
                .body("{\"ratio\":{\"percent\":30},\"effectiveFrom\":\"" + tomorrow + "\",\"changeNote\":\"提高抽查比例\"}")
                .post(Suite.catalog().url() + "/api/v1/matters/" + code + "/revisions")
                .then().statusCode(201).body("version", equalTo(2));

        Await.until("version 2 of " + code + " in sampling", Duration.ofSeconds(30), () -> given()
                .auth().oauth2(Tokens.of("planner-city")).get(Suite.sampling().url() + "/api/v1/matters/" + code)
                .path("version").equals(2));
        given().auth().oauth2(Tokens.of("planner-city")).get(Suite.sampling().url() + "/api/v1/matters/" + code)
                .then().body("ratio.percent", equalTo(30));
    }

    @Test
    void withoutATokenWritesAre401ProblemJson() {
        given().contentType("application/json").body(matterJson("IT-NOAUTH", "GENERAL", "5"))
                .post(Suite.catalog().url() + "/api/v1/matters")
                .then().statusCode(401).contentType("application/problem+json");
        given().get(Suite.sampling().url() + "/api/v1/matters/ANY")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aForgedTokenIs401() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").contentType("application/json")
                .body(matterJson("IT-FORGED", "GENERAL", "5"))
                .post(Suite.catalog().url() + "/api/v1/matters")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aRealTokenWithTheWrongRoleIs403() {
        for (String user : List.of("inspector-city-1", "nobody")) {
            given().auth().oauth2(Tokens.of(user)).contentType("application/json")
                    .body(matterJson("IT-" + user, "GENERAL", "5"))
                    .post(Suite.catalog().url() + "/api/v1/matters")
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void badInputIs400Or422ProblemJsonNamingTheField() {
        given().auth().oauth2(Tokens.of("planner-city")).contentType("application/json").body("{not json")
                .post(Suite.catalog().url() + "/api/v1/matters")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("planner-city")).contentType("application/json")
                .body(matterJson("IT-LOW", "GENERAL", "4"))
                .post(Suite.catalog().url() + "/api/v1/matters")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("ratio.percent"));
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndDoesNotBlockThePartition() throws Exception {
        String poisonKey = POISON_KEY_PREFIX + UUID.randomUUID();
        Properties producerProps = new Properties();
        producerProps.put("bootstrap.servers", Suite.KAFKA);
        try (var producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
            // no ce_id / ce_type headers and a body that is not an event
            producer.send(new ProducerRecord<>("catalog.matters", poisonKey, "{\"garbage\":true}")).get();
        }
        String code = "IT-" + UUID.randomUUID().toString().substring(0, 8);
        createPublishedMatter(code);
        Await.until("matter after the poison message", Duration.ofSeconds(30), () -> samplingStatus(code) == 200);

        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Suite.KAFKA);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "it-dlq-reader-" + UUID.randomUUID());
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("catalog.matters.dlq"));
            boolean found = false;
            String reason = null;
            long end = System.currentTimeMillis() + 30_000;
            while (!found && System.currentTimeMillis() < end) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (poisonKey.equals(record.key())) {
                        found = true;
                        var header = record.headers().lastHeader("dead-letter-reason");
                        reason = header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
                    }
                }
            }
            assertTrue(found, "the poison record is on catalog.matters.dlq");
            assertTrue(reason != null && reason.contains("ce_id"), "the dead letter says why: " + reason);
        }
    }
}
