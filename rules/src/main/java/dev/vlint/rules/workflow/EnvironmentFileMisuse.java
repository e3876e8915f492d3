package dev.vlint.rules.workflow;

import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.source.MappedText;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VL714: a {@code run:} script that appends to GitHub's environment files the wrong way: to a file
 * named {@code GITHUB_OUTPUT} in the working directory (the {@code $} is missing), or to a
 * misspelt variable such as {@code $GITHUB_OUTPUTS}, which is empty, so the shell fails on the
 * redirection. The file variables follow docs.github.com "Workflow commands for GitHub Actions",
 * environment files (checked 2026-12-03).
 */
public final class EnvironmentFileMisuse implements Rule, WorkflowVisitor {
    private static final RuleMeta META = new RuleMeta("VL714", "environment-file-misuse", Severity.WARNING,
            "A run: script appends to GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH, GITHUB_STATE or GITHUB_STEP_SUMMARY"
                    + " without the $ or through a misspelt variable, so the value never reaches GitHub.",
            Fixability.NONE, EnumSet.of(FileKind.WORKFLOW, FileKind.ACTION), List.of("ci", "workflow"), List.of());
    private static final List<String> FILES = List.of("GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STATE",
            "GITHUB_STEP_SUMMARY");
    /** {@code >> target} with the target's optional quote, $ and brace. */
    private static final Pattern REDIRECT = Pattern.compile(">>?\\s*\"?(\\$?\\{?)(GITHUB_[A-Z_]+)\\b");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void step(Step step, Job job, RuleContext context) {
        MappedText script = step.script();
        if (script == null || step.shell() != null && !step.shell().value().contains("sh")) {
            return; // pwsh, python and cmd name the files differently
        }
        Matcher m = REDIRECT.matcher(script.text());
        while (m.find()) {
            String name = m.group(2);
            boolean dollar = m.group(1).startsWith("$");
            if (!dollar && FILES.contains(name)) {
                context.report(script.fileRange(m.start(2), m.end(2)), "This writes to a file named " + name
                        + " in the working directory, not to GitHub's; the value is lost. Write \"$" + name + "\".");
            } else if (dollar && !FILES.contains(name)) {
                Workflows.closest(name, FILES).filter(c -> Workflows.distance(name, c) <= 2).ifPresent(c ->
                        context.report(script.fileRange(m.start(2), m.end(2)), "$" + name + " is not set on the runner,"
                                + " so the redirection fails the step. Did you mean $" + c + "?"));
            }
        }
    }
}
