package io.suiji.publication.deadline;

import io.quarkus.scheduler.Scheduled;
import io.suiji.contracts.publication.PublicationDueSoon;
import io.suiji.contracts.publication.PublicationOverdue;
import io.suiji.platform.audit.AuditLog;
import io.suiji.platform.outbox.Outbox;
import io.suiji.publication.calendar.CalendarService;
import io.suiji.publication.calendar.WorkingCalendar;
import io.suiji.publication.disclosure.Clocks;
import io.suiji.publication.disclosure.Disclosure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Watches open disclosures' deadlines: {@code PublicationDueSoon} when at most five working days
 * are left, {@code PublicationOverdue} once past the due date — each once per disclosure, the
 * sending recorded on the disclosure in the same transaction as the outbox event.
 */
@ApplicationScoped
public class DeadlineWatch {

    private final CalendarService calendars;
    private final Outbox outbox;
    private final Clock clock;
    private final AuditLog audit;

    @Inject
    public DeadlineWatch(CalendarService calendars, Outbox outbox, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.calendars = calendars;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(every = "${suiji.publication.deadline-check-every:10m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        check();
    }

    /** Sends the warnings due today; returns how many were sent. */
    @Transactional
    public int check() {
        LocalDate today = LocalDate.now(clock.withZone(Clocks.CHINA));
        WorkingCalendar calendar = calendars.calendar();
        List<Disclosure> open = Disclosure.find(
                "status = ?1 and (overdueSentAt is null) order by dueDate", Disclosure.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        int sent = 0;
        for (Disclosure d : open) {
            int left = today.isAfter(d.dueDate) ? 0 : calendar.workingDaysBetween(today, d.dueDate).workingDays();
            switch (DeadlineRule.warning(today, d.dueDate, left, d.dueSoonSentAt != null, d.overdueSentAt != null)) {
                case DUE_SOON -> {
                    outbox.publish(new PublicationDueSoon(d.id.toString(), d.taskId, d.batch, d.dueDate, left));
                    d.dueSoonSentAt = OffsetDateTime.now(clock);
                    audit.appendAsSystem("deadline-watch", "disclosure.due-soon-warned", "disclosure", d.id, null,
                            new Warning(d.taskId, d.batch, d.dueDate, left));
                    sent++;
                }
                case OVERDUE -> {
                    outbox.publish(new PublicationOverdue(d.id.toString(), d.taskId, d.batch, d.dueDate));
                    d.overdueSentAt = OffsetDateTime.now(clock);
                    audit.appendAsSystem("deadline-watch", "disclosure.overdue-warned", "disclosure", d.id, null,
                            new Warning(d.taskId, d.batch, d.dueDate, 0));
                    sent++;
                }
                case NONE -> {
                }
            }
        }
        return sent;
    }

    record Warning(String taskId, int batch, LocalDate dueDate, int workingDaysLeft) {
    }
}
