package io.suiji.registry.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OrganizationCodeTest {

    @Test
    void checkCharacterFollowsGb11714IncludingXAndZero() {
        assertEquals('X', OrganizationCode.checkCharacter("D2143569"));
        assertEquals('4', OrganizationCode.checkCharacter("M000100Y"));
        // 11 − (sum mod 11) = 11 maps to '0'
        assertEquals('0', OrganizationCode.checkCharacter("00000000"));
    }

    @Test
    void acceptsTheCodeWithOrWithoutHyphen() {
        assertEquals("D2143569X", OrganizationCode.validate("D2143569-X"));
        assertEquals("D2143569X", OrganizationCode.validate("d2143569x"));
    }

    @Test
    void everyPositionIsCheckedAndTheExpectedCharacterNamed() {
        String valid = "D2143569X";
        for (int position = 0; position < 8; position++) {
            char other = valid.charAt(position) == '1' ? '2' : '1';
            String changed = valid.substring(0, position) + other + valid.substring(position + 1);
            char expected = OrganizationCode.checkCharacter(changed.substring(0, 8));
            var e = assertThrows(InvalidCodeException.class, () -> OrganizationCode.validate(changed));
            assertEquals("the check character of 组织机构代码 " + changed.substring(0, 8) + "-X is X, expected " + expected,
                    e.getMessage());
        }
        var e = assertThrows(InvalidCodeException.class, () -> OrganizationCode.validate("D2143569-1"));
        assertEquals("the check character of 组织机构代码 D2143569-1 is 1, expected X", e.getMessage());
    }
}
