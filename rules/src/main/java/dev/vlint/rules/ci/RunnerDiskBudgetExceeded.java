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
            "A workflow job pulls, builds or packs images whose estimated peak disk use exceeds the runner's"
                    + " free disk after its cleanup steps.",
            Fixability.NONE, EnumSet.of(FileKind.WORKFLOW), List.of("ci", "disk"));

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
            context.report(job.job().key().range(), "Job `" + job.id() + "` needs about "
                    + DiskEstimate.gb(e.neededGb()) + " of disk for its images but " + e.runner().label()
                    + " has about " + DiskEstimate.gb(e.availableGb()) + "; the job will fail with 'no space left"
                    + " on device' (or the runner cannot even write its log):\n" + e.table()
                    + "\nFree space first (jlumbroso/free-disk-space, easimon/maximize-build-space), handle one"
                    + " image or platform per job, remove each image once packed, or use a larger runner.");
        }
    }
}
