package io.suiji.registry.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResidentIdTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    // The example of GB 11643-1999 itself.
    private static final String STANDARD_EXAMPLE = "11010519491231002X";

    @Test
    void theStandardsExampleIsValidAndItsCheckCharacterIsX() {
        assertEquals(STANDARD_EXAMPLE, ResidentId.validate(STANDARD_EXAMPLE, TODAY));
        assertEquals(STANDARD_EXAMPLE, ResidentId.validate("11010519491231002x", TODAY));
        assertEquals('X', ResidentId.checkCharacter(STANDARD_EXAMPLE));
        assertEquals(LocalDate.of(1949, 12, 31), ResidentId.birthDate(STANDARD_EXAMPLE));
    }

    @Test
    void everyPositionIsCoveredByTheCheckCharacter() {
        String valid = ResidentId.withCheckCharacter("41040219500101123");
        for (int position = 14; position < 17; position++) { // sequence digits: changes keep the date valid
            char other = valid.charAt(position) == '9' ? '8' : (char) (valid.charAt(position) + 1);
            String changed = valid.substring(0, position) + other + valid.substring(position + 1);
            var e = assertThrows(InvalidCodeException.class, () -> ResidentId.validate(changed, TODAY));
            assertTrue(e.getMessage().endsWith("expected " + ResidentId.checkCharacter(changed)), e.getMessage());
        }
        for (int position = 0; position < 17; position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == valid.charAt(position)) {
                    continue;
                }
                String changed = valid.substring(0, position) + digit + valid.substring(position + 1);
                assertThrows(InvalidCodeException.class, () -> ResidentId.validate(changed, TODAY),
                        "position " + (position + 1) + " → " + digit);
            }
        }
    }

    @Test
    void theBirthDateMustBeARealPlausibleDay() {
        var notADate = assertThrows(InvalidCodeException.class,
                () -> ResidentId.validate(ResidentId.withCheckCharacter("41040219501301123"), TODAY));
        assertTrue(notADate.getMessage().contains("19501301 is not a date"), notADate.getMessage());
        var future = assertThrows(InvalidCodeException.class,
                () -> ResidentId.validate(ResidentId.withCheckCharacter("41040220300101123"), TODAY));
        assertTrue(future.getMessage().contains("not plausible"), future.getMessage());
        var ancient = assertThrows(InvalidCodeException.class,
                () -> ResidentId.validate(ResidentId.withCheckCharacter("41040218890101123"), TODAY));
        assertTrue(ancient.getMessage().contains("not plausible"), ancient.getMessage());
    }

    @Test
    void firstGenerationNumbersAreConverted() {
        assertEquals(ResidentId.withCheckCharacter("41040219500101123"), ResidentId.validate("410402500101123", TODAY));
    }

    @Test
    void lengthAndDivisionAreChecked() {
        assertThrows(InvalidCodeException.class, () -> ResidentId.validate("4104021950010112", TODAY));
        var division = assertThrows(InvalidCodeException.class,
                () -> ResidentId.validate(ResidentId.withCheckCharacter("91040219500101123"), TODAY));
        assertTrue(division.getMessage().contains("division"), division.getMessage());
    }
}
