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
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.WorkflowParser;

/**
 * VL814: a {@code run:} of a {@code pull_request_target} or {@code workflow_run} workflow writes a
 * value that is not a literal into {@code $GITHUB_ENV} or {@code $GITHUB_PATH}, which set the
 * environment and the PATH of every later step.
 */
public final class UntrustedEnvFileWrite implements Rule, ShellVisitor {
    private static final RuleMeta META = Audits.meta("VL814", "untrusted-env-file-write", Severity.NOTE,
            "A pull_request_target or workflow_run job writes a computed value into GITHUB_ENV or GITHUB_PATH.",
            Fixability.NONE, "github-env");

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
                && run.args().stream().noneMatch(Word::hasExpansion)) {
            return; // literal text only
        }
        if (at != null) {
            context.report(at.range(), "This step writes a computed value into `$" + file + "`, in a workflow that"
                    + " runs on `" + event + "` with the repository's secrets: if any part of it comes from the event"
                    + " or from the pull request's files, an attacker can set `LD_PRELOAD`, `BASH_ENV` or the PATH of"
                    + " every later step and run code there. Pass values between steps with `$GITHUB_OUTPUT`, or"
                    + " write only literal text.");
        }
    }
}
