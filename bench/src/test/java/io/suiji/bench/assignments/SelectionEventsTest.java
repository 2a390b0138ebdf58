package io.suiji.bench.assignments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.suiji.contracts.EventJson;
import io.suiji.contracts.EventTypes;
import io.suiji.contracts.SuijiEvent;
import io.suiji.contracts.sampling.DrawCompleted;
import io.suiji.contracts.sampling.TargetSelected;
import io.suiji.contracts.testing.EventSchemas;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's draw is one enforcement-service must accept, and one the check can trace back. */
class SelectionEventsTest {

    private final SelectionEvents draw = SelectionEvents.newDraw(300);

    @Test
    void everyEventIsValidAgainstItsPublishedSchema() throws Exception {
        List<SuijiEvent> events = new ArrayList<>(draw.draw());
        events.add(draw.matter());
        List<String> violations = new ArrayList<>();
        for (SuijiEvent event : events) {
            String type = EventTypes.of(event.getClass()).type();
            EventSchemas.violations(type, EventJson.mapper().writeValueAsString(event))
                    .forEach(v -> violations.add(type + ": " + v));
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void oneSelectionPerOrdinalOfDistinctEntitiesKeyedByTheDrawThenTheCount() {
        List<SuijiEvent> events = draw.draw();
        assertEquals(301, events.size());
        var entities = new HashSet<String>();
        for (int i = 0; i < 300; i++) {
            TargetSelected selected = assertInstanceOf(TargetSelected.class, events.get(i));
            assertEquals(i + 1, selected.ordinal());
            assertEquals(SelectionEvents.entityOf(i + 1), selected.entityId());
            assertEquals(2, new HashSet<>(selected.inspectorIds()).size(), "a group of two at " + (i + 1));
            assertEquals(draw.drawId(), selected.aggregateId());
            entities.add(selected.entityId());
        }
        assertEquals(300, entities.size());
        DrawCompleted completed = assertInstanceOf(DrawCompleted.class, events.get(300));
        assertEquals(300, completed.selectedCount());
        assertEquals(draw.drawId(), completed.aggregateId());
    }
}
