package io.suiji.publication.calendar;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The official calendar shipped with the service: {@code calendar/cn/<year>.json}, one file per
 * year in the format of {@link CalendarYearJson}, listed in {@code calendar/cn/index} (a jar cannot
 * be listed). Each file says in its {@code source} where it was copied from. A new year: add its
 * file and its line in the index (or load it through the API, which needs no release).
 */
public final class BundledCalendar {

    public static final String DIRECTORY = "calendar/cn/";
    public static final String INDEX = DIRECTORY + "index";

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private BundledCalendar() {
    }

    /** The bundled years, as written (not yet checked), each with its year from its file name. */
    public static List<CalendarYearInput> read() {
        List<CalendarYearInput> years = new ArrayList<>();
        for (String line : text(INDEX).split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            if (!name.matches("\\d{4}\\.json")) {
                throw new IllegalStateException(INDEX + ": " + name + " is not <year>.json");
            }
            int year = Integer.parseInt(name.substring(0, 4));
            years.add(parse(year, text(DIRECTORY + name)));
        }
        return years;
    }

    /** The bundled years, checked by {@link CalendarYearRules} one after another. */
    public static WorkingCalendar calendar() {
        WorkingCalendar calendar = WorkingCalendar.empty();
        for (CalendarYearInput input : read()) {
            calendar = calendar.with(CalendarYearRules.accept(input.year(), input, calendar));
        }
        return calendar;
    }

    static CalendarYearInput parse(int year, String json) {
        try {
            CalendarYearInput input = JSON.readValue(json, CalendarYearJson.class).toInput();
            if (input.year() != null && input.year() != year) {
                throw new IllegalStateException(DIRECTORY + year + ".json says it is " + input.year());
            }
            return new CalendarYearInput(year, input.noticeId(), input.amendingNoticeIds(), input.source(), input.daysOff(),
                    input.workingWeekendDays(), input.unknownFields());
        } catch (IOException e) {
            throw new UncheckedIOException(DIRECTORY + year + ".json is not readable", e);
        }
    }

    private static String text(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = BundledCalendar.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
