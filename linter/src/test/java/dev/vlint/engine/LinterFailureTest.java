package dev.vlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinterFailureTest {
    /** Throws on files whose text contains "boom", reports the first character of the others. */
    private static final Rule FRAGILE = new Rule() {
        private final RuleMeta meta = new RuleMeta("VL101", "fragile", Severity.WARNING, "fragile",
                Fixability.NONE, Set.of(FileKind.DOCKERFILE), List.of());

        @Override
        public RuleMeta meta() {
            return meta;
        }

        @Override
        public void check(RuleContext context) {
            if (context.file().source().text().contains("boom")) {
                throw new IllegalStateException("rule bug");
            }
            context.report(new TextRange(0, 1), "checked");
        }
    };

    private static final Project PROJECT = new Project(Path.of("/p"), List.of(
            file("a/Dockerfile", "FROM alpine\n"), file("b/Dockerfile", "FROM boom\n"), file("c/Dockerfile", "FROM x\n")),
            Config.DEFAULT);

    private static ProjectFile file(String path, String text) {
        return new ProjectFile(Path.of("/p").resolve(path), FileKind.DOCKERFILE, SourceFile.of(path, text));
    }

    @Test
    void byDefaultAFailingRuleEndsTheRun() {
        assertThrows(IllegalStateException.class, () -> new Linter(List.of(FRAGILE)).lint(PROJECT, 2));
    }

    @Test
    void aProgressThatTakesTheFailureLetsTheOtherFilesBeChecked() {
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        List<Finding> findings = new Linter(List.of(FRAGILE)).lint(PROJECT, 2, new Linter.Progress() {
            @Override
            public void filesDone(int done, int total) {}

            @Override
            public void ruleFailed(String ruleId, ProjectFile file, RuntimeException error) {
                failed.add(ruleId + " " + file.path() + " " + error.getMessage());
            }
        });
        assertEquals(List.of("VL101 b/Dockerfile rule bug"), failed);
        assertEquals(List.of("a/Dockerfile", "c/Dockerfile"), findings.stream().map(f -> f.file().path()).toList());
    }
}
