package io.suiji.publication.deadline;

import static io.suiji.publication.Fixtures.awaitDisclosure;
import static io.suiji.publication.Fixtures.completed;
import static io.suiji.publication.Fixtures.count;
import static io.suiji.publication.Fixtures.id;
import static io.suiji.publication.Fixtures.send;
import static io.suiji.publication.Fixtures.string;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.publication.MutableClock;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Component test: deadline warnings of an open disclosure as the (controlled) clock moves on. */
@QuarkusTest
class DeadlineWatchResourceTest {

    private static final String DUE_SOON = "io.suiji.publication.PublicationDueSoon.v1";
    private static final String OVERDUE = "io.suiji.publication.PublicationOverdue.v1";

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Inject
    MutableClock clock;

    @Inject
    DeadlineWatch watch;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private long events(String disclosure, String type) {
        return count(em, "select count(*) from outbox_event where aggregate_id = ?1 and event_type = ?2", disclosure, type);
    }

    private void at(LocalDate day) {
        clock.set(day, LocalTime.of(9, 0));
        watch.check();
    }

    @Test
    void dueSoonAndOverdueAreEachSentOnce() {
        String task = id("T");
        send(connector, completed(task, LocalDate.of(2021, 9, 24)));  // due 2021-10-27 (国庆 10-01…10-07; 09-26, 10-09 worked)
        String disclosure = awaitDisclosure(em, task, 0);
        assertEquals("2021-10-27", string(em, "select cast(due_date as text) from disclosure where task_id = ?1", task));

        at(LocalDate.of(2021, 10, 19));                                   // 6 working days left
        assertEquals(0, events(disclosure, DUE_SOON));
        at(LocalDate.of(2021, 10, 20));                                   // 5 left: 21, 22, 25, 26, 27
        at(LocalDate.of(2021, 10, 22));
        at(LocalDate.of(2021, 10, 27));                                   // the due date: not overdue yet
        assertEquals(1, events(disclosure, DUE_SOON));
        assertEquals("5", string(em, "select payload->>'workingDaysLeft' from outbox_event where aggregate_id = ?1 and event_type = ?2",
                disclosure, DUE_SOON));
        assertEquals(0, events(disclosure, OVERDUE));

        at(LocalDate.of(2021, 10, 28));
        at(LocalDate.of(2021, 11, 30));
        assertEquals(1, events(disclosure, OVERDUE));
        assertEquals(1, events(disclosure, DUE_SOON));
    }
}
