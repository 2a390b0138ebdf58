package io.suiji.enforcement.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.suiji.contracts.EventJson;
import io.suiji.enforcement.inspector.InspectorCard;
import io.suiji.platform.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 检查通知书 (亮码检查), whatever sent the inspectors: who they are, with their law-enforcement
 * certificate numbers (执法证号), so that the target can tell a genuine visit. A drawn inspection
 * ({@link InspectionNotice}) points to the public draw proof; a targeted case ({@link CaseNotice})
 * names its source and who assigned the inspectors. The QR code carries {@link #payload()}.
 */
public sealed interface Notice permits InspectionNotice, CaseNotice {

    /** 检查人员: registry id, name and 执法证号. */
    record Inspector(String id, String name, String certificateNumber) {
    }

    /** The group, in group order. */
    List<Inspector> inspectors();

    /** What the QR code encodes: the notice as compact JSON (UTF-8). */
    default String payload() {
        try {
            return EventJson.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The group as the notice names it, or the members who cannot be named: every member must be
     * known to the registry with a certificate number, because a notice that cannot show one is
     * exactly what the target is told to distrust.
     *
     * @param group members' registry ids, in group order
     * @param cards what the registry says of them (unknown ids absent)
     */
    static List<Inspector> certifiedGroup(List<String> group, Map<String, InspectorCard> cards) {
        List<FieldError> missing = missingCertificates(group, cards);
        if (!missing.isEmpty()) {
            throw new UncertifiedGroup(missing);
        }
        return group.stream()
                .map(id -> new Inspector(id, cards.get(id).name(), cards.get(id).certificateNumber().strip())).toList();
    }

    /** One error per member the registry does not know, or knows without a certificate number. */
    static List<FieldError> missingCertificates(List<String> group, Map<String, InspectorCard> cards) {
        List<FieldError> errors = new ArrayList<>();
        for (String id : group) {
            InspectorCard card = cards.get(id);
            if (card == null) {
                errors.add(new FieldError("group." + id, "is not (yet) known from the inspector registry"));
            } else if (!card.certified()) {
                errors.add(new FieldError("group." + id + ".certificateNumber",
                        "the inspector registry records no law-enforcement certificate number (执法证号)"));
            }
        }
        return errors;
    }

    /** Members without a known certificate: no notice can be issued for the group as it stands. */
    final class UncertifiedGroup extends RuntimeException {

        private final transient List<FieldError> errors;

        UncertifiedGroup(List<FieldError> errors) {
            super(errors.size() + " member(s) of the group have no known law-enforcement certificate");
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }
}
