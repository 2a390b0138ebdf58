package io.suiji.platform.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The chain rule of the audit trail (docs/audit.md): an entry's hash is the SHA-256 of a canonical
 * encoding of all its fields and the previous entry's hash; the first entry follows {@link #GENESIS}.
 *
 * <p>Each field is written as its UTF-8 byte length, a colon, the bytes and a newline, and a null as
 * a lone {@code -} line: no value can be mistaken for another however it is split, and an auditor can
 * rebuild the bytes with {@code octet_length} in SQL.
 */
public final class AuditChain {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);
    /** First line of the encoding; a new rule gets a new tag. */
    public static final String FORMAT = "SUIJI-AUDIT-1";

    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private AuditChain() {
    }

    /** The hash {@code entry} must carry: its stored {@code hash} field is not part of the input. */
    public static String hashOf(AuditEntry entry) {
        return sha256Hex(canonical(entry));
    }

    /** The bytes that are hashed, exactly. */
    public static byte[] canonical(AuditEntry entry) {
        var out = new ByteArrayOutputStream();
        line(out, FORMAT);
        field(out, Long.toString(entry.sequence()));
        field(out, TIMESTAMP.format(entry.occurredAt()));
        field(out, entry.actor());
        field(out, String.join(",", entry.roles()));
        field(out, entry.region());
        field(out, entry.action());
        field(out, entry.targetType());
        field(out, entry.targetId());
        field(out, entry.beforeDigest());
        field(out, entry.afterDigest());
        field(out, entry.previousHash());
        return out.toByteArray();
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            line(out, "-");
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
        out.write('\n');
    }

    private static void line(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }
}
