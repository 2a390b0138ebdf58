package io.suiji.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run of the year produced, per task and in total: the numbers the table shows and the
 * full-flow system test asserts.
 */
public final class Summary {

    /** One task's first batch from draw to publication. */
    public record TaskRow(String taskId, String name, List<String> matterCodes, long eligible, long excluded, long drawn,
                          long groups, long assignments, long closed, Map<String, Long> outcomes, long published,
                          long exempt, LocalDate dueDate, String disclosureStatus, String verification) {

        long problems() {
            return outcomes.entrySet().stream().filter(e -> Outcomes.PROBLEMS.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        long sanctions() {
            return outcomes.entrySet().stream().filter(e -> Outcomes.SANCTIONS.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    public int year;
    public String planId;
    public long entitiesImported;
    public long inspectorsImported;
    public int inspectorAccounts;
    public final List<TaskRow> tasks = new ArrayList<>();
    /** Sanctions the published results call for, and what the local receiver got. */
    public long sanctionsExpected;
    public int sanctionsReceived;
    public int sanctionRepeats;
    public int badSignatures;
    /** Drawn entities whose registry record shows this year's inspection of the matter, of those checked. */
    public int registryUpdated;
    public int registryChecked;
    /** The task whose results the demo deliberately leaves unpublished, or null if no task drew anybody. */
    public String unpublishedTask;
    /** Task ids of the disclosures the dashboard lists as overdue. */
    public final List<String> overdueTasks = new ArrayList<>();
    public final Map<String, String> urls = new TreeMap<>();
    public long seconds;

    public long drawn() {
        return tasks.stream().mapToLong(TaskRow::drawn).sum();
    }

    public long assignments() {
        return tasks.stream().mapToLong(TaskRow::assignments).sum();
    }

    public long closed() {
        return tasks.stream().mapToLong(TaskRow::closed).sum();
    }

    public long published() {
        return tasks.stream().mapToLong(TaskRow::published).sum();
    }

    public long exempt() {
        return tasks.stream().mapToLong(TaskRow::exempt).sum();
    }

    /** Closed inspections of tasks whose results were published: each is published or exempt. */
    public long closedInPublishedTasks() {
        return tasks.stream().filter(t -> "PUBLISHED".equals(t.disclosureStatus())).mapToLong(TaskRow::closed).sum();
    }

    public boolean allVerified() {
        return tasks.stream().allMatch(t -> "VERIFIED".equals(t.verification()));
    }

    /** The table printed at the end of a run. */
    public String table() {
        StringBuilder out = new StringBuilder();
        String format = "%-4s %-26s %7s %6s %5s %5s %7s %5s %5s %5s %-11s %-10s %s%n";
        out.append(String.format(format, "任务", "事项", "可抽", "排除", "抽中", "检查组", "未发现问题", "问题", "公示", "不公开",
                "公示期限", "公示状态", "验证"));
        for (TaskRow t : tasks) {
            String name = t.name().length() > 24 ? t.name().substring(0, 23) + "…" : t.name();
            out.append(String.format(format, t.taskId(), name, t.eligible(), t.excluded(), t.drawn(), t.groups(),
                    t.outcomes().getOrDefault("NO_PROBLEM", 0L), t.problems(), t.published(), t.exempt(),
                    t.dueDate() == null ? "-" : t.dueDate(), t.disclosureStatus(), t.verification()));
        }
        out.append(String.format(format, "合计", "", tasks.stream().mapToLong(TaskRow::eligible).sum(),
                tasks.stream().mapToLong(TaskRow::excluded).sum(), drawn(),
                tasks.stream().mapToLong(TaskRow::groups).sum(),
                tasks.stream().mapToLong(t -> t.outcomes().getOrDefault("NO_PROBLEM", 0L)).sum(),
                tasks.stream().mapToLong(TaskRow::problems).sum(), published(), exempt(), "", "", ""));
        return out.toString();
    }
}
