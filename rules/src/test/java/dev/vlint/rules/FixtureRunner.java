package dev.vlint.rules;

import dev.vlint.config.Config;
import dev.vlint.engine.Linter;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectLoader;
import dev.vlint.rule.Finding;
import java.nio.file.Path;
import java.util.List;

/** Lints one fixture case folder the way the command line would. */
final class FixtureRunner {
    private FixtureRunner() {}

    static Project load(Path caseDir) {
        return ProjectLoader.load(caseDir, List.of(caseDir), Config.DEFAULT, note -> {});
    }

    static List<Finding> lint(Project project) {
        return new Linter(BuiltinRules.all()).lint(project);
    }
}
