package dev.vlint.engine;

import dev.vlint.dockerfile.CheckDirective;
import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Rule;
import dev.vlint.rule.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a Dockerfile's {@code # check=} settings to the findings of the rules that are BuildKit
 * build checks (those with a check name among their aliases): a skipped check reports nothing
 * there, an experimental one reports only when enabled (by the directive, or by naming the rule
 * in the config), and with {@code error=true} every such finding is an error, since the build then
 * fails with "lint violation found for rules".
 */
final class BuildkitChecks {
    /** Rule id to the BuildKit check it implements. */
    private final Map<String, String> checkOfRule = new HashMap<>();

    BuildkitChecks(List<Rule> rules) {
        for (Rule rule : rules) {
            rule.meta().aliases().stream().filter(CheckDirective.CHECKS::contains).findFirst()
                    .ifPresent(check -> checkOfRule.put(rule.meta().id(), check));
        }
    }

    /** The findings of {@code file} that BuildKit's settings let through. */
    List<Finding> filter(Project project, ProjectFile file, List<Finding> findings) {
        if (file.kind() != FileKind.DOCKERFILE || findings.stream().noneMatch(f -> checkOfRule.containsKey(f.ruleId()))) {
            return findings;
        }
        Dockerfile dockerfile = file.model(DockerfileParser.KEY);
        if (dockerfile == null) {
            return findings;
        }
        CheckDirective checks = directive(file);
        List<Finding> kept = new ArrayList<>();
        for (Finding finding : findings) {
            String check = checkOfRule.get(finding.ruleId());
            if (check == null || checks.runs(check, instructionAt(dockerfile, finding.range().start()))
                    || CheckDirective.isExperimental(check) && enabledInConfig(project, finding.ruleId())) {
                kept.add(finding);
            }
        }
        return kept;
    }

    /** {@code finding} as an error when it is a check's and its Dockerfile says {@code error=true}. */
    Finding escalate(Project project, Finding finding) {
        if (!checkOfRule.containsKey(finding.ruleId()) || finding.severity() == Severity.ERROR) {
            return finding;
        }
        ProjectFile file = project.file(finding.file().path());
        Dockerfile dockerfile = file == null || file.kind() != FileKind.DOCKERFILE ? null
                : file.model(DockerfileParser.KEY);
        if (dockerfile == null || !directive(file).fileOptions().error()) {
            return finding;
        }
        return new Finding(finding.ruleId(), Severity.ERROR, finding.message() + " The build fails on this: the"
                + " file's check directive sets error=true.", finding.file(), finding.range(), finding.related(),
                finding.fixes(), finding.suppression());
    }

    private static CheckDirective directive(ProjectFile file) {
        return CheckDirective.of(file);
    }

    private static boolean enabledInConfig(Project project, String ruleId) {
        var level = project.config().ruleLevels().get(ruleId);
        return level != null && level.isPresent();
    }

    /**
     * The top-level instruction a finding at {@code offset} belongs to: the one whose range holds
     * it, else the next one (a finding on a comment is about the instruction below); null after the
     * last.
     */
    private static Instruction instructionAt(Dockerfile dockerfile, int offset) {
        List<Instruction> all = dockerfile.instructions();
        int low = 0;
        int high = all.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (all.get(middle).range().end() < offset) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return low < all.size() ? all.get(low) : null;
    }
}
