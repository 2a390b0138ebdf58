package io.suiji.publication.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundled data against the reference table, re-typed here in its own notation (blocks
 * "01-24…02-02", as shared/reference/cn-working-calendar.md prints them), so that a slip in
 * either copy shows.
 */
class BundledCalendarTest {

    private record Row(String noticeId, List<String> amending, String daysOff, String workingWeekendDays) {
    }

    private static final Map<Integer, Row> REFERENCE = Map.of(
            2020, new Row("5454164", List.of("5472352"),
                    "01-01; 春节 01-24…02-02; 清明 04-04…04-06; 劳动 05-01…05-05; 端午 06-25…06-27; 国庆·中秋 10-01…10-08",
                    "01-19, 04-26, 05-09, 06-28, 09-27, 10-10"),
            2021, new Row("5564127", List.of(),
                    "01-01…01-03; 春节 02-11…02-17; 清明 04-03…04-05; 劳动 05-01…05-05; 端午 06-12…06-14; 中秋 09-19…09-21; 国庆 10-01…10-07",
                    "02-07, 02-20, 04-25, 05-08, 09-18, 09-26, 10-09"),
            2022, new Row("5644835", List.of(),
                    "01-01…01-03; 春节 01-31…02-06; 清明 04-03…04-05; 劳动 04-30…05-04; 端午 06-03…06-05; 中秋 09-10…09-12; 国庆 10-01…10-07",
                    "01-29, 01-30, 04-02, 04-24, 05-07, 10-08, 10-09"),
            2023, new Row("5730844", List.of(),
                    "元旦 2022-12-31…2023-01-02; 春节 01-21…01-27; 清明 04-05; 劳动 04-29…05-03; 端午 06-22…06-24; 中秋·国庆 09-29…10-06",
                    "01-28, 01-29, 04-23, 05-06, 06-25, 10-07, 10-08"),
            2024, new Row("6911527", List.of(),
                    "01-01; 春节 02-10…02-17; 清明 04-04…04-06; 劳动 05-01…05-05; 端午 06-10; 中秋 09-15…09-17; 国庆 10-01…10-07",
                    "02-04, 02-18, 04-07, 04-28, 05-11, 09-14, 09-29, 10-12"),
            2025, new Row("6986382", List.of(),
                    "01-01; 春节 01-28…02-04; 清明 04-04…04-06; 劳动 05-01…05-05; 端午 05-31…06-02; 国庆·中秋 10-01…10-08",
                    "01-26, 02-08, 04-27, 09-28, 10-11"),
            2026, new Row("7047090", List.of(),
                    "01-01…01-03; 春节 02-15…02-23; 清明 04-04…04-06; 劳动 05-01…05-05; 端午 06-19…06-21; 中秋 09-25…09-27; 国庆 10-01…10-07",
                    "01-04, 02-14, 02-28, 05-09, 09-20, 10-10"));

    @Test
    void everyBundledYearMatchesTheReferenceDayByDay() {
        WorkingCalendar bundled = BundledCalendar.calendar();
        assertEquals(List.of(2020, 2021, 2022, 2023, 2024, 2025, 2026), List.copyOf(bundled.years().keySet()));
        REFERENCE.forEach((year, row) -> {
            CalendarYear data = bundled.year(year).orElseThrow();
            assertEquals(row.noticeId(), data.noticeId(), year + " notice");
            assertEquals(row.amending(), data.amendingNoticeIds(), year + " amending notices");
            assertEquals(expand(year, row.daysOff()), data.daysOff(), year + " days off");
            assertEquals(expand(year, row.workingWeekendDays()), data.workingWeekendDays(), year + " working weekend days");
            assertTrue(data.source().contains("cn-working-calendar.md"), year + " says where it was copied from");
            assertTrue(data.source().contains("content_" + row.noticeId()), year + " cites its notice");
        });
    }

    @Test
    void the2020DataFollowsTheExtensionNotTheOriginalNotice() {
        CalendarYear y2020 = BundledCalendar.calendar().year(2020).orElseThrow();
        assertTrue(y2020.daysOff().contains(LocalDate.parse("2020-02-01")));
        assertTrue(!y2020.workingWeekendDays().contains(LocalDate.parse("2020-02-01")));
        assertTrue(y2020.source().contains("5472352"));
    }

    @Test
    void theIndexListsEveryFileOfTheDirectory() throws IOException {
        Path directory = Path.of("src/main/resources", BundledCalendar.DIRECTORY);
        List<String> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
        List<String> indexed = Files.readAllLines(directory.resolve("index")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
        assertEquals(files, indexed);
    }

    @Test
    void unknownFieldsOfAFileAreReported() {
        CalendarYearInput input = BundledCalendar.parse(2027, """
                {"noticeId": "1", "daysOff": ["2027-01-01"], "workingWeekends": ["2027-02-06"]}""");
        assertEquals(List.of("workingWeekends"), input.unknownFields());
        assertEquals(2027, input.year());
    }

    /** "01-24…02-02; 清明 04-04…04-06" (labels optional; "…" a range; a full date where the year differs). */
    private static List<LocalDate> expand(int year, String blocks) {
        List<LocalDate> days = new ArrayList<>();
        for (String block : blocks.split("[;,]")) {
            String[] words = block.strip().split(" ");
            String[] range = words[words.length - 1].split("…");
            LocalDate first = date(year, range[0]);
            LocalDate last = range.length > 1 ? date(year, range[1]) : first;
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                days.add(day);
            }
        }
        return days.stream().sorted().toList();
    }

    private static LocalDate date(int year, String text) {
        return LocalDate.parse(text.length() == 10 ? text : year + "-" + text);
    }
}
