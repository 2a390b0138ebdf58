package io.suiji.publication.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the calendar API answers. */
public final class CalendarViews {

    private CalendarViews() {
    }

    @Schema(name = "WorkingDayDate", description = "起算日加 n 个工作日的结果")
    public record DueDateView(
            @Schema(description = "第 n 个工作日（起算日不计入）") LocalDate date,
            @Schema(description = "为 true 时，计算经过了尚未载入节假日安排的年份，结果仅按周末推算，仅供参考") boolean provisional,
            @Schema(description = "尚未载入节假日安排的年份（仅在 provisional 为 true 时给出）")
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Integer> missingYears,
            @Schema(description = "临时结果的说明") @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

        static DueDateView of(DueDate due) {
            return new DueDateView(due.date(), due.provisional(), due.missingYears(), provisionalNote(due.missingYears()));
        }
    }

    @Schema(name = "WorkingDayCount", description = "两个日期之间的工作日数")
    public record WorkingDayCountView(
            @Schema(description = "from 之后（不含 from）至 to（含 to）的工作日数") int workingDays,
            @Schema(description = "为 true 时，区间内有尚未载入节假日安排的年份，结果仅按周末推算，仅供参考") boolean provisional,
            @Schema(description = "尚未载入节假日安排的年份（仅在 provisional 为 true 时给出）")
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Integer> missingYears,
            @Schema(description = "临时结果的说明") @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

        static WorkingDayCountView of(WorkingDayCount count) {
            return new WorkingDayCountView(count.workingDays(), count.provisional(), count.missingYears(), provisionalNote(count.missingYears()));
        }
    }

    @Schema(name = "CalendarYearSummary", description = "已载入的年度节假日安排")
    public record CalendarYearSummary(
            int year,
            @Schema(description = "通知在中国政府网的编号（content_…）") String noticeId,
            @Schema(description = "通知标题") String noticeTitle,
            @Schema(description = "后续修改本年安排的通知编号") List<String> amendingNoticeIds,
            @Schema(description = "放假天数（逐日列出的日期数）") int daysOff,
            @Schema(description = "调休上班的周末天数") int workingWeekendDays,
            @Schema(description = "版本号：每次载入新数据加一") int revision,
            @Schema(description = "BUNDLED：随系统发布的数据；API：管理员载入") String origin,
            OffsetDateTime loadedAt) {

        static CalendarYearSummary of(CalendarYearRevision row) {
            CalendarYear year = row.toDomain();
            return new CalendarYearSummary(year.year(), year.noticeId(), year.noticeTitle(), year.amendingNoticeIds(),
                    year.daysOff().size(), year.workingWeekendDays().size(), row.revision, row.origin.name(), row.loadedAt);
        }
    }

    @Schema(name = "CalendarYear", description = "某年的节假日安排（现行版本）")
    public record CalendarYearView(
            int year,
            String noticeId,
            String noticeTitle,
            List<String> amendingNoticeIds,
            @Schema(description = "数据来源说明") String source,
            @Schema(description = "放假日期") List<LocalDate> daysOff,
            @Schema(description = "调休上班的周六、周日") List<LocalDate> workingWeekendDays,
            int revision,
            String origin,
            OffsetDateTime loadedAt,
            @Schema(description = "数据内容的 SHA-256，用于核对") String contentSha256) {

        static CalendarYearView of(CalendarYearRevision row) {
            CalendarYear year = row.toDomain();
            return new CalendarYearView(year.year(), year.noticeId(), year.noticeTitle(), year.amendingNoticeIds(), year.source(),
                    year.daysOff(), year.workingWeekendDays(), row.revision, row.origin.name(), row.loadedAt, row.contentSha256);
        }
    }

    @Schema(name = "CalendarYearRevision", description = "某年节假日安排的一次载入记录")
    public record RevisionView(int year, int revision, String noticeId, List<String> amendingNoticeIds, String source,
            List<LocalDate> daysOff, List<LocalDate> workingWeekendDays, String origin,
            @Schema(description = "载入人") String loadedBy, OffsetDateTime loadedAt, String contentSha256) {

        static RevisionView of(CalendarYearRevision row) {
            return new RevisionView(row.year, row.revision, row.noticeId, row.amendingNoticeIds, row.source, row.daysOff,
                    row.workingWeekendDays, row.origin.name(), row.loadedBy, row.loadedAt, row.contentSha256);
        }
    }

    static String provisionalNote(List<Integer> missingYears) {
        if (missingYears.isEmpty()) {
            return null;
        }
        String years = missingYears.stream().map(y -> y + "年").collect(Collectors.joining("、"));
        return years + "的节假日安排尚未载入，涉及的日期仅按周末推算，本结果为临时结果；"
                + "待国务院办公厅公布当年节假日安排并由管理员载入后，以正式日历为准。";
    }
}
