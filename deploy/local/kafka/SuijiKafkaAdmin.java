import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The one JVM that deploy/local/suite starts to talk to the local Kafka broker (a JVM start costs
 * about a second; TopicCommand would cost one per topic). Compiled once by the suite with the
 * Kafka libs on the class path. Usage:
 *
 * <pre>
 *   SuijiKafkaAdmin ready  BOOTSTRAP TIMEOUT_SECONDS              wait until the broker lists topics
 *   SuijiKafkaAdmin ensure BOOTSTRAP TOPICS_TSV [TIMEOUT_SECONDS] the same, then create missing topics
 *   SuijiKafkaAdmin list   BOOTSTRAP                              print topic, partitions, cleanup.policy
 * </pre>
 *
 * {@code ready} and {@code ensure} print {@code READY <epoch milliseconds>} once the broker has
 * answered a topic listing (the suite reports the broker's start time from it).
 *
 * TOPICS_TSV is tab-separated with a header line; the columns are {@code topic}, {@code partitions}
 * and then topic configuration keys ({@code cleanup.policy}, and any other key a later version of
 * the file adds, e.g. {@code retention.ms}); an empty cell leaves the broker default. Blank lines
 * and lines starting with {@code #} are skipped. For every topic not ending in {@code .dlq} a
 * dead-letter topic {@code <topic>.dlq} (3 partitions, cleanup.policy=delete) is created too,
 * unless the file lists it itself. Existing topics are never changed: a difference in partitions
 * or configuration is reported as a warning (exit code 0).
 */
public class SuijiKafkaAdmin {

    static final int DLQ_PARTITIONS = 3;

    record TopicSpec(String name, int partitions, Map<String, String> configs) {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage();
        }
        String command = args[0];
        String bootstrap = args[1];
        switch (command) {
            case "ready" -> {
                if (args.length != 3) usage();
                try (Admin admin = admin(bootstrap)) {
                    System.exit(ready(admin, bootstrap, Integer.parseInt(args[2])) ? 0 : 1);
                }
            }
            case "ensure" -> {
                if (args.length != 3 && args.length != 4) usage();
                List<TopicSpec> specs = withDeadLetterTopics(parse(Path.of(args[2])));
                try (Admin admin = admin(bootstrap)) {
                    if (!ready(admin, bootstrap, args.length == 4 ? Integer.parseInt(args[3]) : 30)) System.exit(1);
                    ensure(admin, specs);
                }
            }
            case "list" -> {
                try (Admin admin = admin(bootstrap)) {
                    list(admin);
                }
            }
            default -> usage();
        }
    }

    static void usage() {
        System.err.println("usage: SuijiKafkaAdmin ready BOOTSTRAP TIMEOUT_SECONDS"
                + " | ensure BOOTSTRAP TOPICS_TSV [TIMEOUT_SECONDS] | list BOOTSTRAP");
        System.exit(2);
    }

    static Admin admin(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "suiji-local-suite");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        return Admin.create(p);
    }

    /** True (after printing READY and the time) once the broker answers a topic listing. */
    static boolean ready(Admin admin, String bootstrap, int timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                admin.listTopics(new ListTopicsOptions().timeoutMs(2000)).names().get(3, TimeUnit.SECONDS);
                System.out.println("READY " + System.currentTimeMillis());
                return true;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                last = String.valueOf(e.getCause() != null ? e.getCause() : e);
                Thread.sleep(200);
            }
        }
        System.err.println("kafka at " + bootstrap + " did not list topics within " + timeoutSeconds + " s: " + last);
        return false;
    }

    static List<TopicSpec> parse(Path tsv) throws Exception {
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        List<String> header = null;
        List<TopicSpec> specs = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.isBlank() || line.startsWith("#")) continue;
            List<String> cells = Arrays.stream(line.split("\t", -1)).map(String::trim).toList();
            if (header == null) {
                header = cells;
                if (header.size() < 2 || !header.get(0).equals("topic") || !header.get(1).equals("partitions")) {
                    fail(tsv, lineNo, "header must start with 'topic<TAB>partitions', found: " + line);
                }
                continue;
            }
            if (cells.size() > header.size()) {
                fail(tsv, lineNo, "more cells (" + cells.size() + ") than header columns (" + header.size() + ")");
            }
            String name = cells.get(0);
            if (!name.matches("[a-zA-Z0-9._-]{1,249}")) fail(tsv, lineNo, "invalid topic name '" + name + "'");
            if (!seen.add(name)) fail(tsv, lineNo, "topic '" + name + "' listed twice");
            int partitions;
            try {
                partitions = Integer.parseInt(cells.size() > 1 ? cells.get(1) : "");
            } catch (NumberFormatException e) {
                partitions = -1;
            }
            if (partitions < 1) fail(tsv, lineNo, "partitions must be a positive integer for '" + name + "'");
            Map<String, String> configs = new LinkedHashMap<>();
            for (int i = 2; i < cells.size(); i++) {
                if (!cells.get(i).isEmpty()) configs.put(header.get(i), cells.get(i));
            }
            String policy = configs.get("cleanup.policy");
            if (policy != null && !policy.matches("(compact|delete)(,(compact|delete))?")) {
                fail(tsv, lineNo, "cleanup.policy must be compact, delete or compact,delete; found '" + policy + "'");
            }
            specs.add(new TopicSpec(name, partitions, configs));
        }
        if (header == null) fail(tsv, lineNo, "no header line");
        return specs;
    }

    static void fail(Path tsv, int lineNo, String message) {
        System.err.println(tsv + ":" + lineNo + ": " + message);
        System.exit(3);
    }

    static List<TopicSpec> withDeadLetterTopics(List<TopicSpec> specs) {
        Set<String> names = specs.stream().map(TopicSpec::name).collect(Collectors.toSet());
        List<TopicSpec> all = new ArrayList<>(specs);
        for (TopicSpec s : specs) {
            String dlq = s.name() + ".dlq";
            if (!s.name().endsWith(".dlq") && !names.contains(dlq)) {
                all.add(new TopicSpec(dlq, DLQ_PARTITIONS, Map.of("cleanup.policy", "delete")));
            }
        }
        return all;
    }

    static void ensure(Admin admin, List<TopicSpec> specs) throws Exception {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = specs.stream()
                .filter(s -> !existing.contains(s.name()))
                .map(s -> new NewTopic(s.name(), Optional.of(s.partitions()), Optional.empty()).configs(s.configs()))
                .toList();
        int created = 0;
        if (!missing.isEmpty()) {
            var result = admin.createTopics(missing);
            for (var e : result.values().entrySet()) {
                try {
                    e.getValue().get();
                    created++;
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("creating topic " + e.getKey() + ": " + ex.getCause(), ex.getCause());
                    }
                }
            }
        }
        check(admin, specs);
        System.out.printf("ENSURED %d topics (%d created, %d already present)%n", specs.size(), created, specs.size() - created);
    }

    /** Compares the broker's topics with the specs; prints one warning per difference. */
    static int check(Admin admin, List<TopicSpec> specs) throws Exception {
        Collection<String> names = specs.stream().map(TopicSpec::name).toList();
        Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get();
        Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()).all().get();
        int warnings = 0;
        for (TopicSpec s : specs) {
            int actual = descriptions.get(s.name()).partitions().size();
            if (actual != s.partitions()) {
                System.out.printf("WARNING: topic %s has %d partitions, the file asks for %d%n", s.name(), actual, s.partitions());
                warnings++;
            }
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, s.name()));
            for (var c : s.configs().entrySet()) {
                var entry = config.get(c.getKey());
                String value = entry == null ? null : entry.value();
                if (!c.getValue().equals(value)) {
                    System.out.printf("WARNING: topic %s has %s=%s, the file asks for %s%n", s.name(), c.getKey(), value, c.getValue());
                    warnings++;
                }
            }
        }
        return warnings;
    }

    static void list(Admin admin) throws Exception {
        Set<String> names = new TreeSet<>(admin.listTopics().names().get());
        if (names.isEmpty()) return;
        Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get();
        Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()).all().get();
        for (String n : names) {
            var policy = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, n)).get("cleanup.policy");
            System.out.printf("%s\t%d\t%s%n", n, descriptions.get(n).partitions().size(), policy == null ? "" : policy.value());
        }
    }
}
