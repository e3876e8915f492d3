package dev.vlint.rules.shell;

import dev.vlint.project.FileKind;
import dev.vlint.project.ParseProblem;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.ShellVisitor;
import dev.vlint.shell.ShellParser;
import dev.vlint.shell.ShellSnippets.Snippet;
import java.util.EnumSet;
import java.util.List;

/**
 * VL550: shell that cannot be parsed inside a Dockerfile RUN (its command or heredoc) or a workflow
 * {@code run:} step. A whole script that cannot be parsed is VL001 instead: there the file itself is broken,
 * while a Dockerfile or workflow with a broken command still parses.
 */
public final class ShellSyntaxError implements Rule, ShellVisitor {
    private static final RuleMeta META = new RuleMeta("VL550", "shell-syntax-error", Severity.ERROR,
            "Shell code in a RUN instruction, a RUN heredoc or a workflow run: step that the shell cannot parse.",
            Fixability.NONE, EnumSet.of(FileKind.DOCKERFILE, FileKind.WORKFLOW), List.of("shell", "correctness"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void snippet(Snippet snippet, RuleContext context) {
        if (snippet.problems().isEmpty() || snippet.instruction() == null && snippet.step() == null) {
            return;
        }
        List<ParseProblem> problems = snippet.problems();
        String where;
        if (snippet.step() != null) {
            // GitHub replaces each ${{ }} before the shell runs; parse what the shell would see.
            if (snippet.text().text().contains("${{")) {
                problems = ShellParser.parse(ShellCheckInput.maskExpressions(snippet.text())).problems();
            }
            where = "this run: step, so the step fails here";
        } else {
            where = "this RUN, so the build fails here";
        }
        for (ParseProblem problem : problems) {
            context.report(problem.range(), "shell syntax error: " + problem.message() + "; the shell cannot run "
                    + where);
        }
    }
}
