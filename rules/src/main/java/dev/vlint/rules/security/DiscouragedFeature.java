package dev.vlint.rules.security;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.YamlNode;
import java.util.Locale;

/**
 * VL827: features that work but are better avoided: setup-python's {@code pip-install}, which
 * installs into the global interpreter, and {@code shell: cmd}, which has no grammar to analyze.
 */
public final class DiscouragedFeature implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL827", "discouraged-feature", Severity.NOTE,
            "A step uses setup-python's pip-install or shell: cmd, which work but are better avoided.",
            Fixability.NONE, "misfeature");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void step(Step step, Job job, RuleContext context) {
        Uses uses = step.uses() == null ? null : Uses.of(context.file().source(), step.uses());
        YamlNode.Entry pipInstall = step.node().get("with") == null ? null : step.node().get("with").entry("pip-install");
        if (uses != null && uses.is("actions/setup-python") && pipInstall != null) {
            context.report(pipInstall.key().range(), "`pip-install` installs packages straight into the runner's"
                    + " Python, outside any virtual environment and lock file, where the next setup or a different"
                    + " runner image resolves them differently. Create a venv (or use uv) in a run: step and install"
                    + " there.");
        }
        YamlNode shell = step.shell();
        if (shell != null && shell.isScalar() && step.run() != null) {
            String name = shell.value().trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (name.equals("cmd") || name.equals("cmd.exe")) {
                context.report(shell.range(), "`shell: cmd` runs the script with Windows CMD, which has no formal"
                        + " grammar, several line-continuation rules and has not been the Windows default since 2019:"
                        + " neither readers nor checks (VL801) can tell what it does. Use `shell: pwsh` or"
                        + " `shell: bash`.");
            }
        }
    }
}
