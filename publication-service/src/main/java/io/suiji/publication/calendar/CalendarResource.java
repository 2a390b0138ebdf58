package io.suiji.publication.calendar;

import io.suiji.platform.problem.Problem;
import io.suiji.platform.problem.ProblemException;
import io.suiji.platform.security.CallerScope;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The working-day calendar over HTTP: deadline arithmetic for anyone, loading a year's holiday
 * notice for administrators. A thin shell around {@link WorkingCalendar} and {@link CalendarService}.
 */
@Path("/api/v1/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "工作日历", description = "按国务院办公厅每年的节假日安排计算工作日（如“任务完成后 20 个工作日内公示”）；管理员载入新一年的安排")
public class CalendarResource {

    /** The largest {@code add} the API accepts: four years of working days, far beyond any deadline. */
    public static final int MAX_ADD = 1000;
    static final String ADMIN = "admin";
    private static final LocalDate FIRST_DATE = LocalDate.of(CalendarYear.MIN_YEAR, 1, 1);
    private static final LocalDate LAST_DATE = LocalDate.of(CalendarYear.MAX_YEAR, 12, 31);

    private final CalendarService calendars;
    private final CallerScope caller;

    @Inject
    public CalendarResource(CalendarService calendars, CallerScope caller) {
        this.calendars = calendars;
        this.caller = caller;
    }

    @GET
    @Path("working-days")
    @PermitAll
    @Operation(summary = "计算工作日", description = """
            两种用法：from + add 求“起算日后第 add 个工作日”（期间开始之日不计算在内，add=0 即起算日本身）；\
            from + to 求 from 之后（不含）至 to（含）的工作日数。节假日与调休以已载入的国务院办公厅通知为准；\
            计算经过尚未载入安排的年份时仅按周末推算，结果标记 provisional=true 并列出缺少的年份。""")
    @APIResponse(responseCode = "200", description = "结果",
            content = @Content(schema = @Schema(oneOf = {CalendarViews.DueDateView.class, CalendarViews.WorkingDayCountView.class})))
    @APIResponse(responseCode = "400", description = "参数缺失或无效（problem+json，errors 中列出每个参数）")
    public Response workingDays(
            @Parameter(description = "起算日期 YYYY-MM-DD（不计入）", required = true, example = "2020-09-25") @QueryParam("from") String from,
            @Parameter(description = "加多少个工作日，0–" + MAX_ADD + "；与 to 二选一", example = "20") @QueryParam("add") String add,
            @Parameter(description = "截止日期 YYYY-MM-DD（计入），不得早于 from；与 add 二选一") @QueryParam("to") String to) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate fromDate = date("from", from, errors);
        Integer addDays = null;
        LocalDate toDate = null;
        boolean hasAdd = add != null && !add.isBlank();
        boolean hasTo = to != null && !to.isBlank();
        if (hasAdd && hasTo) {
            errors.add(new Problem.FieldError("add", "give either add or to, not both"));
            errors.add(new Problem.FieldError("to", "give either add or to, not both"));
        } else if (!hasAdd && !hasTo) {
            errors.add(new Problem.FieldError("add", "is required unless to is given (working days to add, 0–" + MAX_ADD + ")"));
            errors.add(new Problem.FieldError("to", "is required unless add is given (a date YYYY-MM-DD to count up to)"));
        } else if (hasAdd) {
            addDays = whole("add", add, errors);
        } else {
            toDate = date("to", to, errors);
            if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
                errors.add(new Problem.FieldError("to", "must not be before from (" + fromDate + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badParameters(errors);
        }
        WorkingCalendar calendar = calendars.calendar();
        if (addDays != null) {
            return Response.ok(CalendarViews.DueDateView.of(calendar.plusWorkingDays(fromDate, addDays))).build();
        }
        return Response.ok(CalendarViews.WorkingDayCountView.of(calendar.workingDaysBetween(fromDate, toDate))).build();
    }

    @GET
    @Path("years")
    @PermitAll
    @Operation(summary = "已载入的年度节假日安排", description = "每年一条：通知编号与标题、放假及调休上班天数、现行版本")
    public List<CalendarViews.CalendarYearSummary> years() {
        return calendars.latest().stream().map(CalendarViews.CalendarYearSummary::of).toList();
    }

    @GET
    @Path("years/{year}")
    @PermitAll
    @Operation(summary = "某年的节假日安排", description = "现行版本的全部放假日期和调休上班日期")
    @APIResponse(responseCode = "404", description = "该年尚未载入")
    public CalendarViews.CalendarYearView year(@Parameter(description = "年份", example = "2026") @PathParam("year") String year) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Integer y = year("year", year, errors);
        if (y == null) {
            throw ProblemException.badParameters(errors);
        }
        return calendars.latest(y).map(CalendarViews.CalendarYearView::of)
                .orElseThrow(() -> ProblemException.notFound("calendar year", y));
    }

    @GET
    @Path("years/{year}/revisions")
    @RolesAllowed({ADMIN, "auditor", "supervisor"})
    @Operation(summary = "某年节假日安排的载入记录", description = "每次载入一条，含载入人与时间；仅管理员、审计与督查人员可见")
    public List<CalendarViews.RevisionView> revisions(@Parameter(description = "年份") @PathParam("year") String year) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Integer y = year("year", year, errors);
        if (y == null) {
            throw ProblemException.badParameters(errors);
        }
        List<CalendarYearRevision> rows = calendars.revisions(y);
        if (rows.isEmpty()) {
            throw ProblemException.notFound("calendar year", y);
        }
        return rows.stream().map(CalendarViews.RevisionView::of).toList();
    }

    @PUT
    @Path("years/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    @Operation(summary = "载入或替换某年的节假日安排", description = """
            国务院办公厅公布新一年的节假日安排后，由管理员逐日录入放假日期和调休上班日期及通知编号。\
            校验：日期格式、同一日期不得重复列出、调休上班日必须是周六或周日、日期须在该年内（元旦假期可始于上一年 12 月下旬）、\
            不得与相邻年份的安排矛盾；一次列出全部问题（422）。替换时保留历史版本。""")
    @APIResponse(responseCode = "201", description = "首次载入该年")
    @APIResponse(responseCode = "200", description = "已替换（或内容与现行版本相同，未产生新版本）")
    @APIResponse(responseCode = "400", description = "路径中的年份无效（problem+json，errors 中指明 year）")
    @APIResponse(responseCode = "422", description = "数据有误，errors 中列出每个问题")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "仅管理员（admin）可载入")
    public Response load(@Parameter(description = "年份", example = "2027") @PathParam("year") String year, CalendarYearJson body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Integer y = year("year", year, errors);
        if (y == null) {
            throw ProblemException.badParameters(errors);
        }
        CalendarService.Loaded loaded;
        try {
            loaded = calendars.load(y, body == null ? null : body.toInput(), caller.name());
        } catch (InvalidCalendarYearException e) {
            throw ProblemException.invalid(e.problems().stream().map(p -> new Problem.FieldError(p.field(), p.message())).toList());
        }
        CalendarViews.CalendarYearView view = CalendarViews.CalendarYearView.of(loaded.revision());
        if (loaded.created()) {
            return Response.created(URI.create("/api/v1/calendar/years/" + y)).entity(view).build();
        }
        return Response.ok(view).build();
    }

    private static LocalDate date(String name, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(name, "is required (a date YYYY-MM-DD)"));
            return null;
        }
        String text = value.strip();
        try {
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate date = LocalDate.parse(text);
                if (!date.isBefore(FIRST_DATE) && !date.isAfter(LAST_DATE)) {
                    return date;
                }
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(new Problem.FieldError(name, "value " + abbreviate(text) + " is not a date YYYY-MM-DD from " + FIRST_DATE + " to " + LAST_DATE));
        return null;
    }

    private static Integer whole(String name, String value, List<Problem.FieldError> errors) {
        String text = value.strip();
        if (text.matches("\\d{1,9}")) {
            int n = Integer.parseInt(text);
            if (n <= MAX_ADD) {
                return n;
            }
        }
        errors.add(new Problem.FieldError(name, "value " + abbreviate(text) + " must be a whole number from 0 to " + MAX_ADD));
        return null;
    }

    private static Integer year(String name, String value, List<Problem.FieldError> errors) {
        String text = value == null ? "" : value.strip();
        if (text.matches("\\d{4}")) {
            int y = Integer.parseInt(text);
            if (y >= CalendarYear.MIN_YEAR && y <= CalendarYear.MAX_YEAR) {
                return y;
            }
        }
        errors.add(new Problem.FieldError(name, "value " + abbreviate(text) + " is not a year from " + CalendarYear.MIN_YEAR
                + " to " + CalendarYear.MAX_YEAR));
        return null;
    }

    // Echoed values are bounded: a problem answer must not mirror a megabyte of garbage.
    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
