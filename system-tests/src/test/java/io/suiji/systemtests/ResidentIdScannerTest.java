package io.suiji.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ResidentIdScannerTest {

    private static String withCheck(String first17) {
        return first17 + ResidentIdScanner.checkCharacter(first17);
    }

    @Test
    void findsAValidNumberInTextJsonAndLogs() {
        String id = "410421193602016899"; // check character 9 is right (GB 11643)
        assertEquals(List.of(id), ResidentIdScanner.find("姓名：汪海丽，身份证号" + id + "。"));
        assertEquals(List.of(id), ResidentIdScanner.find("{\"code\":\"" + id + "\"}"));
        assertEquals(List.of(id), ResidentIdScanner.find("INFO imported row 3 (" + id + ")"));
    }

    @Test
    void findsANumberEndingInXWrittenInEitherCase() {
        String id = IntStream.range(100, 1000).mapToObj(seq -> withCheck("41040219550101" + seq))
                .filter(s -> s.endsWith("X")).findFirst().orElseThrow();
        assertEquals(List.of(id), ResidentIdScanner.find("id=" + id.toLowerCase()));
    }

    @Test
    void aWrongCheckCharacterOrAnImpossibleBirthDateIsNotAnIdNumber() {
        assertEquals(List.of(), ResidentIdScanner.find("410421193602016898"));
        assertEquals(List.of(), ResidentIdScanner.find(withCheck("41042119361301689"))); // month 13
        assertEquals(List.of(), ResidentIdScanner.find(withCheck("41042128990101689"))); // born in the future
    }

    @Test
    void anAllDigitUnifiedSocialCreditCodeIsNotAnIdNumberEvenWhenItsLastDigitFits() {
        // 1 (机构编制) 2 (事业单位) 410400 + organisation code: positions 7–14 are no birth date.
        assertEquals(List.of(), ResidentIdScanner.find("统一社会信用代码 " + withCheck("12410400415789012")));
    }

    @Test
    void digitsInsideALongerNumberOrAMaskedNumberAreNotFound() {
        assertEquals(List.of(), ResidentIdScanner.find("7410421193602016899"));
        assertEquals(List.of(), ResidentIdScanner.find("410421193602016899A"));
        assertEquals(List.of(), ResidentIdScanner.find("410421********6899"));
    }

    @Test
    void findsAFirstGenerationNumberWithAPlausibleBirthDate() {
        String legacy = IntStream.range(0, 10).mapToObj(d -> "41042136020168" + d)
                .filter(s -> !ResidentIdScanner.registrationNumber(s)).findFirst().orElseThrow();
        assertEquals(List.of(legacy), ResidentIdScanner.find("老身份证 " + legacy));
        assertEquals(List.of(), ResidentIdScanner.find("41042136130168" + legacy.charAt(14))); // month 13
    }

    @Test
    void aFifteenDigitRegistrationNumberWithItsCheckDigitIsNotAnIdNumber() {
        String registration = IntStream.range(0, 10).mapToObj(d -> "41040036020112" + d)
                .filter(ResidentIdScanner::registrationNumber).findFirst().orElseThrow();
        assertTrue(registration.matches("\\d{15}"));
        assertEquals(List.of(), ResidentIdScanner.find("注册号 " + registration));
        // 410422413420888 is one of the synthetic registry's: ISO 7064 MOD 11,10 holds
        assertTrue(ResidentIdScanner.registrationNumber("410422413420888"));
        assertFalse(ResidentIdScanner.registrationNumber("410422413420887"));
    }
}
