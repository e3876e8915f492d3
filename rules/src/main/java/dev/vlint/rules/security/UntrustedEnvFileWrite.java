package dev.vlint.rules.security;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.ShellVisitor;
import dev.vlint.shell.Redirection;
import dev.vlint.shell.ShellSnippets.Snippet;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import dev.vlint.shell.WordPart;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.WorkflowParser;
import java.util.List;
import java.util.Set;

/**
 * VL814: a {@code run:} of a {@code pull_request_target} or {@code workflow_run} workflow writes a
 * value that is not a literal into {@code $GITHUB_ENV} or {@code $GITHUB_PATH}, which set the
 * environment and the PATH of every later step.
 */
public final class UntrustedEnvFileWrite implements Rule, ShellVisitor {
    private static final RuleMeta META = Audits.meta("VL814", "untrusted-env-file-write", Severity.NOTE,
            "A pull_request_target or workflow_run job writes a computed value into GITHUB_ENV or GITHUB_PATH.",
            Fixability.NONE, "github-env");

    /** Default variables whose values come from the repository and the run, never from a fork or an event. */
    private static final Set<String> RUN_VARIABLES = Set.of("GITHUB_REPOSITORY", "GITHUB_REPOSITORY_OWNER",
            "GITHUB_SHA", "GITHUB_RUN_ID", "GITHUB_RUN_NUMBER", "GITHUB_RUN_ATTEMPT", "GITHUB_WORKSPACE", "GITHUB_JOB",
            "GITHUB_SERVER_URL", "GITHUB_API_URL", "RUNNER_TEMP", "RUNNER_TOOL_CACHE", "RUNNER_OS", "RUNNER_ARCH", "HOME");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void command(SimpleCommand command, Snippet snippet, RuleContext context) {
        if (snippet.job() == null) {
            return;
        }
        Workflow workflow = context.model(WorkflowParser.KEY);
        String event = workflow == null ? null : new Events(workflow).first(Events.PRIVILEGED);
        if (event == null) {
            return;
        }
        String file = null;
        Word at = null;
        for (Redirection redirection : command.redirections()) {
            String target = redirection.target() == null ? "" : redirection.target().raw();
            if (redirection.operator().startsWith(">") && (target.contains("GITHUB_ENV") || target.contains("GITHUB_PATH"))) {
                file = target.contains("GITHUB_ENV") ? "GITHUB_ENV" : "GITHUB_PATH";
                at = redirection.target();
            }
        }
        SimpleCommand run = command.effective();
        if ("tee".equals(run.commandName())) {
            for (Word arg : run.args()) {
                if (arg.raw().contains("GITHUB_ENV") || arg.raw().contains("GITHUB_PATH")) {
                    file = arg.raw().contains("GITHUB_ENV") ? "GITHUB_ENV" : "GITHUB_PATH";
                    at = arg;
                }
            }
        } else if (file != null && ("echo".equals(run.commandName()) || "printf".equals(run.commandName()))
                && run.args().stream().allMatch(word -> trusted(word.parts()))) {
            return; // literal text and values the repository's own run sets
        }
        if (at != null) {
            context.report(at.range(), "This step writes a computed value into `$" + file + "`, in a workflow that"
                    + " runs on `" + event + "` with the repository's secrets: if any part of it comes from the event"
                    + " or from the pull request's files, an attacker can set `LD_PRELOAD`, `BASH_ENV` or the PATH of"
                    + " every later step and run code there. Pass values between steps with `$GITHUB_OUTPUT`, or"
                    + " write only literal text.");
        }
    }

    private static boolean trusted(List<WordPart> parts) {
        for (WordPart part : parts) {
            boolean ok = part instanceof WordPart.Literal || part instanceof WordPart.Escaped
                    || part instanceof WordPart.SingleQuoted
                    || part instanceof WordPart.DoubleQuoted quoted && trusted(quoted.parts())
                    || part instanceof WordPart.Parameter parameter && RUN_VARIABLES.contains(parameter.name());
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
