package dev.vlint.rules;

import dev.vlint.config.Config;
import dev.vlint.config.ConfigException;
import dev.vlint.engine.Linter;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectLoader;
import dev.vlint.rule.Finding;
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

    private static Config config(Path caseDir) {
        try {
            return RuleConfigs.ofFolder(caseDir);
        } catch (ConfigException e) {
            throw new IllegalStateException("fixture config: " + e.getMessage(), e);
        }
    }
}
