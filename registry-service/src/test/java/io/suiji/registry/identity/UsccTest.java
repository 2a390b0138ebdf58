package io.suiji.registry.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    // A code widely printed as the GB 32100 example, and one built for Pingdingshan.
    private static final String EXAMPLE = "91350100M000100Y43";
    private static final String PINGDINGSHAN = "91410400MA40A1B281";

    @ParameterizedTest
    @ValueSource(strings = {EXAMPLE, PINGDINGSHAN, "91410400MA40A1B281 ", "９１４１０４００ＭＡ４０Ａ１Ｂ２８１", "91410400ma40a1b281"})
    void validCodesPassAndComeBackNormalised(String code) {
        assertEquals(Codes.normalise(code), Uscc.validate(code));
        assertTrue(Uscc.isValid(code));
    }

    @Test
    void theWeightsArePowersOfThreeModulo31() {
        int w = 1;
        for (int i = 0; i < 17; i++) {
            assertEquals(w, Uscc.WEIGHTS[i]);
            w = w * 3 % 31;
        }
    }

    /** Every single-character change, at every position, to every other allowed character is caught. */
    @Test
    void everyPositionEverySubstitutionIsCaughtAndTheErrorNamesTheExpectedCheckCharacter() {
        int cases = 0;
        for (int position = 0; position < 18; position++) {
            for (char c : Uscc.CHARACTERS.toCharArray()) {
                if (c == PINGDINGSHAN.charAt(position)) {
                    continue;
                }
                String changed = PINGDINGSHAN.substring(0, position) + c + PINGDINGSHAN.substring(position + 1);
                InvalidCodeException e = assertThrows(InvalidCodeException.class, () -> Uscc.validate(changed),
                        "position " + (position + 1) + " changed to " + c);
                char expected = position == 17 ? PINGDINGSHAN.charAt(17) : Uscc.checkCharacter(changed);
                assertTrue(e.getMessage().contains("check character (position 18) is " + changed.charAt(17)
                        + ", expected " + expected), e.getMessage());
                cases++;
            }
        }
        assertEquals(18 * 30, cases);
    }

    @Test
    void aWrongCheckCharacterSaysWhichWasExpected() {
        var e = assertThrows(InvalidCodeException.class, () -> Uscc.validate("91350100M000100Y44"));
        assertEquals("统一社会信用代码 91350100M000100Y44: check character (position 18) is 4, expected 3", e.getMessage());
    }

    @Test
    void theEmbeddedOrganisationCodeIsCheckedOnItsOwn() {
        // positions 9–17 "MA40A1B2" + '0' (should be '8'), with a correct position 18 for the 17 characters
        String code = Uscc.withCheckCharacter("91410400MA40A1B20");
        var e = assertThrows(InvalidCodeException.class, () -> Uscc.validate(code));
        assertTrue(e.getMessage().contains("组织机构代码 in positions 9–17 (MA40A1B2-0) has check character 0, expected 8"),
                e.getMessage());
        assertFalse(e.getMessage().contains("position 18"));
    }

    @Test
    void theDivisionCodeMustBeDigits() {
        String code = Uscc.withCheckCharacter("9141A400MA40A1B28");
        var e = assertThrows(InvalidCodeException.class, () -> Uscc.validate(code));
        assertTrue(e.getMessage().contains("positions 3–8"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9141040OMA40A1B281", "91410400MA40A1B2I1", "9141040SMA40A1B281"})
    void lettersTheCodeDoesNotUseAreNamedWithTheirPosition(String code) {
        var e = assertThrows(InvalidCodeException.class, () -> Uscc.validate(code));
        assertTrue(e.getMessage().contains("is not allowed"), e.getMessage());
        assertTrue(e.getMessage().matches(".*position (8|17) .*"), e.getMessage());
    }

    @Test
    void theLengthIsReported() {
        var e = assertThrows(InvalidCodeException.class, () -> Uscc.validate("91410400MA40A1B2X"));
        assertEquals("a 统一社会信用代码 has 18 characters, this one has 17", e.getMessage());
    }

    @Test
    void positionsOneAndTwoAreDescribed() {
        assertEquals("工商（市场监管） / 企业", Uscc.describe(PINGDINGSHAN));
        assertEquals("民政 / 社会团体", Uscc.describe("51410400MJ0000000X"));
    }
}
