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
import dev.vlint.workflow.YamlNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VL715: a {@code run:} script printing a retired workflow command. {@code set-env} and
 * {@code add-path} are disabled (github.blog changelog 2020-10-01 and 2020-11-16: the runner fails
 * the step); {@code set-output} and {@code save-state} are deprecated (changelog 2022-10-11) and
 * only warn.
 */
public final class DeprecatedWorkflowCommand implements Rule, WorkflowVisitor {
    private static final RuleMeta META = new RuleMeta("VL715", "deprecated-workflow-command", Severity.NOTE,
            "A run: script prints a retired workflow command (::set-output, ::save-state, ::set-env, ::add-path)"
                    + " instead of writing to $GITHUB_OUTPUT, $GITHUB_STATE, $GITHUB_ENV or $GITHUB_PATH.",
            Fixability.NONE, EnumSet.of(FileKind.WORKFLOW, FileKind.ACTION), List.of("ci", "workflow"),
            List.of("actionlint:deprecated-commands"));
    private static final Pattern COMMAND = Pattern.compile("::(set-output|save-state|set-env|add-path)\\b");

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** ACTIONS_ALLOW_UNSECURE_COMMANDS=true in the step's or job's env turns the disabled commands back on. */
    private static boolean unsecureAllowed(Step step, Job job) {
        List<YamlNode.Entry> env = new ArrayList<>(step.env());
        if (job != null) {
            env.addAll(job.env());
        }
        return env.stream().anyMatch(e -> e.key().value().equals("ACTIONS_ALLOW_UNSECURE_COMMANDS"));
    }

    @Override
    public void step(Step step, Job job, RuleContext context) {
        MappedText script = step.script();
        if (script == null) {
            return;
        }
        Matcher m = COMMAND.matcher(script.text());
        while (m.find()) {
            String command = m.group(1);
            String file = switch (command) {
                case "set-output" -> "echo \"name=value\" >> \"$GITHUB_OUTPUT\"";
                case "save-state" -> "echo \"name=value\" >> \"$GITHUB_STATE\"";
                case "set-env" -> "echo \"NAME=value\" >> \"$GITHUB_ENV\"";
                default -> "echo \"/some/dir\" >> \"$GITHUB_PATH\"";
            };
            boolean disabled = (command.equals("set-env") || command.equals("add-path")) && !unsecureAllowed(step, job);
            context.report(disabled ? Severity.ERROR : Severity.NOTE, script.fileRange(m.start(), m.end()),
                    "`::" + command + "` " + (disabled ? "is disabled: the runner fails the step" : "is deprecated: the"
                            + " runner prints a warning and GitHub plans to remove it") + ". Use " + file + ".");
        }
    }
}
