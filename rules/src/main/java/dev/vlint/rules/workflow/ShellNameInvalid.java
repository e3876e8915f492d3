package dev.vlint.rules.workflow;

import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.YamlNode;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * VL709: a {@code shell:} GitHub does not know, or one the job's runner does not have ({@code cmd}
 * and {@code powershell} exist only on Windows, {@code sh} not there). The names follow
 * docs.github.com "Workflow syntax", jobs.&lt;job_id&gt;.steps[*].shell (checked 2026-12-03); a
 * custom shell is a command with {@code {0}} for the script file.
 */
public final class ShellNameInvalid implements Rule, WorkflowVisitor {
    private static final RuleMeta META = new RuleMeta("VL709", "shell-name-invalid", Severity.ERROR,
            "A shell: names a shell GitHub does not know, or one the job's runner does not have.",
            Fixability.NONE, EnumSet.of(FileKind.WORKFLOW, FileKind.ACTION), List.of("ci", "workflow", "shell"),
            List.of("actionlint:shell-name"));
    private static final Set<String> ANY_OS = Set.of("bash", "pwsh", "python");
    private static final Set<String> WINDOWS_ONLY = Set.of("cmd", "powershell");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void startFile(Workflow workflow, RuleContext context) {
        check(workflow.defaultShell(), null, context);
    }

    @Override
    public void job(Job job, RuleContext context) {
        check(job.defaultShell(), job, context);
    }

    @Override
    public void step(Step step, Job job, RuleContext context) {
        YamlNode condition = step.ifCondition();
        boolean guardedByOs = condition != null && condition.isScalar() && condition.value().contains("runner.os");
        check(step.shell(), guardedByOs ? null : job, context);
    }

    private static void check(YamlNode shell, Job job, RuleContext context) {
        if (shell == null || !shell.isScalar() || Workflows.isDynamic(shell) || shell.isNull()) {
            return;
        }
        String value = shell.value().trim();
        if (value.contains("{0}")) {
            return; // a custom shell command
        }
        String name = value.toLowerCase(Locale.ROOT);
        boolean known = ANY_OS.contains(name) || WINDOWS_ONLY.contains(name) || name.equals("sh");
        if (!known) {
            context.report(shell.range(), "`" + value + "` is not a shell GitHub knows (bash, sh, pwsh, python, cmd,"
                    + " powershell); the step fails. For another program write its command with {0} for the script,"
                    + " e.g. `" + value + " {0}`.");
            return;
        }
        String os = os(job);
        if (os == null) {
            return;
        }
        if (WINDOWS_ONLY.contains(name) && !os.equals("windows")) {
            context.report(shell.range(), "`" + value + "` exists only on Windows runners and this job runs on "
                    + os + ", so the step fails. Use bash or pwsh.");
        } else if (name.equals("sh") && os.equals("windows")) {
            context.report(shell.range(), "`sh` does not exist on Windows runners, so the step fails. Use bash, pwsh"
                    + " or cmd.");
        }
    }

    /** linux, macos or windows when every runs-on label is a GitHub-hosted one of that OS; else null. */
    private static String os(Job job) {
        if (job == null) {
            return null;
        }
        List<YamlNode> labels = job.runsOn();
        if (labels.size() != 1 || !labels.get(0).isScalar() || Workflows.isDynamic(labels.get(0))) {
            return null;
        }
        String label = labels.get(0).value().trim().toLowerCase(Locale.ROOT);
        if (label.startsWith("ubuntu-")) {
            return "linux";
        }
        if (label.startsWith("windows-")) {
            return "windows";
        }
        return label.startsWith("macos-") ? "macos" : null;
    }
}
