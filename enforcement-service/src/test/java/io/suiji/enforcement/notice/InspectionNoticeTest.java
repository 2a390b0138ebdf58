package io.suiji.enforcement.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.suiji.contracts.EventJson;
import io.suiji.enforcement.inspector.InspectorCard;
import io.suiji.platform.problem.Problem.FieldError;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the inspection notice (亮码检查) says, and when it cannot be issued. */
class InspectionNoticeTest {

    private static final UUID ASSIGNMENT = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final Map<String, InspectorCard> CARDS = Map.of(
            "insp-zhang", new InspectorCard("insp-zhang", "张三", " 豫人社执字第0101号 ", "ACTIVE"),
            "insp-li", new InspectorCard("insp-li", "李四", "豫人社执字第0102号", "ACTIVE"),
            "insp-wang", new InspectorCard("insp-wang", "王五", null, "ACTIVE"));

    private static InspectionNotice notice(List<String> group) {
        return InspectionNotice.of(ASSIGNMENT, "draw-1", "http://sampling.example/", "task-1", "M01", "entity-9",
                LocalDate.of(2020, 6, 1), group, CARDS);
    }

    @Test
    void thePayloadLinksTheProofAndNamesEachInspectorWithTheirCertificate() throws Exception {
        JsonNode payload = EventJson.mapper().readTree(notice(List.of("insp-zhang", "insp-li")).payload());

        assertEquals(InspectionNotice.KIND, payload.get("kind").asText());
        assertEquals("http://sampling.example/api/v1/draws/draw-1/proof", payload.get("proofUrl").asText());
        assertEquals(ASSIGNMENT.toString(), payload.get("assignmentId").asText());
        assertEquals("2020-06-01", payload.get("startedOn").asText());
        assertEquals("insp-zhang", payload.get("inspectors").get(0).get("id").asText());
        assertEquals("豫人社执字第0101号", payload.get("inspectors").get(0).get("certificateNumber").asText());
        assertEquals("李四", payload.get("inspectors").get(1).get("name").asText());
    }

    @Test
    void membersWithoutAKnownCertificateAreNamedAndNoNoticeIsIssued() {
        var refused = assertThrows(InspectionNotice.UncertifiedGroup.class,
                () -> notice(List.of("insp-zhang", "insp-wang", "insp-zhao")));

        assertEquals(List.of("group.insp-wang.certificateNumber", "group.insp-zhao"),
                refused.errors().stream().map(FieldError::field).toList());
        assertTrue(refused.errors().get(0).message().contains("执法证号"));
    }

    @Test
    void theProofLinkToleratesABaseWithOrWithoutSlash() {
        assertEquals("http://h:8083/api/v1/draws/d/proof", InspectionNotice.proofUrl("http://h:8083", "d"));
        assertEquals("http://h:8083/api/v1/draws/d/proof", InspectionNotice.proofUrl("http://h:8083/", "d"));
    }

    @Test
    void aGroupOfTenStillFitsInAQrCode() {
        List<String> group = java.util.stream.IntStream.range(0, 10).mapToObj(i -> "insp-zhang").toList();
        String payload = notice(group).payload();
        assertEquals(payload, QrCodeTest.decode(QrCode.png(payload, 400)));
    }
}
