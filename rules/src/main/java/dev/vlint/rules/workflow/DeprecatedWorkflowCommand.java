package dev.vlint.rules.workflow;

import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.rules.security.Shells;
import dev.vlint.source.MappedText;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.Workflow;
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
 *
 * <p>The fix rewrites a whole {@code echo "::set-output name=N::V"} command of a bash or sh step
 * into {@code echo "N=V" >> "$GITHUB_OUTPUT"}. It is unsafe: a value that expands to several lines
 * set the first line before, and now fails the step. Values with the old command's escapes
 * ({@code %0A}, {@code %25}), which the files do not decode, get no fix.
 */
public final class DeprecatedWorkflowCommand implements Rule, WorkflowVisitor {
    private static final RuleMeta META = new RuleMeta("VL715", "deprecated-workflow-command", Severity.NOTE,
            "A run: script prints a retired workflow command (::set-output, ::save-state, ::set-env, ::add-path)"
                    + " instead of writing to $GITHUB_OUTPUT, $GITHUB_STATE, $GITHUB_ENV or $GITHUB_PATH.",
            Fixability.UNSAFE, EnumSet.of(FileKind.WORKFLOW, FileKind.ACTION), List.of("ci", "workflow"),
            List.of("actionlint:deprecated-commands"));
    private static final Pattern COMMAND = Pattern.compile("::(set-output|save-state|set-env|add-path)\\b");
    /** Up to the command: the line's start or a command separator, then {@code echo} and an optional quote. */
    private static final Pattern ECHO_BEFORE =
            Pattern.compile("(?:^|[;&|]|\\b(?:then|do|else)\\s)\\s*echo\\s+([\"']?)$");
    /** From the command: its name, the value in the quoting the echo opened, and the command's end. */
    private static final Pattern DOUBLE = tail("\"", "[^\"\\\\`]*");
    private static final Pattern SINGLE = tail("'", "[^']*");
    private static final Pattern BARE = tail("", "[^\\s;&|<>#'\"`()\\\\]*");
    /** The old commands' escapes, which the environment files do not decode. */
    private static final Pattern ESCAPE = Pattern.compile("%(?:25|0[AaDd])");

    private static Pattern tail(String quote, String value) {
        return Pattern.compile("::[a-z-]+(?: name=([A-Za-z_][A-Za-z0-9_-]*))?::" + value + quote
                + "(?=[ \\t]*(?:$|;|&&|\\|\\||#))");
    }

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
    public void startFile(Workflow workflow, RuleContext context) {
        context.state(() -> new Workflow[1])[0] = workflow;
    }

    @Override
    public void step(Step step, Job job, RuleContext context) {
        MappedText script = step.script();
        if (script == null) {
            return;
        }
        Workflow workflow = context.state(() -> new Workflow[1])[0];
        String shell = workflow == null ? Shells.UNKNOWN : Shells.of(workflow, job, step);
        boolean posix = shell.equals("bash") || shell.equals("sh");
        Matcher m = COMMAND.matcher(script.text());
        while (m.find()) {
            String command = m.group(1);
            String example = switch (command) {
                case "set-env" -> "NAME=value";
                case "add-path" -> "/some/dir";
                default -> "name=value";
            };
            String file = "echo \"" + example + "\" >> \"$" + fileVariable(command) + "\"";
            boolean disabled = (command.equals("set-env") || command.equals("add-path")) && !unsecureAllowed(step, job);
            context.report(disabled ? Severity.ERROR : Severity.NOTE, script.fileRange(m.start(), m.end()),
                    "`::" + command + "` " + (disabled ? "is disabled: the runner fails the step" : "is deprecated: the"
                            + " runner prints a warning and GitHub plans to remove it") + ". Use " + file + ".",
                    posix ? fix(script, m.start(), command) : new Fix[0]);
        }
    }

    /** The rewrite of the whole {@code echo} command around the command at {@code at}, where certain. */
    private static Fix[] fix(MappedText script, int at, String command) {
        String text = script.text();
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        int lineEnd = text.indexOf('\n', at);
        lineEnd = lineEnd < 0 ? text.length() : lineEnd;
        Matcher before = ECHO_BEFORE.matcher(text.substring(lineStart, at));
        if (!before.find()) {
            return new Fix[0];
        }
        String quote = before.group(1);
        Matcher after = (quote.equals("\"") ? DOUBLE : quote.equals("'") ? SINGLE : BARE)
                .matcher(text.substring(at, lineEnd));
        if (!after.lookingAt() || (after.group(1) == null) != command.equals("add-path")
                || ESCAPE.matcher(after.group()).find()) {
            return new Fix[0];
        }
        int prefixEnd = text.indexOf("::", at + 2) + 2;
        int end = at + after.end();
        if (!contiguous(script, at, end)) {
            return new Fix[0];
        }
        String name = after.group(1);
        String variable = fileVariable(command);
        Edit prefix = new Edit(script.fileRange(at, prefixEnd), name == null ? "" : name + "=");
        Edit redirect = Edit.insert(script.fileOffset(end - 1) + 1, " >> \"$" + variable + "\"");
        return new Fix[] {Fix.unsafe("Write " + (name == null ? "the directory" : name) + " to $" + variable, prefix,
                redirect)};
    }

    /** The variable naming the environment file that replaced {@code command}. */
    private static String fileVariable(String command) {
        return switch (command) {
            case "set-output" -> "GITHUB_OUTPUT";
            case "save-state" -> "GITHUB_STATE";
            case "set-env" -> "GITHUB_ENV";
            default -> "GITHUB_PATH";
        };
    }

    /** Whether script characters {@code [start, end)} stand side by side in the file, so edits map one to one. */
    private static boolean contiguous(MappedText script, int start, int end) {
        for (int i = start + 1; i < end; i++) {
            if (script.fileOffset(i) != script.fileOffset(i - 1) + 1) {
                return false;
            }
        }
        return true;
    }
}
