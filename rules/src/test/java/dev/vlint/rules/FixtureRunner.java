package dev.vlint.rules;

import dev.vlint.config.Config;
import dev.vlint.config.ConfigException;
import dev.vlint.engine.Linter;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectLoader;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Rule;
import dev.vlint.rules.shell.ShellCheck;
import java.nio.file.Path;
import java.util.List;

/** Lints one fixture case folder the way the command line would, with the case's own {@code .vlint.yaml}. */
final class FixtureRunner {
    private FixtureRunner() {}

    static Project load(Path caseDir) {
        return ProjectLoader.load(caseDir, List.of(caseDir), config(caseDir), note -> {});
    }

    static List<Finding> lint(Project project) {
        return new Linter(BuiltinRules.all()).lint(project);
    }

    /** Like {@link #lint(Project)} with ShellCheck from PATH (the test suite keeps the built-in rule off). */
    static List<Finding> lintWithShellCheck(Project project) {
        List<Rule> rules = BuiltinRules.all().stream()
                .map(rule -> rule instanceof ShellCheck ? new ShellCheck(SHELLCHECK_ON_PATH) : rule).toList();
        return new Linter(rules).lint(project);
    }

    /** Whether shellcheck is installed, for the VL551 cases. */
    static boolean shellCheckInstalled() {
        return ShellCheck.installed(SHELLCHECK_ON_PATH);
    }

    private static final ShellCheck.Setup SHELLCHECK_ON_PATH = new ShellCheck.Setup(null, null, false);

    private static Config config(Path caseDir) {
        try {
            return RuleConfigs.ofFolder(caseDir);
        } catch (ConfigException e) {
            throw new IllegalStateException("fixture config: " + e.getMessage(), e);
        }
    }
}
