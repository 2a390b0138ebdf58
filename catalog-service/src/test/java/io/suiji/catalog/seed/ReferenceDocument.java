package io.suiji.catalog.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The source document, kept in the repository as docs/reference/seed-pingdingshan-2020-plan.txt
 * (a verbatim copy of the workspace's shared/reference file, which is used if the copy is absent),
 * read independently of the code under test: its attachment table, cell by cell.
 */
public final class ReferenceDocument {

    private ReferenceDocument() {
    }

    public static Path path() {
        Path root = Path.of(System.getProperty("suiji.root", "..")).toAbsolutePath();
        for (Path dir = root; dir != null; dir = dir.getParent()) {
            Path copy = dir.resolve("docs/reference/seed-pingdingshan-2020-plan.txt");
            if (Files.exists(copy)) {
                return copy;
            }
            Path candidate = dir.resolve("shared/reference/seed-pingdingshan-2020-plan.txt");
            if (Files.exists(candidate)) {
                return candidate;
            }
            Path beside = dir.resolveSibling("shared").resolve("reference/seed-pingdingshan-2020-plan.txt");
            if (Files.exists(beside)) {
                return beside;
            }
        }
        throw new IllegalStateException("the source document shared/reference/seed-pingdingshan-2020-plan.txt was "
                + "not found beside " + root + "; the seed tests compare against it");
    }

    public static List<String> lines() {
        try {
            return Files.readAllLines(path(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header row of the attachment table. */
    public static List<String> header() {
        return lines().stream().filter(l -> l.startsWith("序号\t")).findFirst()
                .map(l -> Arrays.asList(l.split("\t", -1))).orElseThrow();
    }

    /** The nine matter rows of the attachment table, cell by cell, in order. */
    public static List<List<String>> rows() {
        return lines().stream()
                .filter(l -> !l.isEmpty() && Character.isDigit(l.charAt(0)) && l.contains("\t"))
                .map(l -> Arrays.asList(l.split("\t", -1)))
                .toList();
    }
}
