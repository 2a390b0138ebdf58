package io.suiji.registry.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk shared-strings table reads every string as POI's in-memory table does. */
class SpilledSharedStringsTest {

    @TempDir
    Path dir;

    @Test
    void everyStringReadsAsPoisOwnTableReadsIt() throws Exception {
        Path file = dir.resolve("名录.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = wb.createSheet();
            List<String> values = new ArrayList<>(List.of("统一社会信用代码", "名称", "", "平顶山市新华区建设路1号", "a\tb", "  spaced  ",
                    "名称", "𠀀 outside the BMP", "line\nbreak"));
            for (int i = 0; i < 2_000; i++) {
                values.add("平顶山市某某人力资源有限公司" + i);
            }
            for (int i = 0; i < values.size(); i++) {
                XSSFRow row = sheet.createRow(i);
                row.createCell(0).setCellValue(values.get(i));
            }
            XSSFRichTextString rich = new XSSFRichTextString("加粗和普通");
            XSSFFont bold = wb.createFont();
            bold.setBold(true);
            rich.applyFont(0, 2, bold);
            sheet.createRow(values.size()).createCell(0).setCellValue(rich);
            wb.write(out);
        }
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            ReadOnlySharedStringsTable expected = new ReadOnlySharedStringsTable(pkg, false);
            try (SpilledSharedStrings spilled = new SpilledSharedStrings(pkg)) {
                assertEquals(expected.getUniqueCount(), spilled.getUniqueCount());
                assertEquals(expected.getCount(), spilled.getCount());
                assertTrue(spilled.getUniqueCount() > 2_000, "distinct strings: " + spilled.getUniqueCount());
                for (int i = 0; i < expected.getUniqueCount(); i++) {
                    assertEquals(expected.getItemAt(i).getString(), spilled.getItemAt(i).getString(), "string " + i);
                }
                assertEquals("加粗和普通", spilled.text(spilled.getUniqueCount() - 1), "runs of a rich string joined");
                assertThrows(IllegalArgumentException.class, () -> spilled.text(spilled.getUniqueCount()));
            }
            pkg.revert();
        }
    }

    @Test
    void phoneticGuidesAreNotPartOfTheTextAndTheTemporaryFilesGoAway() throws Exception {
        Path file = dir.resolve("phonetic.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet().createRow(0).createCell(0).setCellValue("x");
            wb.write(out);
        }
        // Rewrite the table with a phonetic run, as Excel writes for East Asian input methods.
        Path withGuide = dir.resolve("with-guide.xlsx");
        replaceEntry(file, withGuide, "xl/sharedStrings.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                        + " count=\"3\" uniqueCount=\"1\"><si><t>平顶山</t><rPh sb=\"0\" eb=\"3\"><t>ピンディンシャン</t></rPh></si></sst>");
        List<Path> before = temporaryFiles();
        try (OPCPackage pkg = OPCPackage.open(withGuide.toFile(), PackageAccess.READ)) {
            SpilledSharedStrings spilled = new SpilledSharedStrings(pkg);
            assertEquals("平顶山", spilled.text(0));
            assertEquals(3, spilled.getCount(), "count as the table declares it");
            assertEquals(1, spilled.getUniqueCount());
            assertFalse(temporaryFiles().equals(before), "the strings live in temporary files while read");
            spilled.close();
            assertEquals(before, temporaryFiles(), "and the files are gone once closed");
            pkg.revert();
        }
    }

    /** A copy of {@code from} with one zip entry's content replaced (POI never writes phonetic runs). */
    private static void replaceEntry(Path from, Path to, String entry, String content) throws Exception {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(entry)) {
                    out.write(content.getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    private static List<Path> temporaryFiles() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("suiji-xlsx-")).sorted().toList();
        }
    }
}
