package dev.vlint.rules.ci;

import dev.vlint.buildmodel.BuildJob;
import dev.vlint.buildmodel.BuildModel;
import dev.vlint.buildmodel.JobStep;
import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.source.TextRange;
import dev.vlint.workflow.CommentedOutEntry;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.WorkflowParser;
import dev.vlint.workflow.YamlNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

/** VL402: a free-disk-space setting that is commented out or false in a workflow that handles large images. */
public final class DiskCleanupDisabled implements Rule {
    private static final RuleMeta META = new RuleMeta("VL402", "disk-cleanup-disabled", Severity.WARNING,
            "A free-disk-space setting or step is commented out or set to false in a workflow that handles"
                    + " large images.",
            Fixability.SAFE, EnumSet.of(FileKind.WORKFLOW), List.of("ci", "disk"));
    private static final Pattern SETTING = Pattern.compile("(?i)free[_-]?disk[_-]?space");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        Workflow workflow = context.model(WorkflowParser.KEY);
        if (workflow == null) {
            return;
        }
        String reason = largeImages(context);
        if (reason == null) {
            return;
        }
        for (CommentedOutEntry entry : workflow.commentedOutEntries()) {
            if (SETTING.matcher(entry.key()).find()) {
                TextRange range = entry.keyRange().union(entry.valueRange());
                TextRange marker = new TextRange(entry.comment().range().start(), entry.keyRange().start());
                context.report(range, "`" + entry.key() + "` is commented out, so no disk space is freed before "
                        + reason + ". Enable it.", Fix.safe("Uncomment " + entry.key(), Edit.delete(marker)));
            }
        }
        for (YamlNode.Entry entry : settings(workflow)) {
            YamlNode value = entry.value();
            if (SETTING.matcher(entry.key().value()).find() && value != null && value.isScalar()
                    && value.value().trim().equalsIgnoreCase("false")) {
                context.report(value.range(), "`" + entry.key().value() + "` is false, so no disk space is freed"
                        + " before " + reason + ". Set it to true.",
                        Fix.safe("Set " + entry.key().value() + " to true", new Edit(value.range(), "true")));
            }
        }
    }

    /** Every env entry (workflow, job, step) and every {@code with:} input of the workflow. */
    private static List<YamlNode.Entry> settings(Workflow workflow) {
        List<YamlNode.Entry> out = new ArrayList<>(workflow.env());
        for (Job job : workflow.jobs()) {
            out.addAll(job.env());
            out.addAll(job.with());
            for (Step step : job.steps()) {
                out.addAll(step.env());
                out.addAll(step.with());
            }
        }
        return out;
    }

    /**
     * Why disk matters here ("a job handles ..."), or null: a job of this workflow handles images
     * of known size, or has a cleanup step that is switched off.
     */
    private static String largeImages(RuleContext context) {
        for (BuildJob job : BuildModel.of(context.project()).jobsIn(context.file().path())) {
            var estimate = DiskEstimate.of(context.project(), job);
            if (estimate.isPresent() && !estimate.get().rows().isEmpty()) {
                DiskEstimate.Row first = estimate.get().rows().get(0);
                return "job `" + job.id() + "` handles about " + DiskEstimate.gb(estimate.get().neededGb())
                        + " of images (" + first.image() + (estimate.get().rows().size() > 1 ? ", ..." : "") + ")";
            }
            if (job.steps().stream().anyMatch(s -> !s.enabled() && s.kinds().contains(JobStep.Kind.DISK_CLEANUP))) {
                return "job `" + job.id() + "` builds its images (its cleanup step is skipped)";
            }
        }
        return null;
    }
}
