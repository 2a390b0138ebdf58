package io.suiji.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Why the outbox and the inbox exist: writes go on while the broker is down and nothing is lost;
 * a consumer killed with {@code kill -9} after applying events but before committing its offsets
 * gets them again and applies each exactly once.
 */
@ExtendWith(Suite.class)
class OutboxFaultIT {

    private static final int MATTERS = 100;
    private static final Pattern DUPLICATES = Pattern.compile(
            "suiji_inbox_duplicates_total\\{[^}]*consumer=\"sampling.matter-view\"[^}]*} ([0-9.E]+)");

    @Test
    void eventsWrittenWhileKafkaIsDownArriveExactlyOnceEvenAcrossAConsumerCrash() throws Exception {
        String prefix = "F" + UUID.randomUUID().toString().substring(0, 6) + "-";
        String token = Tokens.of("planner-city");
        // Widen sampling's offset-commit interval so that the crash below lands between applying the
        // events and committing their offsets: the redelivery the inbox must absorb.
        ServiceProcess sampling = Suite.sampling();
        sampling.stop();
        sampling.with("mp.messaging.incoming.\"catalog.matters\".auto.commit.interval.ms", "120000");
        sampling.start(false);
        sampling.awaitReady(Duration.ofSeconds(120));

        Suite.suiteCommand("infra", "down", "kafka");
        assertTrue(!brokerAnswers(), "Kafka must really be down for this test: it is only stopped when this "
                + "suite started it (stop a Kafka started elsewhere before running the system tests)");
        try {
            for (int i = 0; i < MATTERS; i++) {
                FirstSliceIT.createPublishedMatter(prefix + i);
            }
            // Operators see the backlog while the broker is away, not the figure of the last good batch.
            Await.until("catalog's readiness reporting the events waiting for Kafka", Duration.ofSeconds(90),
                    () -> catalogPending() >= MATTERS);
        } finally {
            // Tied to the build like the first start, so the restarted broker does not outlive it.
            Suite.suiteCommand("infra", "up", "kafka", "--watch-pid", String.valueOf(Suite.buildPid()));
        }

        Await.until("all " + MATTERS + " matters in sampling", Duration.ofSeconds(120),
                () -> matchingCodes(prefix).size() == MATTERS);
        sampling.kill9();
        sampling.start(false);
        sampling.awaitReady(Duration.ofSeconds(120));
        Await.until("redelivered events seen by the inbox", Duration.ofSeconds(60), () -> duplicates() > 0);

        List<String> codes = matchingCodes(prefix);
        assertEquals(MATTERS, codes.size(), "exactly " + MATTERS + " matters, none lost, none twice");
        assertEquals(MATTERS, new HashSet<>(codes).size());
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < MATTERS; i++) {
            expected.add(prefix + i);
        }
        assertEquals(expected, new HashSet<>(codes));
        assertTrue(duplicates() > 0, "the inbox counted the redelivered events as duplicates");
        given().auth().oauth2(token).get(sampling.url() + "/q/health/ready").then().statusCode(200);
    }

    private static boolean brokerAnswers() {
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", 9092), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static long catalogPending() {
        Number pending = given().get(Suite.catalog().url() + "/q/health/ready").jsonPath()
                .get("checks.find { it.name == 'outbox relay' }.data.pending");
        return pending == null ? -1 : pending.longValue();
    }

    private static List<String> matchingCodes(String prefix) {
        List<String> all = given().auth().oauth2(Tokens.of("auditor-city"))
                .get(Suite.sampling().url() + "/api/v1/matters")
                .then().statusCode(200).extract().jsonPath().getList("code", String.class);
        return all.stream().filter(code -> code.startsWith(prefix)).toList();
    }

    private static double duplicates() {
        String metrics = given().get(Suite.sampling().url() + "/q/metrics").asString();
        Matcher matcher = DUPLICATES.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
