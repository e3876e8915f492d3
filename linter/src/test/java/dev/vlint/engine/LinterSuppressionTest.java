package dev.vlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.config.Config;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinterSuppressionTest {
    /** Reports every line starting with RUN. */
    private static final Rule RUN_RULE = new Rule() {
        private final RuleMeta meta = new RuleMeta("VL101", "run-line", Severity.WARNING, "a RUN line",
                Fixability.NONE, Set.of(FileKind.DOCKERFILE), List.of(), List.of("DL3008"));

        @Override
        public RuleMeta meta() {
            return meta;
        }

        @Override
        public void check(RuleContext context) {
            SourceFile source = context.file().source();
            for (int line = 0; line < source.lineCount(); line++) {
                if (source.lineText(line).startsWith("RUN")) {
                    context.report(new TextRange(source.lineStart(line), source.lineEnd(line)), "run");
                }
            }
        }
    };

    /** Stands for VL002: unused suppressions are reported only while a VL002 rule is enabled. */
    private static final Rule UNUSED = new Rule() {
        private final RuleMeta meta = new RuleMeta("VL002", "unused-suppression", Severity.NOTE, "unused",
                Fixability.SAFE, Set.of(FileKind.DOCKERFILE), List.of());

        @Override
        public RuleMeta meta() {
            return meta;
        }

        @Override
        public void check(RuleContext context) {}
    };

    private static Project project(String text, Config config) {
        SourceFile source = SourceFile.of("Dockerfile", text);
        return new Project(Path.of("/p"), List.of(new ProjectFile(Path.of("/p/Dockerfile"), FileKind.DOCKERFILE,
                source)), config);
    }

    @Test
    void suppressedFindingsAreKeptAndMarkedAndUnusedOnesReported() {
        List<Finding> findings = new Linter(List.of(RUN_RULE, UNUSED)).lint(project(
                "FROM a\n# vlint: ignore[VL101] known\nRUN a\nRUN b\n# vlint: ignore[VL101]\nFROM c\n",
                Config.DEFAULT));
        assertEquals(List.of("VL101", "VL101", "VL002"), findings.stream().map(Finding::ruleId).toList());
        assertEquals("known", findings.get(0).suppression());
        assertFalse(findings.get(1).suppressed());
        assertEquals(5, findings.get(2).start().line());
        assertEquals(Severity.NOTE, findings.get(2).severity(), "the VL002 rule's severity");
    }

    @Test
    void unusedSuppressionsAreNotReportedWithoutTheRule() {
        List<Finding> findings = new Linter(List.of(RUN_RULE)).lint(project("# vlint: ignore[VL101]\nFROM c\n",
                Config.DEFAULT));
        assertEquals(List.of(), findings);
    }

    @Test
    void hadolintCommentsNameRulesByTheirAliases() {
        List<Finding> findings = new Linter(List.of(RUN_RULE))
                .lint(project("# hadolint ignore=DL3008\nRUN a\n", Config.DEFAULT));
        assertTrue(findings.get(0).suppressed());
    }

    @Test
    void unusedReportFollowsTheConfiguredLevel() {
        Config quiet = new Config(Map.of("VL002", Optional.empty()), List.of(), Config.Targets.NONE);
        List<Finding> findings = new Linter(List.of(RUN_RULE, UNUSED)).lint(project("# vlint: ignore[VL101]\nFROM c\n", quiet));
        assertTrue(findings.isEmpty());
    }
}
