package io.suiji.enforcement.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The evidence directory. A file is first written under {@code .incoming/} while its SHA-256 is
 * computed, then moved into place in one step ({@code <assignment>/<evidence id>}), so that a
 * reader never sees half a file and a failed upload leaves nothing behind. Names on disk are ours:
 * the uploader's filename is only recorded.
 */
public final class EvidenceStore {

    private static final String INCOMING = ".incoming";

    private final Path root;

    public EvidenceStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** A file written under {@code .incoming/}, with what was learnt while writing it. */
    public record Staged(Path temp, long size, String sha256, byte[] head) {
    }

    /** More than the limit arrived; nothing was kept. */
    public static final class TooLarge extends Exception {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    /** Copies {@code in} to a temporary file, reading at most {@code limit + 1} bytes. */
    public Staged stage(InputStream in, long limit) throws TooLarge {
        MessageDigest sha256 = sha256();
        byte[] head = new byte[EvidencePolicy.HEAD_BYTES];
        Path temp = null;
        try {
            Path incoming = Files.createDirectories(root.resolve(INCOMING));
            temp = Files.createTempFile(incoming, "upload-", ".part");
            long size = 0;
            try (OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (size < head.length) {
                        System.arraycopy(buffer, 0, head, (int) size, (int) Math.min(n, head.length - size));
                    }
                    size += n;
                    if (size > limit) {
                        throw new TooLarge();
                    }
                    sha256.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            byte[] read = size < head.length ? Arrays.copyOf(head, (int) size) : head;
            return new Staged(temp, size, HexFormat.of().formatHex(sha256.digest()), read);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException(e);
        } catch (TooLarge | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /** Moves a staged file to {@code key} in one step (same file system: {@code .incoming} is inside the root). */
    public void commit(Staged staged, String key) {
        try {
            Path target = path(key);
            Files.createDirectories(target.getParent());
            Files.move(staged.temp(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void discard(Staged staged) {
        deleteQuietly(staged.temp());
    }

    /** Removes a committed file whose row did not commit. */
    public void delete(String key) {
        deleteQuietly(path(key));
    }

    /** The stored file of {@code key}; keys are ours ({@code <uuid>/<uuid>}), so never outside the root. */
    public Path path(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.startsWith(root.resolve(INCOMING))) {
            throw new IllegalArgumentException("storage key " + key + " leaves the evidence directory");
        }
        return path;
    }

    /** The SHA-256 of a stored file, to check it against its record before it is served. */
    public String sha256Of(String key) {
        MessageDigest sha256 = sha256();
        try (InputStream in = Files.newInputStream(path(key))) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Best effort: a leftover under .incoming holds no row and is never served.
        }
    }
}
