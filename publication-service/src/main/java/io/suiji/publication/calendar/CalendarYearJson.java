package io.suiji.publication.calendar;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON of one year's calendar: the body of {@code PUT /api/v1/calendar/years/{year}} and the
 * format of the bundled files {@code calendar/cn/<year>.json} — one format, one parser. Fields it
 * does not know are collected and reported, never ignored (a misspelt {@code workingWeekendDays}
 * must not load a year without its working weekends).
 */
@Schema(name = "CalendarYearData", description = "某年的节假日安排（按国务院办公厅通知逐日列出）")
public class CalendarYearJson {

    @Schema(description = "年份；可省略，若给出须与地址中的年份一致", examples = "2027")
    public Integer year;

    @Schema(description = "通知在中国政府网的编号（content_ 后的数字），如 2026 年为 7047090", required = true, examples = "7047090")
    public String noticeId;

    @Schema(description = "后续修改本年安排的通知编号（如 2020 年延长春节假期的通知 5472352）")
    public List<String> amendingNoticeIds;

    @Schema(description = "数据来源说明")
    public String source;

    @Schema(description = "放假日期（YYYY-MM-DD），逐日列出每个假期的全部日期，含其中的周末；元旦假期可始于上一年 12 月下旬",
            required = true)
    public List<String> daysOff;

    @Schema(description = "调休上班的周六、周日（YYYY-MM-DD）")
    public List<String> workingWeekendDays;

    @Schema(hidden = true)
    private final List<String> unknownFields = new ArrayList<>();

    @JsonAnySetter
    void unknown(String name, Object value) {
        unknownFields.add(name);
    }

    public CalendarYearInput toInput() {
        return new CalendarYearInput(year, noticeId, amendingNoticeIds, source, daysOff, workingWeekendDays, unknownFields);
    }
}
