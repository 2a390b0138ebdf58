package io.suiji.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue #9's personal-data check on a suite that has played its year: resident ID numbers must appear
 * nowhere public, on no topic and in no service log — neither any number of the ID pattern
 * ({@link ResidentIdScanner}) nor, exactly, any of the individuals the test imported — and natural
 * persons' names appear on public pages only masked. Every finding says where.
 */
final class PersonalDataScan {

    private static final Pattern LINK = Pattern.compile("href=\"([^\"]+)\"");
    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]{15,}[0-9Xx]?");
    private static final int MAX_PAGES = 5000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * The individuals (享受养老保险待遇人员) of the imported registry files, and the names that may be
     * public in full: organisations' and inspectors' (officials acting in office).
     */
    record Registry(Set<String> residentIds, Set<String> personNames, List<String> publicNames) {

        static Registry of(Path dir) throws IOException {
            Set<String> ids = new HashSet<>();
            Set<String> names = new HashSet<>();
            List<String> publicNames = new ArrayList<>();
            for (String[] cells : rows(dir.resolve("entities.csv"))) {
                if (ResidentIdScanner.find(cells[0]).contains(cells[0])) {
                    ids.add(cells[0]);
                    names.add(cells[1]);
                } else {
                    publicNames.add(cells[1]);
                }
            }
            for (String[] cells : rows(dir.resolve("inspectors.csv"))) {
                publicNames.add(cells[0]);
            }
            // Longest first, so that a name inside a longer one is not cut out of it first.
            publicNames.sort(java.util.Comparator.comparingInt(String::length).reversed());
            return new Registry(ids, names, publicNames);
        }

        // The generator's files: a header line, no quoted cells in the first two columns.
        private static List<String[]> rows(Path csv) throws IOException {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            return lines.subList(1, lines.size()).stream().map(line -> line.split(",", 3)).toList();
        }

        /** The registry file the demo generated and imported into this suite (newest, for the settings). */
        static Registry importedFrom(Path workDir, long seed, long targets, int inspectors) throws IOException {
            String prefix = "registry-" + seed + "-" + targets + "-" + inspectors + "-";
            try (var dirs = Files.list(workDir)) {
                Path dir = dirs.filter(d -> d.getFileName().toString().startsWith(prefix))
                        .max(java.util.Comparator.comparing(d -> d.getFileName().toString()))
                        .orElseThrow(() -> new IllegalStateException("no " + prefix + "* in " + workDir));
                return of(dir);
            }
        }
    }

    /** What was scanned and what was found. */
    record Report(int pages, int entityPages, int records, int maskedNamesSeen, List<String> findings) {
    }

    private final Registry registry;
    private final List<String> findings = new ArrayList<>();
    private int records;

    PersonalDataScan(Registry registry) {
        this.registry = registry;
    }

    /** Scans the public site, every topic and every service's log of this run. */
    Report run(String publicSite, String kafka, List<ServiceProcess> services) throws IOException, InterruptedException {
        Map<String, String> pages = crawl(publicSite);
        int masked = 0;
        for (String name : registry.personNames()) {
            String shown = name.charAt(0) + "*".repeat(name.codePointCount(0, name.length()) - 1);
            if (pages.values().stream().anyMatch(text -> text.contains(shown))) {
                masked++;
            }
        }
        for (var page : pages.entrySet()) {
            scan("public " + page.getKey(), page.getValue());
            fullNames("public " + page.getKey(), page.getValue());
        }
        EventContracts.check(kafka, FirstSliceIT.POISON_KEY_PREFIX, (where, text) -> {
            if (!where.endsWith(" key")) {
                records++;
            }
            scan("topic " + where, text);
        });
        for (ServiceProcess service : services) {
            scan("log of " + service.name(), service.logOfThisRun());
        }
        int entityPages = (int) pages.keySet().stream().filter(p -> p.startsWith("/entities/")).count();
        return new Report(pages.size(), entityPages, records, masked, findings);
    }

    private void scan(String where, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (String id : ResidentIdScanner.find(text)) {
            findings.add(where + ": an ID number " + mask(id));
        }
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            for (String id : registry.residentIds()) {
                if (run.group().toUpperCase().contains(id)) {
                    findings.add(where + ": the imported individual's ID number " + mask(id));
                }
            }
        }
    }

    // A person's name inside an organisation's name (个体工商户 may carry one) is the organisation's,
    // and an inspector of the same name is an official: neither counts.
    private void fullNames(String where, String text) {
        String rest = text;
        for (String name : registry.publicNames()) {
            rest = rest.replace(name, "");
        }
        for (String name : registry.personNames()) {
            if (rest.contains(name)) {
                findings.add(where + ": the full name of an individual, " + name.charAt(0) + "…");
            }
        }
    }

    // Findings land in test reports: never print the number itself.
    private static String mask(String id) {
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }

    /**
     * Every page reachable from the public site's entry points by its own links (results paging,
     * entity, plan and disclosure pages), the downloads and the public JSON API's every page.
     */
    private static Map<String, String> crawl(String site) throws IOException, InterruptedException {
        Map<String, String> pages = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/", "/plans", "/catalogue", "/results", "/results.csv",
                "/results.json", "/feed.atom"));
        Set<String> seen = new HashSet<>(queue);
        while (!queue.isEmpty()) {
            if (pages.size() >= MAX_PAGES) {
                throw new AssertionError("the public site has more than " + MAX_PAGES + " pages: is the crawl looping?");
            }
            String path = queue.poll();
            HttpResponse<String> response = get(site + path);
            if (response.statusCode() != 200) {
                throw new AssertionError("public " + path + " answered " + response.statusCode());
            }
            pages.put(path, response.body());
            Matcher link = LINK.matcher(response.body());
            while (link.find()) {
                String target = link.group(1).replace("&amp;", "&");
                if (target.startsWith(site + "/")) {
                    target = target.substring(site.length()); // the pager's links are absolute
                }
                if (target.startsWith("?")) {
                    target = path.replaceAll("\\?.*", "") + target;
                }
                if (target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/q/")
                        && !target.startsWith("/supervision") && seen.add(target)) {
                    queue.add(target);
                }
            }
        }
        ObjectMapper json = new ObjectMapper();
        for (int page = 0; ; page++) {
            String path = "/api/v1/public/results?size=100&page=" + page;
            HttpResponse<String> response = get(site + path);
            JsonNode body = json.readTree(response.body());
            pages.put(path, response.body());
            if (body.path("items").isEmpty() || (long) (page + 1) * 100 >= body.path("total").asLong()) {
                return pages;
            }
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
