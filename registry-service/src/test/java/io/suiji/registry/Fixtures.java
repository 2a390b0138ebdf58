package io.suiji.registry;

import io.suiji.registry.identity.OrganizationCode;
import io.suiji.registry.identity.ResidentId;
import io.suiji.registry.identity.Uscc;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh, valid codes for tests that share one database. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A valid unified social credit code of a Pingdingshan enterprise, unique with overwhelming odds. */
    public static String uscc() {
        StringBuilder body = new StringBuilder("MA");
        for (int i = 0; i < 6; i++) {
            body.append(Uscc.CHARACTERS.charAt(ThreadLocalRandom.current().nextInt(Uscc.CHARACTERS.length())));
        }
        char orgCheck = OrganizationCode.checkCharacter(body.toString());
        return Uscc.withCheckCharacter("91410400" + body + orgCheck);
    }

    /** A valid resident ID number of someone born in the 1950s in 新华区. */
    public static String residentId() {
        var r = ThreadLocalRandom.current();
        String first17 = String.format("410402195%d%02d%02d%03d", r.nextInt(10), 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(1000));
        return ResidentId.withCheckCharacter(first17);
    }

    public static String registrationNumber() {
        return String.format("410400%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    /** The outbox rows of one aggregate, oldest first: event type and JSON payload. */
    @SuppressWarnings("unchecked")
    public static List<Object[]> outbox(EntityManager em, String aggregateId) {
        return em.createNativeQuery("select event_type, payload::text from outbox_event where aggregate_id = ?1 order by id")
                .setParameter(1, aggregateId).getResultList();
    }

    public static String entityJson(String code, String name, String region, String... types) {
        String typeList = String.join("\",\"", types);
        return """
                {"code":"%s","name":"%s","targetTypes":["%s"],"region":"%s","address":"建设路1号",
                 "creditClass":"B","creditClassDate":"2024-12-01","complaintsLast12Months":3,"insured":true,
                 "registeredOn":"2015-03-02"}""".formatted(code, name, typeList, region);
    }
}
