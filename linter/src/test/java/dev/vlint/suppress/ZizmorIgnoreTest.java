package dev.vlint.suppress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class ZizmorIgnoreTest {
    private static final RuleIndex RULES = new RuleIndex(List.of(
            StubRules.rule("VL801", "zizmor:template-injection"), StubRules.rule("VL805", "zizmor:artipacked"),
            StubRules.rule("VL803", "zizmor:excessive-permissions")));
    private static final Set<String> CHECKED = Set.of("VL801", "VL805", "VL803");

    private static Finding at(SourceFile file, String ruleId, String word) {
        int start = file.text().indexOf(word);
        assertTrue(start >= 0, word);
        return new Finding(ruleId, Severity.WARNING, "m", file, new TextRange(start, start + word.length()));
    }

    private static List<Finding> apply(SourceFile file, Finding... findings) {
        Suppressions.Result result = Suppressions.scan(file, FileKind.WORKFLOW, RULES).apply(List.of(findings), CHECKED);
        assertTrue(result.unused().isEmpty(), "zizmor comments are never reported as unused");
        return result.findings();
    }

    @Test
    void commentOnTheRunKeyCoversTheBlockAndKeepsTheReason() {
        SourceFile file = SourceFile.of(".github/workflows/ci.yml", """
                on: issues
                jobs:
                  triage:
                    runs-on: ubuntu-latest
                    steps:
                      - run: | # zizmor: ignore[template-injection] only ever echoed
                          echo "${{ github.event.issue.title }}"
                      - run: echo "${{ github.event.issue.body }}"
                """);
        List<Finding> found = apply(file, at(file, "VL801", "github.event.issue.title"),
                at(file, "VL801", "github.event.issue.body"));
        assertEquals("only ever echoed", found.get(0).suppression());
        assertFalse(found.get(1).suppressed(), "the next step is another span");
    }

    @Test
    void textInsideABlockScalarIsNoComment() {
        SourceFile file = SourceFile.of(".github/workflows/ci.yml", """
                on: issues
                jobs:
                  triage:
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                          echo "${{ github.event.issue.title }}" # zizmor: ignore[template-injection]
                """);
        assertFalse(apply(file, at(file, "VL801", "github.event.issue.title")).get(0).suppressed());
    }

    @Test
    void anywhereInTheStepAndSeveralAuditsInOneComment() {
        SourceFile file = SourceFile.of(".github/workflows/ci.yml", """
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                        # zizmor: ignore[artipacked, template-injection]
                        with:
                          ref: main
                """);
        List<Finding> found = apply(file, at(file, "VL805", "actions/checkout"), at(file, "VL803", "ubuntu"));
        assertTrue(found.get(0).suppressed());
        assertFalse(found.get(1).suppressed(), "outside the step, and not named");
    }

    @Test
    void outsideStepsTheEntryOfTheCommentsLine() {
        SourceFile file = SourceFile.of(".github/workflows/ci.yml", """
                on: push
                permissions: # zizmor: ignore[excessive-permissions]
                  contents: write
                jobs:
                  build:
                    permissions: write-all
                    runs-on: ubuntu-latest
                    steps:
                      - run: make
                """);
        List<Finding> found = apply(file, at(file, "VL803", "contents: write"), at(file, "VL803", "write-all"));
        assertTrue(found.get(0).suppressed());
        assertFalse(found.get(1).suppressed());
    }

    @Test
    void zizmorsGrammarExactly() {
        for (String comment : List.of("# zizmor: ignore[artipacked]some text", "# zizmor: ignore[]",
                "# zizmor: ignore[artipacked template-injection]", "# zizmor: ignore artipacked",
                "# zizmor:ignore[artipacked]", "# zizmor: ignore[Artipacked]", "# zizmor: ignore[ref-confusion]")) {
            SourceFile file = SourceFile.of(".github/workflows/ci.yml", """
                    on: push
                    jobs:
                      build:
                        runs-on: ubuntu-latest
                        steps:
                          - uses: actions/checkout@v4 %s
                    """.formatted(comment));
            assertFalse(apply(file, at(file, "VL805", "actions/checkout")).get(0).suppressed(), comment);
        }
        for (String comment : List.of("# zizmor: ignore[artipacked]", "# zizmor: ignore[foo,,artipacked,]",
                "# note # zizmor: ignore[artipacked]   trailing words")) {
            SourceFile file = SourceFile.of(".github/workflows/ci.yml", """
                    on: push
                    jobs:
                      build:
                        runs-on: ubuntu-latest
                        steps:
                          - uses: actions/checkout@v4 %s
                    """.formatted(comment));
            assertTrue(apply(file, at(file, "VL805", "actions/checkout")).get(0).suppressed(), comment);
        }
    }
}
