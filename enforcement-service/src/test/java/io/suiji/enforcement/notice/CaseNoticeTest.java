package io.suiji.enforcement.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.enforcement.CaseSource;
import io.suiji.enforcement.inspector.InspectorCard;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the notice of a targeted case says instead of a draw proof, and that its group is vouched for as a drawn one's. */
class CaseNoticeTest {

    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final Map<String, InspectorCard> CARDS = Map.of(
            "insp-zhang", new InspectorCard("insp-zhang", "张三", "豫人社执字第0101号", "ACTIVE"),
            "insp-li", new InspectorCard("insp-li", "李四", "豫人社执字第0102号", "ACTIVE"));

    @Test
    void thePayloadNamesTheSourceAndThePersonWhoAssignedTheInspectors() throws Exception {
        JsonNode payload = EventJson.mapper().readTree(CaseNotice.of(CASE, CaseSource.TRANSFER, "豫人社交〔2020〕3号",
                "sup-city", "M01", "entity-9", LocalDate.of(2020, 6, 1), List.of("insp-zhang", "insp-li"), CARDS).payload());

        assertEquals(CaseNotice.KIND, payload.get("kind").asText());
        assertEquals(CASE.toString(), payload.get("caseId").asText());
        assertEquals("交办", payload.get("sourceLabel").asText());
        assertEquals("豫人社交〔2020〕3号", payload.get("sourceReference").asText());
        assertEquals("MANUAL", payload.get("assignment").asText());
        assertTrue(payload.get("assignmentLabel").asText().contains("非随机"));
        assertEquals("sup-city", payload.get("assignedBy").asText());
        assertEquals("2020-06-01", payload.get("startedOn").asText());
        assertEquals("豫人社执字第0102号", payload.get("inspectors").get(1).get("certificateNumber").asText());
        assertFalse(payload.has("proofUrl"));
    }

    @Test
    void anAssignerNotRecordedIsShownAsSuch() throws Exception {
        JsonNode payload = EventJson.mapper().readTree(CaseNotice.of(CASE, CaseSource.COMPLAINT, "平人社投〔2020〕1号",
                null, null, "entity-9", LocalDate.of(2020, 6, 1), List.of("insp-zhang", "insp-li"), CARDS).payload());

        assertTrue(payload.get("assignedBy").isNull());
        assertEquals("MANUAL", payload.get("assignment").asText());
    }

    @Test
    void anInspectorTheRegistryCannotVouchForIsNamed() {
        var refused = assertThrows(Notice.UncertifiedGroup.class, () -> CaseNotice.of(CASE, CaseSource.COMPLAINT,
                "平人社投〔2020〕1号", "sup-city", null, "entity-9", LocalDate.of(2020, 6, 1),
                List.of("insp-zhang", "insp-zhao"), CARDS));

        assertEquals("group.insp-zhao", refused.errors().get(0).field());
    }
}
