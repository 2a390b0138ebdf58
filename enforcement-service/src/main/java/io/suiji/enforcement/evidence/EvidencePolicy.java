package io.suiji.enforcement.evidence;

import io.suiji.platform.problem.Problem.FieldError;
import io.suiji.platform.problem.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What evidence files (证据材料) are accepted: a size limit and an allow-list of content types whose
 * first bytes must match the declared type — a declared type alone is the uploader's word, and a
 * record meant for court should not hold an executable called "photo.jpg".
 */
public final class EvidencePolicy {

    /** Leading bytes ("magic numbers") of the types the bureau keeps as evidence. */
    private static final Map<String, byte[]> SIGNATURES = Map.of(
            "application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'},
            "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    /** How many leading bytes {@link #contentMatches} needs. */
    public static final int HEAD_BYTES = 8;

    private static final int MAX_FILENAME = 200;

    private final long maxBytes;
    private final Set<String> allowedTypes;

    public EvidencePolicy(long maxBytes, List<String> allowedTypes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("the evidence size limit must be positive");
        }
        this.maxBytes = maxBytes;
        this.allowedTypes = new TreeSet<>();
        allowedTypes.forEach(t -> this.allowedTypes.add(normalise(t)));
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The media type without parameters, lower case; null stays null. */
    public static String normalise(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** 415 naming the type when it is not on the allow-list. */
    public Optional<ProblemException> typeRefusal(String contentType) {
        String type = normalise(contentType);
        if (type != null && allowedTypes.contains(type)) {
            return Optional.empty();
        }
        return Optional.of(new ProblemException(415, "unsupported-media-type", "Unsupported media type",
                "evidence of type " + (type == null || type.isEmpty() ? "(none given)" : type) + " is not accepted; allowed: "
                        + allowedTypes, List.of(new FieldError("file.contentType", "must be one of " + allowedTypes))));
    }

    /** 413 when {@code size} bytes exceed the limit. */
    public Optional<ProblemException> sizeRefusal(long size) {
        if (size <= maxBytes) {
            return Optional.empty();
        }
        return Optional.of(new ProblemException(413, "payload-too-large", "Payload too large",
                "evidence files are limited to " + maxBytes + " bytes; this one has " + (size == Long.MAX_VALUE
                        ? "more" : String.valueOf(size)), List.of(new FieldError("file", "exceeds " + maxBytes + " bytes"))));
    }

    /** Whether the file's first bytes are those of {@code contentType} (an allowed one). */
    public static boolean contentMatches(String contentType, byte[] head) {
        byte[] signature = SIGNATURES.get(normalise(contentType));
        if (signature == null) {
            // A type allowed by configuration without a known signature is taken at its word.
            return true;
        }
        return head.length >= signature.length && Arrays.equals(head, 0, signature.length, signature, 0, signature.length);
    }

    /** 415 when the content is not what its declared type says. */
    public Optional<ProblemException> contentRefusal(String contentType, byte[] head) {
        if (contentMatches(contentType, head)) {
            return Optional.empty();
        }
        return Optional.of(new ProblemException(415, "unsupported-media-type", "Unsupported media type",
                "the file's content is not " + normalise(contentType),
                List.of(new FieldError("file", "content does not match its declared type " + normalise(contentType)))));
    }

    /**
     * The name to record and offer on download: the last path segment, without control characters,
     * at most 200 characters; null when nothing usable is left (the caller answers 422).
     */
    public static String filename(String given) {
        if (given == null) {
            return null;
        }
        String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return null;
        }
        return name.length() > MAX_FILENAME ? name.substring(name.length() - MAX_FILENAME) : name;
    }
}
