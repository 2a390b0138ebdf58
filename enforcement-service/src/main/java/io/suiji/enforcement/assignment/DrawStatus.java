package io.suiji.enforcement.assignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A draw as enforcement knows it: how many selections to expect, and whether it was cancelled. */
@Entity
@Table(name = "draw_status")
public class DrawStatus extends PanacheEntityBase {

    @Id
    @Column(name = "draw_id")
    public String drawId;

    @Column(name = "task_id")
    public String taskId;

    public Integer batch;

    @Column(name = "matter_code")
    public String matterCode;

    public String region;

    public String department;

    @Column(name = "expected_count")
    public Long expectedCount;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "task_completed_on")
    public LocalDate taskCompletedOn;

    /** "complete" when every selection has arrived, else how many are missing. */
    public static String completeness(Long expected, long received) {
        if (expected == null) {
            return "awaiting DrawCompleted (" + received + " received)";
        }
        long missing = expected - received;
        return missing <= 0 ? "complete" : missing + " missing";
    }
}
