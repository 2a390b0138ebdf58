package io.suiji.sampling.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.catalog.MatterState;
import io.suiji.sampling.matter.MatterView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The matters of sampling's local catalogue copy, as rules. */
@ApplicationScoped
public class MatterCatalog {

    public Map<String, MatterRule> rules(Collection<String> codes) {
        Map<String, MatterRule> rules = new LinkedHashMap<>();
        for (String code : codes) {
            if (code == null || rules.containsKey(code)) {
                continue;
            }
            MatterView view = MatterView.findById(code);
            if (view != null) {
                rules.put(code, MatterRule.of(state(view)));
            }
        }
        return rules;
    }

    private static MatterState state(MatterView view) {
        try {
            return EventJson.mapper().readValue(view.state, MatterState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored state of matter " + view.code + " is unreadable", e);
        }
    }
}
