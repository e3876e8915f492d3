package dev.vlint.rules.ci;

import dev.vlint.buildmodel.BuildJob;
import dev.vlint.buildmodel.BuildModel;
import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** VL401: a job whose images need more disk than its hosted runner has, even after cleanup. */
public final class RunnerDiskBudgetExceeded implements Rule {
    private static final RuleMeta META = new RuleMeta("VL401", "runner-disk-budget-exceeded", Severity.ERROR,
            "A workflow job pulls, builds or packs images whose estimated peak disk use exceeds the free disk its"
                    + " hosted runner guarantees after its cleanup steps: an error when it cannot fit even on the"
                    + " largest disk measured on that runner, a warning within that margin.",
            Fixability.NONE, EnumSet.of(FileKind.WORKFLOW), List.of("ci", "disk"));

    /** Why the estimate is not certain: sizes estimated, or free space that varies between runners. */
    private static String margin(DiskEstimate e) {
        String space = e.largestAvailableGb().isPresent()
                ? "free space measured on " + e.runner().label() + " reaches " + DiskEstimate.gb(e.largestAvailableGb()
                        .getAsDouble()) + (e.freedGb() > 0 ? " with the cleanup" : "")
                        + ", depending on the disk the runner gets"
                : "more free space than the documented minimum is common but not guaranteed";
        return (e.estimated() ? "some image sizes are estimates and " : "") + space;
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        for (BuildJob job : BuildModel.of(context.project()).jobsIn(context.file().path())) {
            Optional<DiskEstimate> estimate = DiskEstimate.of(context.project(), job);
            if (estimate.isEmpty() || estimate.get().neededGb() <= estimate.get().availableGb()) {
                continue;
            }
            DiskEstimate e = estimate.get();
            // Error only when even the largest measured disk cannot hold images of known size.
            boolean certain = !e.estimated() && e.largestAvailableGb().isPresent()
                    && e.neededGb() > e.largestAvailableGb().getAsDouble();
            String outcome = certain
                    ? " and even the largest free space measured on it, " + DiskEstimate.gb(e.largestAvailableGb()
                            .getAsDouble()) + (e.freedGb() > 0 ? " with the cleanup" : "") + ", is too little; the job will fail with 'no space"
                            + " left on device' (or the runner cannot even write its log)"
                    : "; " + margin(e) + ", so the job may fail with 'no space left on device' (or the runner"
                            + " cannot even write its log)";
            context.report(certain ? Severity.ERROR : Severity.WARNING, job.job().key().range(), "Job `" + job.id()
                    + "` needs about " + DiskEstimate.gb(e.neededGb()) + " of disk for its images but "
                    + e.runner().label() + " guarantees about " + DiskEstimate.gb(e.availableGb()) + outcome + ":\n"
                    + e.table()
                    + "\nFree space first (jlumbroso/free-disk-space, easimon/maximize-build-space), handle one"
                    + " image or platform per job, remove each image once packed, or use a larger runner.");
        }
    }
}
