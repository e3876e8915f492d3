package dev.vlint.suppress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.project.FileKind;
import dev.vlint.rule.Finding;
import dev.vlint.rule.RuleIndex;
import dev.vlint.rule.Severity;
import dev.vlint.rule.StubRules;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HadolintPragmaTest {
    private static final RuleIndex RULES = new RuleIndex(List.of(StubRules.rule("VL611", "DL3011"),
            StubRules.rule("VL603", "DL3002")));
    private static final Set<String> CHECKED = Set.of("VL611", "VL603");

    private static boolean suppressed(String text, String ruleId, String word, int occurrence) {
        SourceFile file = SourceFile.of("Dockerfile", text);
        int start = -1;
        for (int i = 0; i <= occurrence; i++) {
            start = text.indexOf(word, start + 1);
        }
        Finding finding = new Finding(ruleId, Severity.WARNING, "m", file, new TextRange(start, start + word.length()));
        return Suppressions.scan(file, FileKind.DOCKERFILE, RULES).apply(List.of(finding), CHECKED)
                .findings().get(0).suppressed();
    }

    @Test
    void parsesTheThreeScopesSpacesAndATrailingReason() {
        HadolintPragma next = HadolintPragma.parse("# hadolint ignore=DL3008, SC2086 # pinned by the base", 0);
        assertEquals(HadolintPragma.Scope.NEXT, next.scope());
        assertEquals(List.of("DL3008", "SC2086"), next.names());
        assertEquals("pinned by the base", next.reason());
        assertEquals(HadolintPragma.Scope.GLOBAL, HadolintPragma.parse("# hadolint global ignore = DL3023 , DL3021", 0).scope());
        assertEquals(HadolintPragma.Scope.STAGE, HadolintPragma.parse("#hadolint stage ignore=DL3011", 0).scope());
    }

    @Test
    void aListWithSomethingElseThanRuleCodesIsNoPragma() {
        assertNull(HadolintPragma.parse("# hadolint ignore=crazy,DL3002", 0));
        assertNull(HadolintPragma.parse("# hadolint ignore=", 0));
        assertNull(HadolintPragma.parse("# hadolint shell=powershell", 0));
        assertFalse(suppressed("FROM scratch\n# hadolint ignore=crazy,DL3002\nUSER root\n", "VL603", "root", 0));
    }

    @Test
    void nextInstructionPragmaWithReasonCoversOnlyTheNextInstruction() {
        String text = "FROM ubuntu:24.04\n# hadolint ignore=DL3002 # needs root for the agent\nUSER root\nUSER root\n";
        assertTrue(suppressed(text, "VL603", "USER", 0));
        assertFalse(suppressed(text, "VL603", "USER", 1));
        SourceFile file = SourceFile.of("Dockerfile", text);
        assertEquals("needs root for the agent", Suppressions.scan(file, FileKind.DOCKERFILE, RULES).all().get(0).reason());
    }

    @Test
    void stagePragmaCoversTheStageItStandsBeforeOrIn() {
        String before = "# hadolint stage ignore=DL3011\nFROM ubuntu\nEXPOSE 80000\nFROM ubuntu\nEXPOSE 80000\n";
        assertTrue(suppressed(before, "VL611", "80000", 0));
        assertFalse(suppressed(before, "VL611", "80000", 1), "the next stage is not covered");
        String inside = "FROM ubuntu\nEXPOSE 80000\n# hadolint stage ignore=DL3011\nFROM ubuntu\nEXPOSE 80000\n";
        assertFalse(suppressed(inside, "VL611", "80000", 0));
        assertTrue(suppressed(inside, "VL611", "80000", 1));
        String midStage = "FROM ubuntu\nRUN true\n# hadolint stage ignore=DL3011\nEXPOSE 80000\nEXPOSE 80001\nFROM debian\nEXPOSE 80002\n";
        assertTrue(suppressed(midStage, "VL611", "80001", 0));
        assertFalse(suppressed(midStage, "VL611", "80002", 0));
    }

    @Test
    void globalPragmaCoversTheFile() {
        String text = "# hadolint global ignore=DL3011\nFROM ubuntu\nEXPOSE 80000\nFROM ubuntu\nEXPOSE 80001\n";
        assertTrue(suppressed(text, "VL611", "80001", 0));
    }
}
