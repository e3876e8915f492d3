package dev.vlint.buildmodel;

import dev.vlint.source.SourceFile;
import dev.vlint.workflow.Job;
import java.util.List;
import java.util.Map;

/**
 * A workflow job as far as builds care: its runner labels, its steps in order, and the
 * workflow and job {@code env} values (null for an expression).
 */
public record BuildJob(SourceFile workflow, Job job, List<String> runnerLabels, List<JobStep> steps,
        Map<String, String> env) {

    public BuildJob {
        runnerLabels = List.copyOf(runnerLabels);
        steps = List.copyOf(steps);
    }

    public String id() {
        return job.id();
    }

    /** True if a step before {@code stepIndex} that is not switched off sets up QEMU emulation. */
    public boolean qemuBefore(int stepIndex) {
        return steps.stream().limit(Math.max(stepIndex, 0))
                .anyMatch(s -> s.enabled() && s.kinds().contains(JobStep.Kind.QEMU));
    }
}
