package io.suiji.registry.inspector;

import io.suiji.contracts.registry.ConflictDeclaration;
import io.suiji.contracts.registry.InspectorStatus;
import io.suiji.contracts.registry.Leave;
import io.suiji.registry.FieldProblem;
import io.suiji.registry.region.Regions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of the inspector registry: a certificate number of plausible form (only certified
 * staff are drawn), a department and a region of the city, expertise tags, leave periods that make
 * sense, and conflict declarations each naming one entity with a reason and a date.
 */
public final class InspectorRules {

    public static final int MAX_TAGS = 30;

    private InspectorRules() {
    }

    public record Checked(InspectorFacts facts, List<FieldProblem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public static Checked check(InspectorFacts facts, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = strip(facts.name());
        if (name == null || name.isEmpty()) {
            problems.add(new FieldProblem("name", "the name is required"));
        } else if (name.length() > 100) {
            problems.add(new FieldProblem("name", "at most 100 characters"));
        }
        String certificate = strip(facts.certificateNumber());
        if (certificate != null && certificate.isEmpty()) {
            certificate = null;
        }
        if (certificate != null) {
            certificate = certificate.toUpperCase(Locale.ROOT);
            if (!certificate.matches("[0-9A-Z][0-9A-Z-]{3,29}")) {
                problems.add(new FieldProblem("certificateNumber",
                        "a 执法证号 is 4 to 30 digits, capital letters and hyphens, found " + certificate));
            }
        }
        String department = strip(facts.department());
        if (department == null || department.isEmpty()) {
            problems.add(new FieldProblem("department", "the department (科室、单位) is required"));
        } else if (department.length() > 100) {
            problems.add(new FieldProblem("department", "at most 100 characters"));
        }
        String region = strip(facts.region());
        if (region == null || region.isEmpty()) {
            problems.add(new FieldProblem("region", "the region is required"));
        } else if (Regions.byCode(region).isEmpty()) {
            problems.add(new FieldProblem("region", region + " is not a region of 平顶山市 (410400, its divisions and zones)"));
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (String tag : facts.expertise()) {
            if (tag == null || tag.isBlank()) {
                continue;
            }
            if (tag.strip().length() > 60) {
                problems.add(new FieldProblem("expertise", "a tag has at most 60 characters"));
            }
            tags.add(tag.strip());
        }
        if (tags.size() > MAX_TAGS) {
            problems.add(new FieldProblem("expertise", "at most " + MAX_TAGS + " tags"));
        }
        InspectorStatus status = facts.status() == null ? InspectorStatus.ACTIVE : facts.status();
        if (status == InspectorStatus.RETIRED) {
            problems.add(new FieldProblem("status", "retire an inspector with POST …/retire, which records the date and reason"));
        }
        List<Leave> leaves = new ArrayList<>();
        for (int i = 0; i < facts.leaves().size(); i++) {
            Leave leave = facts.leaves().get(i);
            String field = "leaves[" + i + "]";
            if (leave == null || leave.from() == null || leave.to() == null) {
                problems.add(new FieldProblem(field, "a leave has a first day (from) and a last day (to)"));
            } else if (leave.to().isBefore(leave.from())) {
                problems.add(new FieldProblem(field, "the leave ends (" + leave.to() + ") before it starts (" + leave.from() + ")"));
            } else {
                leaves.add(leave);
            }
        }
        leaves.sort(Comparator.comparing(Leave::from));
        for (int i = 1; i < leaves.size(); i++) {
            if (!leaves.get(i).from().isAfter(leaves.get(i - 1).to())) {
                problems.add(new FieldProblem("leaves", "the leaves from " + leaves.get(i - 1).from() + " and from "
                        + leaves.get(i).from() + " overlap"));
            }
        }
        if (status == InspectorStatus.ON_LEAVE && leaves.stream().noneMatch(l -> !l.to().isBefore(today))) {
            problems.add(new FieldProblem("leaves", "an inspector ON_LEAVE needs a leave that has not ended"));
        }
        List<ConflictDeclaration> conflicts = new ArrayList<>();
        Set<String> entities = new HashSet<>();
        for (int i = 0; i < facts.conflicts().size(); i++) {
            ConflictDeclaration conflict = facts.conflicts().get(i);
            String field = "conflicts[" + i + "]";
            if (conflict == null) {
                problems.add(new FieldProblem(field, "empty declaration"));
                continue;
            }
            String entityId = strip(conflict.entityId());
            if (entityId == null || !isUuid(entityId)) {
                problems.add(new FieldProblem(field + ".entityId", "the id of a registered entity is required"));
            } else if (!entities.add(entityId)) {
                problems.add(new FieldProblem(field + ".entityId", "entity " + entityId + " is declared twice"));
            }
            String reason = strip(conflict.reason());
            if (reason == null || reason.isEmpty()) {
                problems.add(new FieldProblem(field + ".reason", "the reason is required (e.g. 原工作单位, 亲属任职)"));
            } else if (reason.length() > 200) {
                problems.add(new FieldProblem(field + ".reason", "at most 200 characters"));
            }
            LocalDate declaredOn = conflict.declaredOn() == null ? today : conflict.declaredOn();
            if (declaredOn.isAfter(today)) {
                problems.add(new FieldProblem(field + ".declaredOn", declaredOn + " is in the future"));
            }
            conflicts.add(new ConflictDeclaration(entityId, reason, declaredOn));
        }
        InspectorFacts clean = new InspectorFacts(name, certificate, department, region, List.copyOf(tags), status,
                leaves, conflicts);
        return new Checked(clean, List.copyOf(problems));
    }

    /** Whether the inspector is on leave on {@code day}. */
    public static boolean onLeave(List<Leave> leaves, LocalDate day) {
        return leaves.stream().anyMatch(l -> !day.isBefore(l.from()) && !day.isAfter(l.to()));
    }

    static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
