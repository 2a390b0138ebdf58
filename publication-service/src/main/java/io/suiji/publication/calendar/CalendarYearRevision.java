package io.suiji.publication.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code calendar_year_revision}: one load of one year's calendar. Append-only; a year's
 * calendar in force is its highest revision.
 */
@Entity
@Table(name = "calendar_year_revision")
public class CalendarYearRevision extends PanacheEntityBase {

    /** Where a revision came from. */
    public enum Origin {
        /** the data files shipped with the service ({@code calendar/cn/}) */
        BUNDLED,
        /** an administrator, through the API */
        API
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public int year;

    public int revision;

    @Column(name = "notice_id")
    public String noticeId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "amending_notice_ids", columnDefinition = "text[]")
    public List<String> amendingNoticeIds;

    public String source;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "days_off", columnDefinition = "date[]")
    public List<LocalDate> daysOff;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "working_weekend_days", columnDefinition = "date[]")
    public List<LocalDate> workingWeekendDays;

    @Column(name = "content_sha256")
    public String contentSha256;

    @Enumerated(EnumType.STRING)
    public Origin origin;

    @Column(name = "loaded_by")
    public String loadedBy;

    @Column(name = "loaded_at", insertable = false, updatable = false)
    public OffsetDateTime loadedAt;

    public CalendarYear toDomain() {
        return new CalendarYear(year, noticeId, amendingNoticeIds, source, daysOff, workingWeekendDays);
    }

    static CalendarYearRevision of(CalendarYear year, int revision, Origin origin, String loadedBy) {
        CalendarYearRevision row = new CalendarYearRevision();
        row.year = year.year();
        row.revision = revision;
        row.noticeId = year.noticeId();
        row.amendingNoticeIds = year.amendingNoticeIds();
        row.source = year.source();
        row.daysOff = year.daysOff();
        row.workingWeekendDays = year.workingWeekendDays();
        row.contentSha256 = year.contentDigest();
        row.origin = origin;
        row.loadedBy = loadedBy;
        return row;
    }
}
