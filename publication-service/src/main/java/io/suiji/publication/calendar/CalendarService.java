package io.suiji.publication.calendar;

import io.suiji.platform.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The working-day calendar of this service: the years loaded in {@code calendar_year_revision},
 * as a {@link WorkingCalendar}. Other features (disclosure deadlines, the due-soon and overdue
 * scheduler) take {@link #calendar()} once and do their arithmetic on it.
 *
 * <p>The snapshot is cached and rebuilt when the table has changed (it is append-only, so its row
 * count says so) — an administrator's load on any instance is seen by all.
 */
@ApplicationScoped
public class CalendarService {

    private static final Logger LOG = Logger.getLogger(CalendarService.class);
    // Serializes loads (API and seed, all instances): revisions are numbered and checked against the rest.
    private static final String LOCK = "select count(*) from (select pg_advisory_xact_lock(hashtext('calendar_year_revision'))) l";

    private final EntityManager em;
    private volatile Snapshot snapshot;

    private record Snapshot(long revisions, WorkingCalendar calendar) {
    }

    /** Outcome of a load: the revision now in force, whether it is new, whether the year is new. */
    public record Loaded(CalendarYearRevision revision, boolean changed, boolean created) {
    }

    private final AuditLog audit;

    @Inject
    public CalendarService(EntityManager em, AuditLog audit) {
        this.em = em;
        this.audit = audit;
    }

    /** The calendar in force: the loaded years' latest revisions. */
    @Transactional
    public WorkingCalendar calendar() {
        long revisions = ((Number) em.createQuery("select count(r) from CalendarYearRevision r").getSingleResult()).longValue();
        Snapshot current = snapshot;
        if (current == null || current.revisions() != revisions) {
            current = new Snapshot(revisions, WorkingCalendar.of(latest().stream().map(CalendarYearRevision::toDomain).toList()));
            snapshot = current;
        }
        return current.calendar();
    }

    /** D + n working days on the calendar in force; see {@link WorkingCalendar#plusWorkingDays}. */
    public DueDate plusWorkingDays(LocalDate from, int workingDays) {
        return calendar().plusWorkingDays(from, workingDays);
    }

    /** Working days in {@code (from, to]} on the calendar in force; see {@link WorkingCalendar#workingDaysBetween}. */
    public WorkingDayCount workingDaysBetween(LocalDate from, LocalDate to) {
        return calendar().workingDaysBetween(from, to);
    }

    /** The revision in force of every loaded year, ascending by year. */
    @Transactional
    public List<CalendarYearRevision> latest() {
        return em.createQuery("""
                select r from CalendarYearRevision r
                where r.revision = (select max(o.revision) from CalendarYearRevision o where o.year = r.year)
                order by r.year""", CalendarYearRevision.class).getResultList();
    }

    @Transactional
    public Optional<CalendarYearRevision> latest(int year) {
        return em.createQuery("from CalendarYearRevision r where r.year = ?1 order by r.revision desc", CalendarYearRevision.class)
                .setParameter(1, year).setMaxResults(1).getResultStream().findFirst();
    }

    /** Every revision of {@code year}, oldest first. */
    @Transactional
    public List<CalendarYearRevision> revisions(int year) {
        return em.createQuery("from CalendarYearRevision r where r.year = ?1 order by r.revision", CalendarYearRevision.class)
                .setParameter(1, year).getResultList();
    }

    /**
     * Loads (or replaces) the calendar of {@code year}, checked by {@link CalendarYearRules}
     * against the other loaded years. The same data as in force is no change (no new revision,
     * and a bundled year stays bundled).
     *
     * @throws InvalidCalendarYearException with every problem; nothing is stored then
     */
    @Transactional
    public Loaded load(int year, CalendarYearInput input, String caller) {
        lock();
        CalendarYear accepted = CalendarYearRules.accept(year, input, fresh());
        return store(accepted, CalendarYearRevision.Origin.API, caller);
    }

    /**
     * Loads the bundled years: a year not loaded yet is loaded; a year whose revision in force
     * came from an older bundle is replaced when the bundle's data differs; a year an
     * administrator loaded through the API is left as it is. A bundled year that fails the checks
     * is skipped and logged. Returns how many revisions it added.
     */
    @Transactional
    public int seed(List<CalendarYearInput> bundle, String seedName) {
        lock();
        int added = 0;
        for (CalendarYearInput input : bundle) {
            int year = input.year();
            Optional<CalendarYearRevision> inForce = latest(year);
            if (inForce.isPresent() && inForce.get().origin == CalendarYearRevision.Origin.API) {
                LOG.debugf("calendar %d: kept the administrator's revision %d, not the bundled data", year, inForce.get().revision);
                continue;
            }
            CalendarYear accepted;
            try {
                accepted = CalendarYearRules.accept(year, input, fresh());
            } catch (InvalidCalendarYearException e) {
                LOG.errorf("calendar %d: bundled data not loaded: %s", year, e.problems());
                continue;
            }
            if (store(accepted, CalendarYearRevision.Origin.BUNDLED, seedName).changed()) {
                added++;
            }
        }
        return added;
    }

    private Loaded store(CalendarYear accepted, CalendarYearRevision.Origin origin, String caller) {
        Optional<CalendarYearRevision> inForce = latest(accepted.year());
        String digest = accepted.contentDigest();
        if (inForce.isPresent() && inForce.get().contentSha256.equals(digest)) {
            return new Loaded(inForce.get(), false, false);
        }
        CalendarYearRevision row = CalendarYearRevision.of(accepted, inForce.map(r -> r.revision + 1).orElse(1), origin, caller);
        em.persist(row);
        em.flush();
        em.refresh(row);
        LOG.infof("calendar %d: revision %d loaded by %s (notice %s, %d days off, %d working weekend days)", accepted.year(),
                row.revision, caller, accepted.noticeId(), accepted.daysOff().size(), accepted.workingWeekendDays().size());
        RevisionAudit before = inForce.map(RevisionAudit::of).orElse(null);
        if (origin == CalendarYearRevision.Origin.API) {
            audit.append("calendar.loaded", "calendar-year", accepted.year(), before, RevisionAudit.of(row));
        } else {
            audit.appendAsSystem("calendar-seed", "calendar.seeded", "calendar-year", accepted.year(), before,
                    RevisionAudit.of(row));
        }
        return new Loaded(row, true, inForce.isEmpty());
    }

    /** What the audit trail keeps of a year's revision: the digest of its content pins the days. */
    record RevisionAudit(int year, int revision, String noticeId, String contentSha256, String origin) {
        static RevisionAudit of(CalendarYearRevision r) {
            return new RevisionAudit(r.year, r.revision, r.noticeId, r.contentSha256, r.origin.name());
        }
    }

    /** The calendar as stored now, bypassing the cache: what a load must be checked against. */
    private WorkingCalendar fresh() {
        List<CalendarYear> years = new ArrayList<>();
        for (CalendarYearRevision row : latest()) {
            years.add(row.toDomain());
        }
        return WorkingCalendar.of(years);
    }

    private void lock() {
        em.createNativeQuery(LOCK).getSingleResult();
    }
}
