package dev.vlint.engine;

import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Runs rules over a project and returns their findings, with config levels applied, in order. */
public final class Linter {
    private final List<Rule> rules;

    public Linter(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<Finding> lint(Project project) {
        List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
        project.files().parallelStream().forEach(file -> lintFile(project, file, findings));
        List<Finding> result = new ArrayList<>();
        for (Finding finding : findings) {
            Optional<Severity> level = project.config().ruleLevels().get(finding.ruleId());
            if (level == null) {
                result.add(finding);
            } else {
                level.ifPresent(severity -> result.add(finding.withSeverity(severity)));
            }
        }
        result.sort(Finding::compare);
        return result;
    }

    private void lintFile(Project project, ProjectFile file, List<Finding> sink) {
        for (Rule rule : rules) {
            if (rule.meta().kinds().contains(file.kind()) && isEnabled(project, rule)) {
                rule.check(new RuleContext(rule.meta(), file, project, sink::add));
            }
        }
    }

    private static boolean isEnabled(Project project, Rule rule) {
        Optional<Severity> level = project.config().ruleLevels().get(rule.meta().id());
        return level == null || level.isPresent();
    }
}
