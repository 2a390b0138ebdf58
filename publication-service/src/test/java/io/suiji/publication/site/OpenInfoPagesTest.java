package io.suiji.publication.site;

import static io.restassured.RestAssured.given;
import static io.suiji.publication.Fixtures.await;
import static io.suiji.publication.Fixtures.count;
import static io.suiji.publication.Fixtures.send;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.suiji.contracts.ExampleEvents;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.catalog.MatterPublished;
import io.suiji.contracts.catalog.MatterRetired;
import io.suiji.contracts.catalog.MatterStatus;
import io.suiji.contracts.sampling.Batch;
import io.suiji.contracts.sampling.PlanPublished;
import io.suiji.contracts.sampling.PlanTask;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Component test: the plan and catalogue pages from {@code sampling.plans} and {@code catalog.matters}
 * on the in-memory connector, the real test database.
 */
@QuarkusTest
class OpenInfoPagesTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    private static PlanPublished plan(String id, int version, String note, String taskName) {
        PlanTask task = new PlanTask("T7", taskName, List.of("PDS-2020-07"), "劳动保障监察局（支队）", List.of("市失业保险中心"),
                List.of(new Batch(1, LocalDate.of(2020, 5, 11), LocalDate.of(2020, 7, 31))),
                List.of(InspectionMethod.ON_SITE, InspectionMethod.DOCUMENT_REVIEW));
        return new PlanPublished(id, 2020, "平顶山市人力资源和社会保障局", "410400", version, note, List.of(task),
                Instant.parse("2020-04-27T08:00:00Z").plusSeconds(version));
    }

    @Test
    void theLatestVersionOfAPlanIsShownWithItsTasksAndAnOlderOneArrivingLateChangesNothing() {
        String id = "plan-" + UUID.randomUUID();
        send(connector, plan(id, 1, null, "用人单位劳动用工检查"));
        send(connector, plan(id, 2, "增加失业保险稽核内容", "用人单位劳动用工和失业保险联合抽查"));
        send(connector, plan(id, 1, null, "用人单位劳动用工检查"));
        await("plan " + id, () -> count(em, "select count(*) from public_plan where plan_id = ?1 and version = 2", id) == 1);
        await("the late first version", () -> count(em, "select count(*) from processed_event where consumer = 'publication.public-plans'") >= 3);

        given().get("/plans").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/plans/" + id), containsString("2020 年度"));
        given().get("/plans/" + id).then().statusCode(200)
                .body(containsString("用人单位劳动用工和失业保险联合抽查"), containsString("第 2 版"),
                        containsString("增加失业保险稽核内容"), containsString("第1批 2020-05-11 至 2020-07-31"),
                        containsString("现场检查、书面检查"), not(containsString(">用人单位劳动用工检查<")));
        given().get("/plans/no-such-plan").then().statusCode(404).body(containsString("未找到抽查计划"));
    }

    @Test
    void theCatalogueShowsEachMatterInPlainChineseAndMarksRetiredOnes() {
        send(connector, new MatterPublished(ExampleEvents.matter(1, MatterStatus.PUBLISHED)));
        await("matter", () -> count(em, "select count(*) from public_matter where code = ?1",
                ExampleEvents.matter(1, MatterStatus.PUBLISHED).code()) == 1);
        given().get("/catalogue").then().statusCode(200)
                .body(containsString("对用人单位和个人遵守劳动用工和社会保险法律、法规情况的监督检查"),
                        containsString("5%"), containsString("根据工作需要或1次/年"), containsString("市级、县级"),
                        containsString("与劳动者签订劳动合同情况"), containsString("一般检查事项"),
                        not(containsString("已废止")));

        send(connector, new MatterRetired(ExampleEvents.matter(1, MatterStatus.RETIRED), "并入新事项"));
        await("retired", () -> count(em, "select count(*) from public_matter where status = 'RETIRED'") >= 1);
        given().get("/catalogue").then().statusCode(200).body(containsString("（已废止）"));
    }
}
