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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * VL710: a job or step id that GitHub refuses: not starting with a letter or {@code _}, holding
 * other characters than letters, digits, {@code -} and {@code _}, or a step id used twice in one
 * job (ids ignore case).
 */
public final class IdInvalid implements Rule, WorkflowVisitor {
    private static final RuleMeta META = new RuleMeta("VL710", "id-invalid", Severity.ERROR,
            "A job or step id is malformed, or a step id repeats within its job.",
            Fixability.NONE, EnumSet.of(FileKind.WORKFLOW, FileKind.ACTION), List.of("ci", "workflow"),
            List.of("actionlint:id"));
    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void job(Job job, RuleContext context) {
        if (!ID.matcher(job.id()).matches()) {
            context.report(job.key().range(), "Job id `" + job.id() + "` must start with a letter or _ and hold only"
                    + " letters, digits, - and _, so GitHub refuses the workflow.");
        }
        steps(job.steps(), context);
    }

    @Override
    public void startFile(Workflow workflow, RuleContext context) {
        if (context.file().kind() == FileKind.ACTION) {
            steps(workflow.actionSteps(), context);
        }
    }

    private static void steps(List<Step> steps, RuleContext context) {
        Map<String, YamlNode> seen = new HashMap<>();
        for (Step step : steps) {
            YamlNode id = step.id();
            if (id == null || !id.isScalar() || Workflows.isDynamic(id) || id.isNull()) {
                continue;
            }
            String value = id.value();
            if (!ID.matcher(value).matches()) {
                context.report(id.range(), "Step id `" + value + "` must start with a letter or _ and hold only"
                        + " letters, digits, - and _, so GitHub refuses the workflow.");
                continue;
            }
            YamlNode earlier = seen.putIfAbsent(value.toLowerCase(Locale.ROOT), id);
            if (earlier != null) {
                context.report(id.range(), "Step id `" + value + "` is already used on line "
                        + context.file().source().position(earlier.range().start()).line()
                        + " of this job (ids ignore case), so GitHub refuses the workflow. Rename one.");
            }
        }
    }
}
