package io.suiji.contracts;

import io.suiji.contracts.catalog.Frequency;
import io.suiji.contracts.catalog.ImplementingLevel;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.MatterPublished;
import io.suiji.contracts.catalog.MatterRetired;
import io.suiji.contracts.catalog.MatterRevised;
import io.suiji.contracts.catalog.MatterState;
import io.suiji.contracts.catalog.MatterStatus;
import io.suiji.contracts.catalog.SamplingRatio;
import io.suiji.contracts.enforcement.CaseClosed;
import io.suiji.contracts.enforcement.CaseOpened;
import io.suiji.contracts.enforcement.CaseSource;
import io.suiji.contracts.enforcement.InspectionClosed;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.enforcement.Penalty;
import io.suiji.contracts.enforcement.TaskCompleted;
import io.suiji.contracts.publication.PublicationDueSoon;
import io.suiji.contracts.publication.PublicationOverdue;
import io.suiji.contracts.publication.ResultPublished;
import io.suiji.contracts.publication.SanctionKind;
import io.suiji.contracts.publication.SanctionPushed;
import io.suiji.contracts.registry.CodeKind;
import io.suiji.contracts.registry.ConflictDeclaration;
import io.suiji.contracts.registry.CreditClass;
import io.suiji.contracts.registry.EntityDeregistered;
import io.suiji.contracts.registry.EntityRegistered;
import io.suiji.contracts.registry.EntityState;
import io.suiji.contracts.registry.EntityUpdated;
import io.suiji.contracts.registry.InspectorRegistered;
import io.suiji.contracts.registry.InspectorRetired;
import io.suiji.contracts.registry.InspectorState;
import io.suiji.contracts.registry.InspectorStatus;
import io.suiji.contracts.registry.InspectorUpdated;
import io.suiji.contracts.registry.Leave;
import io.suiji.contracts.sampling.Batch;
import io.suiji.contracts.sampling.DrawCancelled;
import io.suiji.contracts.sampling.DrawCommitted;
import io.suiji.contracts.sampling.DrawCompleted;
import io.suiji.contracts.sampling.GroupAdjusted;
import io.suiji.contracts.sampling.PlanPublished;
import io.suiji.contracts.sampling.PlanTask;
import io.suiji.contracts.sampling.TargetSelected;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One realistic instance of every event, taken from the Pingdingshan 2020 plan (平顶山市人力资源和
 * 社会保障局 2020 年“双随机、一公开”工作方案) and its catalogue of matters.
 */
public final class ExampleEvents {

    static final String CITY = "410400";
    static final String XINHUA = "410402";
    static final String DEPARTMENT = "劳动保障监察局（支队）";
    static final String ENTITY_ID = "3f6c2a9e-5b1d-4c7e-9a2f-1d8e7b6c5a40";
    static final String SECOND_ENTITY_ID = "8b2e4d61-0f3a-47c9-b5e2-6a9d1c3f7e82";
    static final String INSPECTOR_A = "insp-410400-0012";
    static final String INSPECTOR_B = "insp-410400-0027";
    static final String INSPECTOR_C = "insp-410400-0035";
    static final String PLAN_ID = "plan-410400-2020";
    static final String TASK_ID = "task-2020-03";
    static final String DRAW_ID = "draw-2020-03-1";
    static final String MATTER_CODE = "RSJ-2020-07";

    private ExampleEvents() {
    }

    /** One instance per entry of {@link EventTypes#all()}, in the same order. */
    public static List<SuijiEvent> all() {
        return List.of(
                new MatterPublished(matter(1, MatterStatus.PUBLISHED)),
                new MatterRevised(matter(2, MatterStatus.PUBLISHED), "根据2020年工作方案调整抽查比例"),
                new MatterRetired(matter(2, MatterStatus.RETIRED), "事项并入“劳动用工和社会保险”综合检查"),
                new EntityRegistered(entity(null)),
                new EntityUpdated(entity(null)),
                new EntityDeregistered(entity(LocalDate.of(2020, 11, 30))),
                new InspectorRegistered(inspector(InspectorStatus.ACTIVE)),
                new InspectorUpdated(inspector(InspectorStatus.ON_LEAVE)),
                new InspectorRetired(inspector(InspectorStatus.RETIRED)),
                planPublished(),
                drawCommitted(),
                targetSelected(),
                drawCompleted(),
                new DrawCancelled("draw-2020-03-0", "人口快照遗漏新华区参保企业，经批准作废重抽", "王建国",
                        Instant.parse("2020-05-11T01:12:00Z")),
                groupAdjusted(),
                inspectionClosed(),
                new TaskCompleted(TASK_ID, 1, DRAW_ID, CITY, DEPARTMENT, 86, LocalDate.of(2020, 7, 31)),
                new CaseOpened("case-2020-0158", SECOND_ENTITY_ID, MATTER_CODE, CaseSource.COMPLAINT,
                        "12333-20200612-0043", LocalDate.of(2020, 6, 15)),
                new CaseClosed("case-2020-0158", SECOND_ENTITY_ID, LocalDate.of(2020, 7, 10), Outcome.CORRECTED),
                new ResultPublished("disc-2020-03-1", TASK_ID, 1, CITY, DEPARTMENT, LocalDate.of(2020, 8, 28),
                        Instant.parse("2020-08-20T02:00:00Z"), true, 84, 2),
                new PublicationDueSoon("disc-2020-03-1", TASK_ID, 1, LocalDate.of(2020, 8, 28), 3),
                new PublicationOverdue("disc-2020-04-1", "task-2020-04", 1, LocalDate.of(2020, 9, 25)),
                sanctionPushed());
    }

    /** 对用人单位和个人遵守劳动用工和社会保险法律、法规情况的监督检查 (catalogue row 7). */
    public static MatterState matter(int version, MatterStatus status) {
        return new MatterState(
                MATTER_CODE,
                version,
                7,
                "对用人单位和个人遵守劳动用工和社会保险法律、法规情况的监督检查",
                List.of("《劳动保障监察条例》(国务院令423号)第三条第一款、第六条",
                        "《中华人民共和国社会保险法》第八十四条"),
                List.of("用人单位"),
                List.of("内部劳动保障制度制定情况", "与劳动者签订劳动合同情况", "禁止使用童工规定遵守情况",
                        "支付劳动者工资和执行最低工资标准情况", "社会保险登记情况"),
                MatterCategory.GENERAL,
                List.of(InspectionMethod.ON_SITE, InspectionMethod.DOCUMENT_REVIEW),
                new SamplingRatio(new BigDecimal("5"), null),
                new Frequency(1, true),
                List.of(ImplementingLevel.CITY, ImplementingLevel.COUNTY),
                "市、县人力资源社会保障部门",
                List.of(DEPARTMENT),
                LocalDate.of(2020, 4, 27),
                status,
                "平人社〔2020〕“双随机、一公开”监管随机抽查事项清单");
    }

    public static EntityState entity(LocalDate deregisteredOn) {
        Map<String, LocalDate> lastInspected = new LinkedHashMap<>();
        lastInspected.put(MATTER_CODE, LocalDate.of(2019, 9, 17));
        lastInspected.put("RSJ-2020-09", LocalDate.of(2020, 3, 5));
        return new EntityState(
                ENTITY_ID,
                "91410402317498564C",
                CodeKind.USCC,
                "平顶山市鹰城建筑劳务有限公司",
                List.of("用人单位", "参保企业"),
                XINHUA,
                "平顶山市新华区建设路中段127号",
                CreditClass.C,
                LocalDate.of(2019, 12, 20),
                4,
                false,
                false,
                true,
                LocalDate.of(2013, 6, 8),
                deregisteredOn,
                lastInspected,
                1,
                2020);
    }

    public static InspectorState inspector(InspectorStatus status) {
        return new InspectorState(
                INSPECTOR_A,
                "李秀英",
                "豫人社执41040020012",
                DEPARTMENT,
                CITY,
                List.of("劳动保障监察", "社会保险稽核"),
                status,
                List.of(new Leave(LocalDate.of(2020, 8, 3), LocalDate.of(2020, 8, 14))),
                List.of(new ConflictDeclaration(SECOND_ENTITY_ID, "配偶在该单位任财务负责人", LocalDate.of(2020, 3, 2))));
    }

    static PlanPublished planPublished() {
        var task = new PlanTask(
                TASK_ID,
                "用人单位劳动用工和社会保险情况联合抽查",
                List.of(MATTER_CODE, "RSJ-2020-09"),
                DEPARTMENT,
                List.of("市失业保险中心"),
                List.of(new Batch(1, LocalDate.of(2020, 5, 11), LocalDate.of(2020, 7, 31)),
                        new Batch(2, LocalDate.of(2020, 9, 1), LocalDate.of(2020, 11, 30))),
                List.of(InspectionMethod.ON_SITE, InspectionMethod.DOCUMENT_REVIEW));
        return new PlanPublished(PLAN_ID, 2020, "平顶山市人力资源和社会保障局", CITY, 1, null, List.of(task),
                Instant.parse("2020-04-27T08:00:00Z"));
    }

    static DrawCommitted drawCommitted() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("ratioPercent", "5");
        parameters.put("weighting", "NONE");
        parameters.put("repeatWindowMonths", "12");
        Map<String, Long> exclusions = new LinkedHashMap<>();
        exclusions.put("INSPECTED_WITHIN_WINDOW", 37L);
        exclusions.put("ANNUAL_CAP_REACHED", 4L);
        exclusions.put("DEREGISTERED", 12L);
        exclusions.put("OPEN_TARGETED_CASE", 3L);
        return new DrawCommitted(DRAW_ID, PLAN_ID, TASK_ID, 1, MATTER_CODE, 2, DrawCommitted.SUIJI_SHA256_1,
                parameters, 1712,
                "9c1185a5c5e9fc54612808977ee8f548b2258d31d1e4b6f9c2f0a1d7e3b4c5a6",
                "e3b7c1d9a0f24c68b5e1d7f3a9c2b4e6d8f0a1c3e5b7d9f1a3c5e7b9d1f3a5c7",
                exclusions, CITY, DEPARTMENT, Instant.parse("2020-05-11T01:30:00Z"));
    }

    static TargetSelected targetSelected() {
        return new TargetSelected(DRAW_ID, TASK_ID, 1, MATTER_CODE, 2, ENTITY_ID, XINHUA, "410402/C",
                0.0625, false, List.of(INSPECTOR_A, INSPECTOR_B), LocalDate.of(2020, 5, 11),
                LocalDate.of(2020, 7, 31), 1);
    }

    static DrawCompleted drawCompleted() {
        return new DrawCompleted(DRAW_ID, PLAN_ID, TASK_ID, 1, MATTER_CODE, 86, 43,
                "4a7d1ed414474e4033ac29ccb8653d9b5f1c2e3a4b5c6d7e8f90a1b2c3d4e5f6",
                "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8",
                "2020-05-11 上证综指收盘 2895.34", CITY, DEPARTMENT, Instant.parse("2020-05-11T07:05:00Z"));
    }

    /** 调整执法人员: one of the drawn pair is on leave during the batch; a supervisor approved the change. */
    static GroupAdjusted groupAdjusted() {
        return new GroupAdjusted(DRAW_ID, "7d4f3c2b-9e1a-4b8c-a6d5-2f0e1c9b8a73", TASK_ID, 1, ENTITY_ID, 1,
                List.of(INSPECTOR_A, INSPECTOR_B), List.of(INSPECTOR_B, INSPECTOR_C), List.of(INSPECTOR_A),
                List.of(INSPECTOR_C), "李秀英 2020年8月3日至14日休假，与检查时间冲突", "王建国",
                Instant.parse("2020-05-12T02:10:00Z"), "赵志刚", Instant.parse("2020-05-12T06:45:00Z"));
    }

    static InspectionClosed inspectionClosed() {
        return new InspectionClosed("insp-rec-2020-000481", "asg-2020-03-1-001", DRAW_ID, null, TASK_ID, 1,
                ENTITY_ID, XINHUA, MATTER_CODE, Outcome.ADMINISTRATIVE_PENALTY,
                new Penalty("平人社监罚决字〔2020〕第17号", new BigDecimal("20000.00"),
                        "《劳动保障监察条例》第二十六条"),
                List.of(INSPECTOR_A, INSPECTOR_B), LocalDate.of(2020, 6, 2), LocalDate.of(2020, 7, 20), DEPARTMENT);
    }

    static SanctionPushed sanctionPushed() {
        return new SanctionPushed("sanc-2020-0031", "insp-rec-2020-000481", ENTITY_ID, "91410402317498564C",
                "平顶山市鹰城建筑劳务有限公司", SanctionKind.ADMINISTRATIVE_PENALTY, "平人社监罚决字〔2020〕第17号",
                new BigDecimal("20000.00"), "《劳动保障监察条例》第二十六条", LocalDate.of(2020, 7, 20),
                Instant.parse("2020-07-21T01:00:00Z"), XINHUA);
    }
}
