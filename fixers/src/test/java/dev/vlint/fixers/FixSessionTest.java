package dev.vlint.fixers;

import static dev.vlint.fixers.TestRules.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.project.Project;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Rule;
import dev.vlint.source.SourceFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixSessionTest {
    @TempDir
    Path root;

    private FixReport run(Map<String, String> files, FixMode mode, ParseCheck check, Rule... rules) {
        return FixSession.run(project(root, files), List.of(rules), mode, check);
    }

    @Test
    void safeModeAppliesSafeFixesOnly() {
        FixReport report = run(Map.of("Dockerfile", "FROM img:latest\nRUN pip install v==1.0rc0 w==2.0rc0\n"),
                FixMode.SAFE, ParseCheck.NONE, TestRules.RC0, TestRules.LATEST);

        assertEquals("FROM img:latest\nRUN pip install v==1.0rc.0 w==2.0rc.0\n",
                report.files().get(0).fixed().text());
        assertEquals(List.of(new AppliedFix("Dockerfile", "VL901", "replace with rc.0", 2),
                new AppliedFix("Dockerfile", "VL901", "replace with rc.0", 2)), report.applied());
        assertEquals(List.of("VL902"), report.remaining().stream().map(Finding::ruleId).toList());
        assertEquals("Fixed 2 findings in 1 file (VL901 x2); 1 finding left, 1 fixable with --unsafe-fixes",
                report.summary().toString());
    }

    @Test
    void unsafeModeAlsoAppliesUnsafeFixes() {
        FixReport report = run(Map.of("Dockerfile", "FROM img:latest\nRUN x==1.0rc0\n"),
                FixMode.UNSAFE, ParseCheck.NONE, TestRules.RC0, TestRules.LATEST);

        assertEquals("FROM img:1.0\nRUN x==1.0rc.0\n", report.files().get(0).fixed().text());
        assertTrue(report.remaining().isEmpty());
        assertEquals("Fixed 2 findings in 1 file (VL901 x1, VL902 x1); no findings left",
                report.summary().toString());
    }

    @Test
    void displayOnlyFixesAreNeverApplied() {
        FixReport report = run(Map.of("Dockerfile", "# todo\n"), FixMode.UNSAFE, ParseCheck.NONE, TestRules.TODO);

        assertFalse(report.files().get(0).changed());
        assertEquals(1, report.remaining().size());
        assertEquals(0, report.rounds());
        assertEquals("No fixes applied; 1 finding left", report.summary().toString());
    }

    @Test
    void overlappingFixesApplyInLaterRoundsAndConverge() {
        FixReport report = run(Map.of("Dockerfile", "RUN echo abc!\n"), FixMode.SAFE, ParseCheck.NONE,
                TestRules.UPPER, TestRules.BANG);

        assertEquals("RUN echo ABC.\n", report.files().get(0).fixed().text());
        assertEquals(List.of("VL903", "VL904"), report.applied().stream().map(AppliedFix::ruleId).toList());
        assertEquals(2, report.rounds());
        assertFalse(report.roundLimitHit());
        assertTrue(report.notes().isEmpty());
    }

    @Test
    void secondRunChangesNothing() {
        Rule[] rules = {TestRules.RC0, TestRules.UPPER, TestRules.BANG, TestRules.NOTE};
        Map<String, String> files = new LinkedHashMap<>();
        files.put("a/Dockerfile", "FROM x\nRUN echo abc! 1rc0\n");
        files.put("b/Dockerfile", "FROM z\r\nRUN echo abc abc!\r\n");
        FixReport first = run(files, FixMode.SAFE, ParseCheck.NONE, rules);
        assertEquals(2, first.changedFiles().size());

        Map<String, SourceFile> fixed = new LinkedHashMap<>();
        first.files().forEach(f -> fixed.put(f.original().path(), f.fixed()));
        Project again = FixSession.withTexts(project(root, files), fixed);
        FixReport second = FixSession.run(again, List.of(rules), FixMode.SAFE, ParseCheck.NONE);

        assertTrue(second.applied().isEmpty());
        assertTrue(second.changedFiles().isEmpty());
        assertEquals(TestRules.texts(first), TestRules.texts(second));
    }

    @Test
    void stopsAtTheRoundLimitAndSaysSo() {
        FixReport report = run(Map.of("Dockerfile", "FROM x\n"), FixMode.SAFE, ParseCheck.NONE, TestRules.FOREVER);

        assertTrue(report.roundLimitHit());
        assertEquals(FixSession.MAX_ROUNDS, report.rounds());
        assertEquals("#".repeat(FixSession.MAX_ROUNDS) + "FROM x\n", report.files().get(0).fixed().text());
        assertTrue(report.notes().get(0).startsWith("stopped after 10 rounds"), report.notes().toString());
    }

    @Test
    void fixThatBreaksParsingIsRolledBackAndOthersStay() {
        FixReport report = run(Map.of("Dockerfile", "RUN echo (kept\nRUN call x rc0\n"), FixMode.SAFE,
                TestRules.PARENS, TestRules.OPEN_CALL, TestRules.RC0);

        assertEquals("RUN echo (kept\nRUN call x rc.0\n", report.files().get(0).fixed().text());
        assertEquals(List.of("VL901"), report.applied().stream().map(AppliedFix::ruleId).toList());
        assertEquals(List.of("Dockerfile: fix \"replace with call(\" for VL906 broke parsing at line 2"
                + " (unclosed parenthesis); not applied"), report.notes());
        assertEquals(List.of("VL906"), report.remaining().stream().map(Finding::ruleId).toList());
        assertFalse(report.roundLimitHit());
    }

    @Test
    void crlfFileKeepsCrlfInInsertedLines() {
        FixReport report = run(Map.of("Dockerfile", "FROM x\r\nRUN y\r\n"), FixMode.SAFE, ParseCheck.NONE,
                TestRules.NOTE);

        assertEquals("# pinned\r\nFROM y\r\nRUN y\r\n", report.files().get(0).fixed().text());
    }

    @Test
    void lfFileKeepsLf() {
        FixReport report = run(Map.of("Dockerfile", "FROM x\nRUN y"), FixMode.SAFE, ParseCheck.NONE,
                TestRules.NOTE);

        assertEquals("# pinned\nFROM y\nRUN y", report.files().get(0).fixed().text());
    }

    @Test
    void summaryCountsFilesAndRules() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("a/Dockerfile", "FROM x\nRUN 1rc0\n");
        files.put("b/Dockerfile", "RUN 2rc0\n");
        files.put("c/Dockerfile", "RUN clean\n");
        FixReport report = run(files, FixMode.SAFE, ParseCheck.NONE, TestRules.RC0, TestRules.NOTE);

        assertEquals("Fixed 3 findings in 2 files (VL901 x2, VL908 x1); no findings left",
                report.summary().toString());
        assertEquals(List.of("a/Dockerfile", "b/Dockerfile"),
                report.changedFiles().stream().map(f -> f.original().path()).toList());
    }

    @Test
    void diffShowsEveryChangedFile() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("a/Dockerfile", "FROM base\nRUN 1rc0\n");
        files.put("b/Dockerfile", "RUN none\n");
        FixReport report = run(files, FixMode.SAFE, ParseCheck.NONE, TestRules.RC0);

        assertEquals("""
                --- a/a/Dockerfile
                +++ b/a/Dockerfile
                @@ -1,2 +1,2 @@
                 FROM base
                -RUN 1rc0
                +RUN 1rc.0
                """, report.diff());
    }
}
