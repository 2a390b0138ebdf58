package io.suiji.publication.disclosure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 抽查结果公示 — the results of one completed task batch, due 20 working days after completion. */
@Entity
@Table(name = "disclosure")
public class Disclosure extends PanacheEntityBase {

    public static final String OPEN = "OPEN";
    public static final String PUBLISHED = "PUBLISHED";

    @Id
    public UUID id;

    @Column(name = "task_id")
    public String taskId;

    public int batch;

    @Column(name = "draw_id")
    public String drawId;

    public String region;

    public String department;

    @Column(name = "assignment_count")
    public long assignmentCount;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    @Column(name = "due_date")
    public LocalDate dueDate;

    /** The due date passed through a year whose holiday notice is not loaded yet. */
    @Column(name = "due_provisional")
    public boolean dueProvisional;

    public String status;

    @Column(name = "opened_at")
    public OffsetDateTime openedAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "on_time")
    public Boolean onTime;

    @Column(name = "item_count")
    public Integer itemCount;

    @Column(name = "exempt_count")
    public Integer exemptCount;

    @Column(name = "due_soon_sent_at")
    public OffsetDateTime dueSoonSentAt;

    @Column(name = "overdue_sent_at")
    public OffsetDateTime overdueSentAt;

    public boolean published() {
        return PUBLISHED.equals(status);
    }
}
