package io.suiji.registry.importing;

import io.suiji.platform.audit.AuditLog;
import io.suiji.platform.problem.Problem;
import io.suiji.platform.problem.ProblemException;
import io.suiji.registry.RegistryConfig;
import io.suiji.registry.entity.EntityRules;
import io.suiji.registry.identity.PersonalIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Accepts an upload: checks its header at once, records the job, hands it to the {@link ImportRunner}. */
@ApplicationScoped
public class ImportService {

    private final ImportRunner runner;
    private final EntityRules rules;
    private final PersonalIds personalIds;
    private final RegistryConfig config;
    private final AuditLog audit;

    @Inject
    public ImportService(ImportRunner runner, EntityRules rules, PersonalIds personalIds, RegistryConfig config,
            AuditLog audit) {
        this.audit = audit;
        this.runner = runner;
        this.rules = rules;
        this.personalIds = personalIds;
        this.config = config;
    }

    /**
     * Takes over the uploaded file (moved out of the HTTP layer's temporary directory, which is
     * emptied when the request ends), checks the header row and queues the job.
     *
     * @throws ProblemException 422 for an unreadable file or a wrong header, naming the expected columns
     */
    public ImportJobRecord accept(Path upload, String fileName, ImportKind kind, ImportMode mode, String scopeRegion,
            String scopePrefix, String by) {
        UUID id = UUID.randomUUID();
        Path file = takeOver(upload, id);
        try {
            if (Files.size(file) > (long) config.imports().maxFileMegabytes() << 20) {
                throw ProblemException.invalid("file", "the file is larger than " + config.imports().maxFileMegabytes() + " MB");
            }
            ImportFormat format = ImportFormat.detect(file, fileName);
            List<String> headers = checkHeader(file, format, kind, scopePrefix);
            ImportJobRecord job = record(id, kind, mode, format, fileName, headers, Files.size(file), scopeRegion, by,
                    sha256(file));
            runner.submit(new ImportRunner.Job(id, kind, mode, format, scopePrefix, by), file);
            return job;
        } catch (UnreadableFileException e) {
            delete(file);
            throw ProblemException.invalid("file", e.getMessage());
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        }
    }

    private ImportJobRecord record(UUID id, ImportKind kind, ImportMode mode, ImportFormat format, String fileName, List<String> headers,
            long size, String scopeRegion, String by, String fileSha256) {
        ImportJobRecord job = new ImportJobRecord();
        job.id = id;
        job.kind = kind;
        job.mode = mode;
        job.status = ImportStatus.QUEUED;
        job.fileName = fileName == null ? null : fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
        job.format = format;
        job.headers = headers;
        job.bytesTotal = size;
        job.scopeRegion = scopeRegion;
        job.createdBy = by;
        job.createdAt = OffsetDateTime.now();
        QuarkusTransaction.requiringNew().run(() -> {
            job.persist();
            audit.append("import.accepted", "import", id, null, new AcceptedImport(job.fileName, fileSha256, size,
                    kind, mode, format, scopeRegion));
        });
        return job;
    }

    /** What the trail keeps of an upload: the file's own SHA-256, so the file can be matched later. */
    record AcceptedImport(String fileName, String fileSha256, long bytes, ImportKind kind, ImportMode mode,
            ImportFormat format, String scopeRegion) {
    }

    private static String sha256(Path file) throws IOException {
        try (var in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // The header is read now, so that a wrong file fails at once instead of as a job.
    private List<String> checkHeader(Path file, ImportFormat format, ImportKind kind, String scopePrefix) {
        ImportEngine engine = ImportEngine.of(kind, null, null, null, scopePrefix, rules, personalIds, config.today());
        HeaderSearch search = new HeaderSearch(engine);
        String expected = kind.expectedHeaders();
        List<String>[] header = new List[1];
        try (RowSource source = RowSource.open(file, format)) {
            source.forEach((number, cells) -> {
                search.offer(number, cells, expected);
                if (search.found()) {
                    header[0] = cells;
                    return false;
                }
                return true;
            });
        } catch (HeaderSearch.HeaderException e) {
            throw new ProblemException(422, "wrong-headers", "Wrong headers", e.getMessage(),
                    e.problems.stream().map(p -> new Problem.FieldError(p.field(), p.message())).toList());
        } catch (UnreadableFileException e) {
            throw e;
        } catch (Exception e) {
            throw new UnreadableFileException("the file cannot be read: " + e.getMessage(), e);
        }
        if (header[0] == null) {
            throw new ProblemException(422, "wrong-headers", "Wrong headers", "the file has no header row; expected the columns "
                    + expected, List.of(new Problem.FieldError("header", "expected the columns " + expected)));
        }
        return header[0];
    }

    private static Path takeOver(Path upload, UUID id) {
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "suiji-registry-imports");
            Files.createDirectories(dir);
            Path target = dir.resolve(id + ".upload");
            try {
                return Files.move(upload, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException notAtomic) {
                return Files.move(upload, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the upload", e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless
        }
    }
}
