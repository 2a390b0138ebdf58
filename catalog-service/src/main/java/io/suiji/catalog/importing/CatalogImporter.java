package io.suiji.catalog.importing;

import io.suiji.catalog.matter.MatterColumn;
import io.suiji.catalog.matter.MatterService;
import io.suiji.platform.audit.AuditLog;
import io.suiji.platform.problem.Problem;
import io.suiji.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Imports a catalogue sheet: a dry run reports what would change; a commit applies the whole sheet
 * in one transaction, or nothing if any cell has a problem. The seed goes through here too.
 */
@ApplicationScoped
public class CatalogImporter {

    /** The caller of {@link Options} that marks the seed: recorded in the audit trail as {@code system:seed}. */
    public static final String SYSTEM_CALLER = "seed";

    private final MatterService matters;
    private final AuditLog audit;

    @Inject
    public CatalogImporter(MatterService matters, AuditLog audit) {
        this.matters = matters;
        this.audit = audit;
    }

    /**
     * @param fileName       shown in the report and the change notes
     * @param effectiveFrom  when new and revised versions take effect
     * @param codePrefix     codes of new matters are {@code <codePrefix>-<nn>}
     * @param sourceDocument recorded on new and revised versions (e.g. 平人社办〔2020〕47号); may be null
     */
    public record Options(String fileName, TableFormat format, LocalDate effectiveFrom, String codePrefix,
            String sourceDocument, String caller) {
    }

    public ImportReport dryRun(List<SheetRow> sheet, Options options) {
        return ImportReport.of(plan(sheet, options), options.fileName(), options.format(), options.effectiveFrom(), false);
    }

    /** Applies the sheet, all or nothing; a sheet with problems is refused with 422 naming every cell. */
    @Transactional
    public ImportReport commit(List<SheetRow> sheet, Options options) {
        ImportPlan plan = plan(sheet, options);
        if (!plan.applicable()) {
            throw ProblemException.invalid(plan.problems().stream()
                    .map(p -> new Problem.FieldError(p.cell(), p.message())).toList());
        }
        audit.asOneOperation(() -> {
            plan.rows().forEach(row -> apply(row, options));
            return plan;
        });
        ImportReport report = ImportReport.of(plan, options.fileName(), options.format(), options.effectiveFrom(), true);
        record(report, sheet, options);
        return report;
    }

    // One entry for the whole sheet: its name, a digest of its cells, and what it changed.
    private void record(ImportReport report, List<SheetRow> sheet, Options options) {
        var summary = new ImportAudit(report.fileName(), report.format(), audit.digestOf(sheet), report.effectiveFrom(),
                report.summary(), report.rows().stream()
                        .filter(r -> r.action() != ImportPlan.Action.UNCHANGED).map(ImportReport.RowReport::code).toList());
        if (SYSTEM_CALLER.equals(options.caller())) {
            audit.appendAsSystem(SYSTEM_CALLER, "catalog.seeded", "import", report.fileName(), null, summary);
        } else {
            audit.append("catalog.imported", "import", report.fileName(), null, summary);
        }
    }

    record ImportAudit(String fileName, String format, String sheetDigest, LocalDate effectiveFrom,
            ImportReport.Summary summary, List<String> changedCodes) {
    }

    private ImportPlan plan(List<SheetRow> sheet, Options options) {
        return ImportPlanner.plan(SheetParser.parse(sheet), matters.catalogue(), options.codePrefix(),
                options.effectiveFrom());
    }

    private void apply(ImportPlan.Row row, Options options) {
        String note = "导入 " + options.fileName() + " 第" + row.row() + "行"
                + (row.changes().isEmpty() || row.action() == ImportPlan.Action.CREATE ? ""
                        : "：" + row.changes().stream().map(MatterColumn::header).collect(Collectors.joining("、")) + "有调整");
        switch (row.action()) {
            case CREATE -> matters.createPublished(row.code(), row.content(), options.effectiveFrom(),
                    options.sourceDocument(), options.caller());
            case REVISE -> matters.revise(row.code(), row.content(), options.effectiveFrom(), note,
                    options.sourceDocument(), options.caller(), row.baseVersion());
            case PUBLISH_DRAFT -> {
                matters.revise(row.code(), row.content(), null, note, options.sourceDocument(), options.caller(),
                        row.baseVersion());
                matters.publish(row.code(), options.effectiveFrom(), options.caller());
            }
            case UNCHANGED -> { }
        }
    }
}
