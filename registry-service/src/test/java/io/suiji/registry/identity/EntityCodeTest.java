package io.suiji.registry.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.suiji.contracts.registry.CodeKind;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EntityCodeTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    @Test
    void legacyIdentifiersAreRecognisedAndLabelled() {
        EntityCode registration = EntityCode.ofOrganisation("410400100012345", TODAY);
        assertEquals(CodeKind.REGISTRATION_NUMBER, registration.kind());
        assertEquals("注册号（旧，15位）", registration.label());

        EntityCode organisation = EntityCode.ofOrganisation("D2143569-X", TODAY);
        assertEquals(new EntityCode("D2143569X", CodeKind.ORGANIZATION_CODE), organisation);
        assertEquals("组织机构代码（旧，9位）", organisation.label());

        assertEquals(new EntityCode("91410400MA40A1B281", CodeKind.USCC), EntityCode.ofOrganisation(" 91410400MA40A1B281", TODAY));
    }

    @Test
    void anIdNumberGivenForAnOrganisationIsExplained() {
        var e = assertThrows(InvalidCodeException.class, () -> EntityCode.ofOrganisation("11010519491231002X", TODAY));
        assertTrue(e.getMessage().contains("公民身份号码"), e.getMessage());
    }

    @Test
    void garbageSaysWhatWasExpected() {
        var e = assertThrows(InvalidCodeException.class, () -> EntityCode.ofOrganisation("12345", TODAY));
        assertTrue(e.getMessage().startsWith("not a 统一社会信用代码 (18 characters), a 注册号 (15 digits)"), e.getMessage());
        assertThrows(InvalidCodeException.class, () -> EntityCode.ofOrganisation("D2143569-1", TODAY));
        assertThrows(InvalidCodeException.class, () -> EntityCode.ofOrganisation("  ", TODAY));
    }
}
