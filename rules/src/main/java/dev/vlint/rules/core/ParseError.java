package dev.vlint.rules.core;

import dev.vlint.project.FileKind;
import dev.vlint.project.FileModels;
import dev.vlint.project.ParseProblem;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.EnumSet;
import java.util.List;

/** VL001: a file of a known kind that cannot be parsed, reported where parsing failed. */
public final class ParseError implements Rule {
    private static final RuleMeta META = new RuleMeta("VL001", "parse-error", Severity.ERROR,
            "A file of a kind vlint knows cannot be parsed; other rules see only what could be read.",
            Fixability.NONE, EnumSet.complementOf(EnumSet.of(FileKind.OTHER)), List.of("correctness"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        for (ParseProblem problem : FileModels.problems(context.file())) {
            // Parser messages (YAML's especially) may span lines; a finding's message is one line.
            context.report(problem.range(), problem.message().strip().replaceAll("\\s*\\R\\s*", "; "));
        }
    }
}
