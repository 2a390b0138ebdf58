package io.suiji.sampling.adjustment;

import io.suiji.platform.problem.Problem.FieldError;
import io.suiji.sampling.draw.InspectorFacts;
import io.suiji.sampling.draw.InspectorRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 调整执法人员 as plain Java: what a manual change to a drawn group must still satisfy. The random
 * part of the draw is gone once a person chooses; every other rule of the draw stays — the
 * replacement is certified, active and not on leave in the batch, has the expertise, department and
 * level the task asks for, covers the target's region, declared no conflict with the target and
 * did not inspect it last time, and the group keeps its size.
 */
public final class AdjustmentRules {

    /** Long enough for a paragraph of Chinese; an explanation, not a file. */
    public static final int MAX_REASON_LENGTH = 2000;

    /**
     * @param replaced  inspectors who leave the group
     * @param replacing inspectors who join it
     */
    public record Change(List<String> replaced, List<String> replacing, String reason) {

        public Change {
            // Copies that may hold nulls (List.copyOf may not): a blank id is reported, not thrown on.
            replaced = replaced == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(replaced));
            replacing = replacing == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(replacing));
        }
    }

    /**
     * The selection being adjusted.
     *
     * @param group              its group now (the drawn one, or the last approved adjustment's)
     * @param groupSize          the draw's group size (≥ 2)
     * @param previousInspectors the group of the target's last closed inspection (rotation)
     */
    public record Target(String entityId, String region, List<String> group, int groupSize,
                         Collection<String> previousInspectors) {
    }

    private AdjustmentRules() {
    }

    /**
     * Every reason the change cannot be made, each naming its field.
     *
     * @param registry the inspectors of the registry as they are now, by id
     */
    public static List<FieldError> violations(Change change, Target target, Map<String, InspectorFacts> registry,
                                              InspectorRules.PoolRules rules) {
        List<FieldError> errors = new ArrayList<>();
        if (change.reason() == null || change.reason().isBlank()) {
            errors.add(new FieldError("reason", "an adjustment needs a recorded reason"));
        } else if (change.reason().length() > MAX_REASON_LENGTH) {
            errors.add(new FieldError("reason", "at most " + MAX_REASON_LENGTH + " characters"));
        }
        if (change.replaced().isEmpty() && change.replacing().isEmpty()) {
            errors.add(new FieldError("replacedInspectorIds", "name the inspectors who leave the group, "
                    + "replacingInspectorIds those who join it"));
            return errors;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < change.replaced().size(); i++) {
            String id = change.replaced().get(i);
            String field = "replacedInspectorIds[" + i + "]";
            if (id == null || id.isBlank()) {
                errors.add(new FieldError(field, "must not be blank"));
            } else if (!seen.add(id)) {
                errors.add(new FieldError(field, id + " is named twice"));
            } else if (!target.group().contains(id)) {
                errors.add(new FieldError(field, id + " is not in the group " + target.group()));
            }
        }
        for (int i = 0; i < change.replacing().size(); i++) {
            String id = change.replacing().get(i);
            String field = "replacingInspectorIds[" + i + "]";
            if (id == null || id.isBlank()) {
                errors.add(new FieldError(field, "must not be blank"));
            } else if (!seen.add(id)) {
                errors.add(new FieldError(field, id + " is named twice"));
            } else if (target.group().contains(id)) {
                errors.add(new FieldError(field, id + " is already in the group"));
            } else {
                eligibility(id, registry.get(id), target, rules).ifPresent(m -> errors.add(new FieldError(field, m)));
            }
        }
        int size = groupAfter(target.group(), change).size();
        int needed = Math.max(2, target.groupSize());
        if (errors.isEmpty() && size < needed) {
            errors.add(new FieldError("replacingInspectorIds", "the group would have " + size
                    + " inspector(s); the draw's groups have at least " + needed + " (两人以上)"));
        }
        return errors;
    }

    /** The group after the change: who stays, in drawn order, then who joins, in the order given. */
    public static List<String> groupAfter(List<String> group, Change change) {
        Set<String> after = new LinkedHashSet<>(group);
        change.replaced().forEach(after::remove);
        after.addAll(change.replacing());
        return List.copyOf(after);
    }

    /** The two-person rule: whoever decides an adjustment did not propose it. */
    public static boolean isSecondPerson(String proposedBy, String decidedBy) {
        return decidedBy != null && !decidedBy.equals(proposedBy);
    }

    private static Optional<String> eligibility(String id, InspectorFacts inspector, Target target,
                                                InspectorRules.PoolRules rules) {
        if (inspector == null) {
            return Optional.of("no inspector " + id + " in the registry");
        }
        return InspectorRules.poolRejection(inspector, rules)
                .or(() -> InspectorRules.targetRejection(inspector, target.entityId(), target.region(),
                        target.previousInspectors()))
                .map(rejection -> id + " is not eligible: " + rejection.label());
    }
}
