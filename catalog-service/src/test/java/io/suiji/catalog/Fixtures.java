package io.suiji.catalog;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/** Test data: complete matters with unique codes and names, so tests never collide with each other or the seed. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String code() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String name() {
        return "测试事项" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String minimal(String code, String name, String category, String percent) {
        return """
                {"code":"%s","name":"%s","category":"%s","ratio":{"percent":%s}}""".formatted(code, name, category, percent);
    }

    /** A draft body that fills every column of the attachment. */
    public static String complete(String code, String name) {
        return """
                {"code":"%s","name":"%s","category":"GENERAL","ratio":{"percent":10},"displayOrder":90,
                 "legalBases":["《中华人民共和国劳动法》第八十五条"],
                 "targetTypes":["企业"],
                 "checkItems":["工作时间执行情况","考勤管理制度制定和执行情况"],
                 "methods":["ON_SITE","DOCUMENT_REVIEW"],
                 "frequency":{"timesPerYear":1,"asNeeded":true},
                 "implementingBody":"市、县人力资源社会保障部门",
                 "responsibleUnits":["劳动关系科"],
                 "sourceDocument":"测试文件"}""".formatted(code, name);
    }

    /** The outbox rows of one matter, oldest first: event type and JSON payload. */
    @SuppressWarnings("unchecked")
    public static List<Object[]> outbox(EntityManager em, String code) {
        return em.createNativeQuery("select event_type, payload::text from outbox_event where aggregate_id = ?1 order by id")
                .setParameter(1, code).getResultList();
    }

    public static long count(EntityManager em, String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
