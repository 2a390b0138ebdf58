package io.suiji.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.suiji.demo.Settings;
import io.suiji.demo.Summary;
import io.suiji.demo.YearDemo;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The main job end to end (issue #8) on the real suite — the same code as {@code deploy/local/suite
 * demo}, at a small size: seed catalogue, a synthetic registry imported through the API, the
 * annual plan, every task's first draw verified by the standalone verifier, every inspection
 * recorded by its drawn group with real inspector tokens, publication with one exemption, sanction
 * pushes to a signed local receiver, one task left overdue, and the registry learning of the
 * inspections. Every count has to agree from one service to the next.
 */
@ExtendWith(Suite.class)
class FullFlowIT {

    private static final long TARGETS = 600;
    private static final int INSPECTORS = 120;

    /** The demo's year at system-test size, on the system-test ports (also used by {@link RegionScopingIT}). */
    static Settings smallYear() {
        return new Settings(Suite.KEYCLOAK, Suite.catalog().url(), Suite.service("registry-service").url(),
                Suite.sampling().url(), Suite.service("enforcement-service").url(),
                Suite.service("publication-service").url(), TARGETS, INSPECTORS, 7, null,
                Suite.ROOT.resolve("system-tests/target/full-flow"),
                Suite.ROOT.resolve("draw-verifier/target/draw-verifier.jar"), 6, System.out, "it-insp-");
    }

    @Test
    void theYearRunsFromPlanToPublicationWithEveryCountAgreeing() throws Exception {
        Summary year = new YearDemo(smallYear()).run();
        String table = year.table();
        System.out.println(table);

        assertEquals(2020, year.year, "the databases are fresh: the demo plays the catalogue's own year");
        assertEquals(TARGETS, year.entitiesImported);
        assertEquals(INSPECTORS, year.inspectorsImported);
        assertEquals(10, year.tasks.size(), "nine matters and one joint task\n" + table);
        assertTrue(year.allVerified(), "every draw completed and verified by the standalone verifier\n" + table);
        // At this size the rarest target types (技工院校, 职业技能鉴定机构) number a handful: a ratio of 5 %
        // to 30 % of fewer than ten rounds to nobody, which the verifier has just confirmed for each draw.
        // The catalogue's smallest ratio is 5 %, so ten or more eligible must give at least one.
        assertTrue(year.tasks.stream().filter(t -> t.drawn() > 0).count() >= 5, "most tasks drew somebody\n" + table);
        for (Summary.TaskRow task : year.tasks) {
            assertTrue(task.drawn() > 0 || task.eligible() < 10, task.taskId() + " drew nobody of " + task.eligible()
                    + "\n" + table);
            assertEquals(task.drawn(), task.assignments(), task.taskId() + ": drawn = assignments\n" + table);
            assertEquals(task.assignments(), task.closed(), task.taskId() + ": assignments = closed\n" + table);
            assertEquals(task.drawn(), task.outcomes().values().stream().mapToLong(Long::longValue).sum(),
                    task.taskId() + ": an outcome per inspection\n" + table);
            assertTrue(task.groups() <= task.drawn() && (task.drawn() == 0) == (task.groups() == 0),
                    task.taskId() + ": a group per drawn target at most, none without targets\n" + table);
        }
        assertEquals(year.closedInPublishedTasks(), year.published() + year.exempt(),
                "every closed inspection of a published task is published or exempt\n" + table);
        assertEquals(1, year.exempt(), "one referred case is withheld with its legal ground\n" + table);

        Summary.TaskRow overdue = year.tasks.stream().filter(t -> t.taskId().equals(year.unpublishedTask)).findFirst()
                .orElseThrow(() -> new AssertionError("the demo left no task unpublished\n" + table));
        assertEquals(List.of(overdue.taskId()), year.overdueTasks, "the one task left unpublished is overdue\n" + table);
        assertEquals("逾期未公示", overdue.disclosureStatus());
        assertEquals(0, overdue.published());

        assertTrue(year.sanctionsExpected > 0, "the seeded outcomes include penalties or listings\n" + table);
        assertEquals(year.sanctionsExpected, year.sanctionsReceived, "each sanction reached the receiver");
        assertEquals(0, year.sanctionRepeats, "and only once");
        assertEquals(0, year.badSignatures, "with a valid signature");

        assertTrue(year.registryChecked > 0);
        assertEquals(year.registryChecked, year.registryUpdated, "the registry shows the inspections");

        // Issue #9: no resident ID number on any public page or download, topic or service log; names masked.
        PersonalDataScan.Report personal = new PersonalDataScan(PersonalDataScan.Registry.importedFrom(
                smallYear().workDir(), smallYear().seed(), TARGETS, INSPECTORS))
                .run(Suite.service("publication-service").url(), Suite.KAFKA, Suite.all());
        System.out.println("personal data: " + personal.pages() + " public pages (" + personal.entityPages()
                + " entity pages), " + personal.records() + " records, 5 logs scanned; " + personal.maskedNamesSeen()
                + " individuals seen masked");
        assertEquals(List.of(), personal.findings().subList(0, Math.min(20, personal.findings().size())),
                personal.findings().size() + " personal-data findings");
        assertTrue(personal.entityPages() > 0 && personal.maskedNamesSeen() > 0,
                "the crawl reached the published individuals' entity pages, their names masked");

        // Every event the services sent during the year keeps its published schema.
        EventContracts.Report events = EventContracts.check(Suite.KAFKA, FirstSliceIT.POISON_KEY_PREFIX);
        System.out.println("event contracts: " + events.records() + " records checked " + events.recordsByType()
                + "; " + events.otherEnvironments() + " records of other environments on the broker passed over");
        assertTrue(events.recordsByType().getOrDefault("io.suiji.publication.SanctionPushed.v1", 0) > 0, events.toString());
        assertTrue(events.recordsByType().getOrDefault("io.suiji.enforcement.InspectionClosed.v1", 0) >= year.drawn(),
                events.recordsByType().toString());
        assertEquals(List.of(), events.violations().subList(0, Math.min(20, events.violations().size())),
                events.violations().size() + " records break their schema");
    }
}
