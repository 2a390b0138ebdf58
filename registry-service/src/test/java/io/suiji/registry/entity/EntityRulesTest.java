package io.suiji.registry.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.suiji.contracts.registry.CodeKind;
import io.suiji.contracts.registry.CreditClass;
import io.suiji.registry.FieldProblem;
import io.suiji.registry.identity.PersonalIds;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private final PersonalIds ids = new PersonalIds("test-only-hash-key-0123456789", "test-only-seal-key-0123456789");
    private final EntityRules rules = new EntityRules(ids);

    private static EntityFacts facts(List<String> types, String region) {
        return new EntityFacts(" 平顶山市某某人力资源有限公司 ", types, region, "新华区建设路1号", CreditClass.B,
                LocalDate.of(2024, 12, 1), 2, false, false, true, LocalDate.of(2015, 3, 2));
    }

    private static List<String> fields(EntityRules.Checked checked) {
        return checked.problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void anOrganisationKeepsItsCode() {
        var checked = rules.check("91410400MA40A1B281", facts(List.of("人力资源服务机构", "用人单位"), "410402"), TODAY);
        assertTrue(checked.valid(), checked.problems().toString());
        assertEquals("91410400MA40A1B281", checked.code());
        assertEquals(CodeKind.USCC, checked.kind());
        assertNull(checked.residentId());
        assertEquals("平顶山市某某人力资源有限公司", checked.facts().name());
    }

    @Test
    void anIndividualIsKnownByTheKeyedHashOfTheIdNumber() {
        var checked = rules.check("11010519491231002x", facts(List.of("享受养老保险待遇人员"), "410482"), TODAY);
        assertTrue(checked.valid(), checked.problems().toString());
        assertEquals(CodeKind.RESIDENT_ID_HASH, checked.kind());
        assertEquals(ids.hash("11010519491231002X"), checked.code());
        assertEquals("11010519491231002X", checked.residentId());
    }

    @Test
    void everyProblemNamesItsField() {
        var checked = rules.check("91410400MA40A1B282",
                new EntityFacts("", List.of("个体户"), "410499", null, null, LocalDate.of(2025, 1, 1), -1, false, false,
                        false, LocalDate.of(2026, 1, 1)), TODAY);
        assertEquals(List.of("code", "name", "region", "creditClassDate", "complaintsLast12Months", "registeredOn"),
                fields(checked).stream().filter(f -> !f.equals("targetTypes")).toList());
        assertTrue(fields(checked).contains("targetTypes"));
        assertTrue(checked.problems().get(1).message().contains("expected 1"), checked.problems().toString());
    }

    @Test
    void individualsAreNotAlsoOrganisationsAndTheCityIsNotAnEntityRegion() {
        var checked = rules.check("11010519491231002X", facts(List.of("享受养老保险待遇人员", "企业"), "410400"), TODAY);
        assertEquals(List.of("targetTypes", "region"), fields(checked));
    }

    @Test
    void deregistrationIsNeitherBeforeRegistrationNorInTheFuture() {
        assertEquals(1, EntityRules.checkDeregistration(LocalDate.of(2010, 1, 1), LocalDate.of(2015, 1, 1), TODAY, "on").size());
        assertEquals(1, EntityRules.checkDeregistration(LocalDate.of(2025, 7, 1), null, TODAY, "on").size());
        assertEquals(0, EntityRules.checkDeregistration(LocalDate.of(2025, 5, 1), LocalDate.of(2015, 1, 1), TODAY, "on").size());
    }
}
