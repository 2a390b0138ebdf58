package io.suiji.registry.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.suiji.contracts.registry.CodeKind;
import io.suiji.registry.entity.EntityRules;
import io.suiji.registry.identity.PersonalIds;
import io.suiji.registry.importing.EntityColumn;
import io.suiji.registry.importing.EntityRowParser;
import io.suiji.registry.importing.HeaderMap;
import io.suiji.registry.importing.InspectorColumn;
import io.suiji.registry.importing.InspectorRowParser;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class SyntheticRegistryTest {

    private static final LocalDate TODAY = SyntheticRegistry.DEFAULT_AS_OF;
    private final PersonalIds ids = new PersonalIds("test-only-hash-key-0123456789", "test-only-seal-key-0123456789");

    private static String entities(long seed, int count) throws Exception {
        StringWriter out = new StringWriter();
        new SyntheticRegistry(seed, TODAY).writeEntities(out, count);
        return out.toString();
    }

    private static List<CSVRecord> records(String csv) throws Exception {
        return CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords();
    }

    @Test
    void theSameSeedGivesTheSameFileAndAnotherSeedAnother() throws Exception {
        assertEquals(entities(42, 3000), entities(42, 3000));
        assertNotEquals(entities(42, 3000), entities(43, 3000));
    }

    @Test
    void everyGeneratedEntityPassesTheImportsOwnChecksWithUniqueCodes() throws Exception {
        List<CSVRecord> rows = records(entities(2020, 20_000));
        var header = HeaderMap.read(rows.get(0).toList(), 1, EntityColumn.class);
        assertTrue(header.valid(), header.problems().toString());
        EntityRowParser parser = new EntityRowParser(header.map(), new EntityRules(ids), "4104", TODAY);
        Set<String> codes = new HashSet<>();
        Map<CodeKind, Integer> kinds = new HashMap<>();
        Map<String, Integer> regions = new HashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            var outcome = parser.parse(i + 1, rows.get(i).toList());
            assertEquals(null, outcome.reason(), "row " + (i + 1) + ": " + rows.get(i));
            assertTrue(codes.add(outcome.row().code()), "duplicate code in row " + (i + 1));
            kinds.merge(outcome.row().kind(), 1, Integer::sum);
            regions.merge(outcome.row().facts().region(), 1, Integer::sum);
        }
        assertEquals(20_000, codes.size());
        // about a quarter individuals; mostly unified codes, some legacy codes
        assertTrue(between(kinds.get(CodeKind.RESIDENT_ID_HASH), 4_500, 5_500), kinds.toString());
        assertTrue(kinds.get(CodeKind.USCC) > 12_000, kinds.toString());
        assertTrue(kinds.get(CodeKind.REGISTRATION_NUMBER) > 500 && kinds.get(CodeKind.ORGANIZATION_CODE) > 300, kinds.toString());
        // every division and both zones, 汝州市 the largest, 石龙区 the smallest
        assertEquals(12, regions.size());
        assertEquals("410482", regions.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
        assertEquals("410404", regions.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey());
    }

    @Test
    void inspectorsComePerDepartmentWithLeavesAndConflictsNamingGeneratedEntities() throws Exception {
        SyntheticRegistry generator = new SyntheticRegistry(7, TODAY);
        StringWriter entities = new StringWriter();
        generator.writeEntities(entities, 5_000);
        StringWriter inspectors = new StringWriter();
        generator.writeInspectors(inspectors, 500);
        Set<String> entityCodes = new HashSet<>();
        records(entities.toString()).stream().skip(1).forEach(r -> entityCodes.add(r.get(0)));

        List<CSVRecord> rows = records(inspectors.toString());
        var header = HeaderMap.read(rows.get(0).toList(), 1, InspectorColumn.class);
        InspectorRowParser parser = new InspectorRowParser(header.map(), "4104", TODAY, ids);
        int onLeave = 0;
        int withConflicts = 0;
        Set<String> departments = new HashSet<>();
        for (int i = 1; i < rows.size(); i++) {
            var outcome = parser.parse(i + 1, rows.get(i).toList());
            assertEquals(null, outcome.reason(), "row " + (i + 1) + ": " + rows.get(i));
            departments.add(outcome.row().facts().department());
            if (outcome.row().facts().status().name().equals("ON_LEAVE")) {
                onLeave++;
            }
            if (!outcome.row().conflicts().isEmpty()) {
                withConflicts++;
                outcome.row().conflicts().forEach(c -> assertTrue(entityCodes.stream()
                        .anyMatch(code -> code.replace("-", "").equals(c.code())), c.code()));
            }
        }
        assertEquals(SyntheticRegistry.DEPARTMENTS.length, departments.size());
        assertTrue(between(onLeave, 20, 70), "on leave: " + onLeave);
        assertTrue(between(withConflicts, 8, 40), "with conflicts: " + withConflicts);
    }

    /** Without it a small registry left a county target with one eligible inspector and its draw failed. */
    @Test
    void everyDepartmentKeepsACityCoreThatCanAlwaysFormTwoGroups() throws Exception {
        SyntheticRegistry generator = new SyntheticRegistry(7, TODAY);
        generator.writeEntities(new StringWriter(), 600);
        StringWriter inspectors = new StringWriter();
        generator.writeInspectors(inspectors, 120);
        List<CSVRecord> rows = records(inspectors.toString());
        var header = HeaderMap.read(rows.get(0).toList(), 1, InspectorColumn.class);
        InspectorRowParser parser = new InspectorRowParser(header.map(), "4104", TODAY, ids);
        Map<String, Integer> core = new HashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            var row = parser.parse(i + 1, rows.get(i).toList()).row();
            var facts = row.facts();
            if (facts.region().equals("410400") && facts.status().name().equals("ACTIVE") && facts.leaves().isEmpty()
                    && row.conflicts().isEmpty()) {
                core.merge(facts.department(), 1, Integer::sum);
            }
        }
        assertEquals(SyntheticRegistry.DEPARTMENTS.length, core.size(), core.toString());
        core.forEach((department, n) -> assertTrue(n >= SyntheticRegistry.CITY_CORE_PER_DEPARTMENT, department + ": " + n));
    }

    /** ISO 7064 MOD 11,10: running the recursion over all 15 digits, check digit included, ends on 1. */
    @Test
    void registrationNumbersCarryAMod1110CheckDigit() {
        for (String first14 : List.of("41040000012345", "41048200000001", "11010800001234", "00000000000000")) {
            String number = first14 + SyntheticRegistry.mod1110(first14);
            int p = 10;
            int s = 0;
            for (char c : number.toCharArray()) {
                s = p % 11 + (c - '0');
                p = (s % 10 == 0 ? 10 : s % 10) * 2;
            }
            assertEquals(1, s % 10, number);
        }
    }

    private static boolean between(int value, int low, int high) {
        return value >= low && value <= high;
    }
}
