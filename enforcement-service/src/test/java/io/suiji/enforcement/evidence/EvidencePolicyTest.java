package io.suiji.enforcement.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.suiji.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which evidence files are accepted (证据材料): size, type allow-list, content matching its type, names. */
class EvidencePolicyTest {

    private static final EvidencePolicy POLICY = new EvidencePolicy(1000, List.of("application/pdf", "image/jpeg", "Image/PNG"));

    @Test
    void allowedTypesPassWhateverTheirParametersOrCase() {
        assertTrue(POLICY.typeRefusal("application/pdf").isEmpty());
        assertTrue(POLICY.typeRefusal("IMAGE/JPEG; charset=binary").isEmpty());
        assertTrue(POLICY.typeRefusal("image/png").isEmpty());
    }

    @Test
    void otherTypesAre415NamingTheType() {
        ProblemException refusal = POLICY.typeRefusal("application/x-msdownload").orElseThrow();
        assertEquals(415, refusal.status());
        assertTrue(refusal.getMessage().contains("application/x-msdownload"), refusal.getMessage());
        assertEquals("file.contentType", refusal.toProblem(null).errors().get(0).field());
        assertTrue(POLICY.typeRefusal(null).orElseThrow().getMessage().contains("(none given)"));
    }

    @Test
    void theLimitItselfIsAcceptedOneByteMoreIs413() {
        assertTrue(POLICY.sizeRefusal(1000).isEmpty());
        assertTrue(POLICY.sizeRefusal(-1).isEmpty());
        ProblemException refusal = POLICY.sizeRefusal(1001).orElseThrow();
        assertEquals(413, refusal.status());
        assertTrue(refusal.getMessage().contains("1000"), refusal.getMessage());
    }

    @Test
    void theContentMustBeWhatItsTypeSays() {
        byte[] pdf = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
        assertTrue(EvidencePolicy.contentMatches("application/pdf", pdf));
        assertTrue(EvidencePolicy.contentMatches("image/png", png));
        assertTrue(EvidencePolicy.contentMatches("image/jpeg", jpeg));
        assertFalse(EvidencePolicy.contentMatches("image/png", pdf));
        assertFalse(EvidencePolicy.contentMatches("application/pdf", new byte[0]));
        assertEquals(415, POLICY.contentRefusal("image/jpeg", "MZ".getBytes(StandardCharsets.US_ASCII)).orElseThrow().status());
    }

    @Test
    void filenamesKeepTheirLastSegmentWithoutControlCharacters() {
        assertEquals("现场照片.jpg", EvidencePolicy.filename("C:\\Users\\张三\\现场照片.jpg"));
        assertEquals("passwd", EvidencePolicy.filename("../../etc/passwd"));
        assertEquals("ab.pdf", EvidencePolicy.filename("a\u0000b.pdf"));
        assertNull(EvidencePolicy.filename("dir/"));
        assertNull(EvidencePolicy.filename(".."));
        assertNull(EvidencePolicy.filename(null));
        assertEquals(200, EvidencePolicy.filename("x".repeat(300) + ".pdf").length());
        assertTrue(EvidencePolicy.filename("x".repeat(300) + ".pdf").endsWith(".pdf"));
    }
}
