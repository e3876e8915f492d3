package dev.vlint.rules.startos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.config.Config;
import dev.vlint.engine.Linter;
import dev.vlint.fix.Applicability;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.Finding;
import dev.vlint.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExverInvalidTest {
    private static List<Finding> lint(String text) {
        SourceFile source = SourceFile.of("startos/versions/current.ts", text);
        Project project = new Project(Path.of("/p"), List.of(new ProjectFile(
                Path.of("/p/startos/versions/current.ts"), FileKind.STARTOS_TS, source)), Config.DEFAULT);
        return new Linter(List.of(new ExverInvalid())).lint(project);
    }

    @Test
    void anEscapedLiteralIsReportedAndRepairedAsAWhole() {
        String text = "export const v = VersionInfo.of({ version: '0.21.1-r\\c0:0', releaseNotes: '' })\n";
        List<Finding> findings = lint(text);
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals("0.21.1-r\\c0:0", finding.file().slice(finding.range()));
        assertEquals(Applicability.SAFE, finding.fixes().get(0).applicability());
        assertEquals("0.21.1-rc.0:0", finding.fixes().get(0).edits().get(0).replacement());
    }

    @Test
    void aVersionWithoutAnyRepairHasNoFix() {
        List<Finding> findings = lint("export const v = VersionInfo.of({ version: 'latest', releaseNotes: '' })\n");
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).fixes().isEmpty());
        assertEquals("l", findings.get(0).file().slice(findings.get(0).range()));
    }

    @Test
    void templateLiteralsWithSubstitutionsAreNotGuessed() {
        assertEquals(List.of(), lint("export const v = VersionInfo.of({ version: `${upstream}:0`, releaseNotes: '' })\n"));
    }
}
