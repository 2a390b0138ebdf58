package io.suiji.enforcement.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.OffsetDateTime;

/** 检查组成员: one inspector of the drawn group and, once given, their confirmation of the record. */
@Embeddable
public class Member {

    @Column(name = "inspector_id")
    public String inspectorId;

    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;

    public Member() {
    }

    public Member(String inspectorId) {
        this.inspectorId = inspectorId;
    }
}
