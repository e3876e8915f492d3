package dev.vlint.suppress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.fix.Applicability;
import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.project.FileKind;
import dev.vlint.rule.Finding;
import dev.vlint.rule.RuleIndex;
import dev.vlint.rule.Severity;
import dev.vlint.rule.StubRules;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SuppressionsTest {
    private static final Set<String> CHECKED = Set.of("VL101", "VL102", "VL301", "VL002");
    /** One rule, VL101, that hadolint knows as DL3008. */
    private static final RuleIndex RULES = new RuleIndex(List.of(StubRules.rule("VL101", "DL3008")));

    /** A finding of {@code ruleId} at the first occurrence of {@code word}. */
    private static Finding at(SourceFile file, String ruleId, String word) {
        int start = file.text().indexOf(word);
        assertTrue(start >= 0, word);
        return new Finding(ruleId, Severity.WARNING, "m", file, new TextRange(start, start + word.length()));
    }

    private static Suppressions.Result apply(SourceFile file, FileKind kind, Finding... findings) {
        return Suppressions.scan(file, kind).apply(List.of(findings), CHECKED);
    }

    private static String applyFix(SourceFile file, Fix fix) {
        StringBuilder text = new StringBuilder(file.text());
        List<Edit> edits = fix.edits().stream().sorted((a, b) -> b.range().compareTo(a.range())).toList();
        for (Edit edit : edits) {
            text.replace(edit.range().start(), edit.range().end(), edit.replacement());
        }
        return text.toString();
    }

    @Test
    void ownLineCommentCoversTheWholeMultiLineInstruction() {
        SourceFile file = SourceFile.of("Dockerfile", """
                FROM ubuntu
                # vlint: ignore[VL101] shared cache is fine here
                RUN --mount=type=cache,target=/root/.cache \\
                    pip install torch
                RUN pip install numpy
                """);
        Suppressions.Result result = apply(file, FileKind.DOCKERFILE,
                at(file, "VL101", "torch"), at(file, "VL101", "numpy"));
        assertEquals("shared cache is fine here", result.findings().get(0).suppression());
        assertFalse(result.findings().get(1).suppressed());
        assertTrue(result.unused().isEmpty());
    }

    @Test
    void heredocBelongsToTheInstruction() {
        SourceFile file = SourceFile.of("Dockerfile", """
                # vlint: ignore[VL101]
                RUN <<EOF
                set -e
                pip install torch
                EOF
                RUN pip install numpy
                """);
        Suppressions.Result result = apply(file, FileKind.DOCKERFILE,
                at(file, "VL101", "torch"), at(file, "VL101", "numpy"));
        assertEquals("", result.findings().get(0).suppression());
        assertFalse(result.findings().get(1).suppressed());
    }

    @Test
    void endOfLineCommentCoversItsLine() {
        SourceFile file = SourceFile.of("build.sh", """
                echo "# not a comment" # vlint: ignore[VL102]
                echo other
                """);
        Suppressions.Result result = apply(file, FileKind.SHELL,
                at(file, "VL102", "echo"), at(file, "VL102", "other"));
        assertTrue(result.findings().get(0).suppressed());
        assertFalse(result.findings().get(1).suppressed());
    }

    @Test
    void endOfLineCommentOnAContinuationCoversTheInstruction() {
        SourceFile file = SourceFile.of("Dockerfile", "RUN apt-get update && \\\n    apt-get install x # vlint: ignore[VL101]\n");
        assertTrue(apply(file, FileKind.DOCKERFILE, at(file, "VL101", "RUN")).findings().get(0).suppressed());
    }

    @Test
    void hashInsideQuotesIsNotAComment() {
        SourceFile file = SourceFile.of("Dockerfile", "RUN echo \"# vlint: ignore[VL101]\"\n");
        assertTrue(Suppressions.scan(file, FileKind.DOCKERFILE).all().isEmpty());
    }

    @Test
    void idsAreMatchedInAnyCaseAndByAlias() {
        SourceFile file = SourceFile.of("Dockerfile", "# vlint: ignore[vl101]\nRUN a\nRUN b # vlint: ignore[dl3008]\n");
        Suppressions.Result result = Suppressions.scan(file, FileKind.DOCKERFILE, RULES)
                .apply(List.of(at(file, "VL101", "RUN a"), at(file, "VL101", "RUN b")), CHECKED);
        assertTrue(result.findings().get(0).suppressed());
        assertTrue(result.findings().get(1).suppressed());
        assertTrue(result.unused().isEmpty());
    }

    @Test
    void fileWideSuppression() {
        SourceFile file = SourceFile.of("Dockerfile", "FROM a\nRUN x\n# vlint: ignore-file[VL102]\n");
        Suppressions.Result result = apply(file, FileKind.DOCKERFILE, at(file, "VL102", "FROM"),
                at(file, "VL102", "RUN"), at(file, "VL101", "RUN"));
        assertTrue(result.findings().get(0).suppressed());
        assertTrue(result.findings().get(1).suppressed());
        assertFalse(result.findings().get(2).suppressed());
    }

    @Test
    void yamlKeyCoversItsNestedLines() {
        SourceFile file = SourceFile.of(".github/workflows/ci.yml", """
                jobs:
                  build:
                    # vlint: ignore[VL102]
                    steps:
                      - run: |
                          docker build .
                  other:
                    steps: []
                """);
        Suppressions.Result result = apply(file, FileKind.WORKFLOW,
                at(file, "VL102", "docker build"), at(file, "VL102", "other"));
        assertTrue(result.findings().get(0).suppressed());
        assertFalse(result.findings().get(1).suppressed());
    }

    @Test
    void typescriptUsesSlashes() {
        SourceFile file = SourceFile.of("startos/manifest.ts", """
                export const manifest = {
                  // vlint: ignore[VL301] upstream tag
                  version: '1.0',
                  url: "http://x//y",
                }
                """);
        Suppressions.Result result = apply(file, FileKind.STARTOS_TS,
                at(file, "VL301", "'1.0'"), at(file, "VL301", "url"));
        assertEquals("upstream tag", result.findings().get(0).suppression());
        assertFalse(result.findings().get(1).suppressed());
    }

    @Test
    void hadolintCommentsMapThroughAliases() {
        SourceFile file = SourceFile.of("Dockerfile", "# hadolint ignore=DL3008,DL9999\nRUN apt-get install x\n");
        Suppressions s = Suppressions.scan(file, FileKind.DOCKERFILE, RULES);
        Suppressions.Result result = s.apply(List.of(at(file, "VL101", "RUN")), CHECKED);
        assertTrue(result.findings().get(0).suppressed());
        Suppressions.Result none = s.apply(List.of(), CHECKED);
        assertTrue(none.unused().isEmpty(), "hadolint comments are not ours to report");
        assertTrue(Suppressions.scan(file, FileKind.DOCKERFILE).all().isEmpty());
    }

    @Test
    void unusedOwnLineSuppressionIsReportedWithAFixDeletingTheLine() {
        SourceFile file = SourceFile.of("Dockerfile", "FROM a\n# vlint: ignore[VL101]\nRUN x\n");
        Suppressions.Result result = apply(file, FileKind.DOCKERFILE);
        Finding unused = result.unused().get(0);
        assertEquals("VL002", unused.ruleId());
        assertEquals("suppression of VL101 matches no finding", unused.message());
        assertEquals("VL101", file.slice(unused.range()));
        assertEquals("FROM a\nRUN x\n", applyFix(file, unused.fixes().get(0)));
    }

    @Test
    void unusedEndOfLineSuppressionFixKeepsTheCode() {
        SourceFile file = SourceFile.of("a.sh", "echo hi   # vlint: ignore[VL102] why\necho bye\n");
        Finding unused = apply(file, FileKind.SHELL).unused().get(0);
        assertEquals("echo hi\necho bye\n", applyFix(file, unused.fixes().get(0)));
    }

    @Test
    void partlyUsedSuppressionLosesOnlyTheUnusedIds() {
        SourceFile file = SourceFile.of("Dockerfile", "# vlint: ignore[VL101, VL102,VL301]\nRUN x\n");
        Suppressions.Result result = apply(file, FileKind.DOCKERFILE, at(file, "VL102", "RUN"));
        assertEquals(1, result.unused().size());
        Finding unused = result.unused().get(0);
        assertEquals("suppressions of VL101, VL301 match no finding", unused.message());
        assertEquals("# vlint: ignore[VL102]\nRUN x\n", applyFix(file, unused.fixes().get(0)));
    }

    @Test
    void rulesThatDidNotRunAreNotReportedUnused() {
        SourceFile file = SourceFile.of("Dockerfile", "# vlint: ignore[VL777]\nRUN x\n");
        assertTrue(apply(file, FileKind.DOCKERFILE).unused().isEmpty());
    }

    @Test
    void unusedReportsCanThemselvesBeIgnoredFileWide() {
        SourceFile file = SourceFile.of("Dockerfile", "# vlint: ignore-file[VL002]\n# vlint: ignore[VL101]\nRUN x\n");
        Suppressions.Result result = apply(file, FileKind.DOCKERFILE);
        assertEquals(1, result.unused().size());
        assertTrue(result.unused().get(0).suppressed());
    }

    @Test
    void wheelsHaveNoSuppressions() {
        assertNull(Suppressions.scan(SourceFile.of("x.whl", ""), FileKind.WHEEL).all().stream().findAny()
                .orElse(null));
    }

    private static Suppressions.Result applyKnown(SourceFile file, Finding... findings) {
        return Suppressions.scan(file, FileKind.DOCKERFILE, RULES).apply(List.of(findings), CHECKED);
    }

    @Test
    void anUnknownIdIsReportedWithTheClosestKnownOne() {
        SourceFile file = SourceFile.of("Dockerfile", "# vlint: ignore[VL1O1] typo\nRUN x\n");
        Suppressions.Result result = applyKnown(file, at(file, "VL101", "RUN"));
        assertFalse(result.findings().get(0).suppressed(), "an unknown id silences nothing");
        Finding unknown = result.unused().get(0);
        assertEquals(1, result.unused().size());
        assertEquals("VL002", unknown.ruleId());
        assertEquals("VL1O1", file.slice(unknown.range()));
        assertEquals("'VL1O1' is not a rule id, so this suppression silences nothing for it; did you mean VL101?",
                unknown.message());
        assertTrue(result.blanket().isEmpty());
    }

    @Test
    void rulesAreNamedInCommentsAsEverywhereElse() {
        SourceFile file = SourceFile.of("Dockerfile", "RUN a # vlint: ignore[rule-vl101]\nRUN b # vlint: ignore[Vl101]\n");
        Suppressions.Result result = applyKnown(file, at(file, "VL101", "RUN a"), at(file, "VL101", "RUN b"));
        assertTrue(result.findings().stream().allMatch(Finding::suppressed), "by name and in any case");
        assertTrue(result.unused().isEmpty(), result.unused().toString());
    }

    @Test
    void knownIdsNextToAnUnknownOneStillWork() {
        SourceFile file = SourceFile.of("Dockerfile", "RUN x # vlint: ignore[zz999, dl3008]\n");
        Suppressions.Result result = applyKnown(file, at(file, "VL101", "RUN"));
        assertTrue(result.findings().get(0).suppressed());
        assertEquals(List.of("'zz999' is not a rule id, so this suppression silences nothing for it; `vlint rules`"
                + " lists the ids"), result.unused().stream().map(Finding::message).toList());
    }

    @Test
    void aCommentWithoutIdsSilencesEveryRuleAndAsksForTheIds() {
        for (String comment : List.of("# vlint: ignore", "# vlint: ignore[] upstream", "# vlint: ignore  upstream")) {
            SourceFile file = SourceFile.of("Dockerfile", comment + "\nRUN x\nRUN y\n");
            Suppressions.Result result = applyKnown(file, at(file, "VL101", "RUN x"), at(file, "VL102", "RUN x"),
                    at(file, "VL101", "RUN y"));
            assertTrue(result.findings().get(0).suppressed(), comment);
            assertTrue(result.findings().get(1).suppressed(), comment);
            assertFalse(result.findings().get(2).suppressed(), "only the next statement: " + comment);
            Finding blanket = result.blanket().get(0);
            assertEquals("VL003", blanket.ruleId());
            assertEquals("ignore", file.slice(blanket.range()));
            assertEquals("`vlint: ignore` without rule ids silences every rule on the lines it covers (now VL101,"
                    + " VL102), and would hide any new finding there too; name the rules: `vlint: ignore[VL101,VL102]`",
                    blanket.message());
            assertEquals(comment.replaceFirst("ignore(\\[\\])?", "ignore[VL101,VL102]") + "\nRUN x\nRUN y\n",
                    applyFix(file, blanket.fixes().get(0)));
            assertEquals(Applicability.UNSAFE, blanket.fixes().get(0).applicability(), "rules that did not run may be silenced too");
            assertTrue(result.unused().isEmpty());
        }
    }

    @Test
    void aCommentWithoutIdsDoesNotSilenceTheReportAboutItself() {
        SourceFile file = SourceFile.of("Dockerfile", "RUN x # vlint: ignore\n");
        Suppressions.Result result = applyKnown(file);
        assertEquals(1, result.blanket().size());
        assertFalse(result.blanket().get(0).suppressed());
        assertTrue(result.blanket().get(0).message().contains("silences nothing now"), result.blanket().get(0).message());
        assertTrue(result.blanket().get(0).fixes().isEmpty());
    }

    @Test
    void fileWideWithoutIdsCoversTheWholeFile() {
        SourceFile file = SourceFile.of("Dockerfile", "FROM a\nRUN x\n# vlint: ignore-file\n");
        Suppressions.Result result = applyKnown(file, at(file, "VL101", "FROM"), at(file, "VL102", "RUN"));
        assertTrue(result.findings().stream().allMatch(Finding::suppressed));
        assertTrue(result.blanket().get(0).message().startsWith("`vlint: ignore-file` without rule ids silences every"
                + " rule in this file (now VL101, VL102)"), result.blanket().get(0).message());
    }

    @Test
    void wordsThatOnlyStartLikeTheDirectiveAreNotOne() {
        SourceFile file = SourceFile.of("Dockerfile", "# vlint: ignored for now\n# vlint: ignore[VL101\nRUN x\n");
        assertTrue(Suppressions.scan(file, FileKind.DOCKERFILE, RULES).all().isEmpty());
    }

    @Test
    void emptyFindingAtTheEndOfTheCoveredLineIsSuppressed() {
        SourceFile file = SourceFile.of("Dockerfile", "# vlint: ignore[VL101]\nFROM a\n");
        Finding atLineEnd = new Finding("VL101", Severity.NOTE, "m", file, TextRange.at(file.lineEnd(1)));
        assertTrue(apply(file, FileKind.DOCKERFILE, atLineEnd).findings().get(0).suppressed());
    }

    @Property
    void scanningNeverThrows(@ForAll String text) {
        SourceFile file = SourceFile.of("f", "# vlint: ignore[VL101]\n" + text + "\n# vlint: ignore[VL102]");
        for (FileKind kind : FileKind.values()) {
            Suppressions.scan(file, kind, RULES).apply(List.of(), CHECKED);
        }
    }
}
