package dev.vlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import dev.vlint.rule.ShellVisitor;
import dev.vlint.shell.ShellSnippets.Snippet;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ONBUILD triggers, the end of each snippet, per-file rule state and rules that are off by default. */
class ShellWalkExtensionsTest {
    private static final String DOCKERFILE = """
            FROM debian:12
            RUN apt-get install a && apt-get install b
            ONBUILD RUN apt-get install c
            SHELL ["pwsh", "-c"]
            RUN apt-get install d | Out-Null
            """;

    /** Counts the apt-get commands of each snippet in per-file state and reports the count at its end. */
    private static final class CountingRule implements Rule, ShellVisitor {
        private final boolean onbuild;
        private final RuleMeta meta;

        CountingRule(String id, boolean onbuild, boolean enabled) {
            this.onbuild = onbuild;
            RuleMeta m = new RuleMeta(id, "count-" + id, Severity.NOTE, "test", Fixability.NONE,
                    Set.of(FileKind.DOCKERFILE), List.of());
            this.meta = enabled ? m : m.offByDefault();
        }

        private static final class Count {
            int commands;
        }

        @Override
        public RuleMeta meta() {
            return meta;
        }

        @Override
        public Set<String> commandNames() {
            return Set.of("apt-get");
        }

        @Override
        public boolean visitsOnbuildTriggers() {
            return onbuild;
        }

        @Override
        public void command(SimpleCommand command, Snippet snippet, RuleContext context) {
            context.state(Count::new).commands++;
        }

        @Override
        public void endSnippet(Snippet snippet, RuleContext context) {
            Count count = context.state(Count::new);
            context.report(snippet.instruction().keywordRange(),
                    count.commands + (snippet.onbuildTrigger() ? " onbuild" : ""));
            count.commands = 0;
        }
    }

    private static List<String> run(Config config, Rule... rules) {
        ProjectFile file = new ProjectFile(Path.of("/p/Dockerfile"), FileKind.DOCKERFILE,
                SourceFile.of("Dockerfile", DOCKERFILE));
        List<Finding> findings = new Linter(List.of(rules)).lint(new Project(Path.of("/p"), List.of(file), config), 1);
        return findings.stream().map(f -> f.ruleId() + " " + f.start().line() + " " + f.message()).toList();
    }

    @Test
    void triggersOnlyForRulesThatAskAndNeverThePowerShellRun() {
        assertEquals(List.of("VL991 2 2", "VL992 2 2", "VL992 3 1 onbuild"),
                run(Config.DEFAULT, new CountingRule("VL991", false, true), new CountingRule("VL992", true, true)));
    }

    @Test
    void aRuleOffByDefaultRunsOnlyWithALevel() {
        CountingRule off = new CountingRule("VL993", false, false);
        assertEquals(List.of(), run(Config.DEFAULT, off));
        Config on = Config.DEFAULT.withRuleLevels(Map.of("VL993", Optional.of(Severity.WARNING)));
        assertEquals(List.of("VL993 2 2"), run(on, off));
    }
}
