package dev.vlint.rules.security;

import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.YamlNode;
import java.util.Locale;

/** Which shell runs a step's {@code run:}, as GitHub picks it. */
public final class Shells {
    /** The shell could not be told: an expression, or {@code runs-on} that is one. */
    public static final String UNKNOWN = "";

    private Shells() {}

    /**
     * The program name of the step's shell ({@code bash}, {@code pwsh}, {@code python}, ...): its own
     * {@code shell:}, else the job's and then the workflow's {@code defaults.run.shell}, else the
     * runner's default, pwsh on Windows and bash elsewhere.
     */
    public static String of(Workflow workflow, Job job, Step step) {
        for (YamlNode shell : new YamlNode[] {step.shell(), job == null ? null : job.defaultShell(),
                workflow.defaultShell()}) {
            if (shell != null && shell.isScalar()) {
                String value = shell.value().trim();
                if (value.contains("${{")) {
                    return UNKNOWN;
                }
                String program = value.split("\\s+")[0];
                return program.substring(program.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            }
        }
        if (job == null) {
            return UNKNOWN;
        }
        boolean windows = false;
        for (YamlNode label : job.runsOn()) {
            if (!label.isScalar() || label.value().contains("${{")) {
                return UNKNOWN;
            }
            windows |= label.value().toLowerCase(Locale.ROOT).contains("windows");
        }
        return windows ? "pwsh" : "bash";
    }
}
