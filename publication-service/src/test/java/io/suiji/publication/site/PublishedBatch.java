package io.suiji.publication.site;

import static io.suiji.publication.Fixtures.awaitDisclosure;
import static io.suiji.publication.Fixtures.closed;
import static io.suiji.publication.Fixtures.completed;
import static io.suiji.publication.Fixtures.entity;
import static io.suiji.publication.Fixtures.id;
import static io.suiji.publication.Fixtures.register;
import static io.suiji.publication.Fixtures.send;

import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.contracts.enforcement.InspectionClosed;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.registry.CodeKind;
import io.suiji.publication.MutableClock;
import io.suiji.publication.disclosure.DisclosureService;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * One task batch with a fined company and a natural person, closed, completed and published on
 * {@code publishedOn} through the service's own events and publication — what the site shows.
 */
record PublishedBatch(String task, String disclosureId, String marker, String companyId, String companyName,
                      String companyCode, String personId, String unpublishedDisclosureId) {

    static final String PERSON_NAME = "欧阳娜娜";

    static PublishedBatch publish(InMemoryConnector connector, EntityManager em, MutableClock clock,
                                  DisclosureService disclosures, LocalDate publishedOn) {
        String marker = "站点" + UUID.randomUUID().toString().substring(0, 6);
        String company = UUID.randomUUID().toString();
        String person = UUID.randomUUID().toString();
        String code = "91410400MA" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        String companyName = "平顶山市" + marker + "建筑有限公司";
        register(connector, em, entity(company, CodeKind.USCC, code, companyName));
        register(connector, em, entity(person, CodeKind.RESIDENT_ID_HASH, "hmac:" + marker, PERSON_NAME));

        String task = id("S");
        LocalDate closedOn = publishedOn.minusDays(20);
        InspectionClosed fined = closed(task, company, Outcome.ADMINISTRATIVE_PENALTY, closedOn);
        send(connector, fined);
        send(connector, closed(task, person, Outcome.NO_PROBLEM, closedOn));
        send(connector, completed(task, closedOn.plusDays(1)));
        String disclosure = awaitDisclosure(em, task, 2);

        String pendingTask = id("S");
        send(connector, closed(pendingTask, company, Outcome.CORRECTED, closedOn));
        send(connector, completed(pendingTask, closedOn.plusDays(1)));
        String pending = awaitDisclosure(em, pendingTask, 1);

        clock.set(publishedOn, LocalTime.of(10, 0));
        disclosures.publish(UUID.fromString(disclosure), "publisher-city");
        return new PublishedBatch(task, disclosure, marker, company, companyName, code, person, pending);
    }
}
