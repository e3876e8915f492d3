package dev.vlint.rules.security;

import dev.vlint.config.Config;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.YamlNode;

/**
 * VL825: an action or reusable workflow that {@code workflows: allowed-actions} does not allow or
 * {@code workflows: forbidden-actions} forbids. Without either list it reports nothing.
 */
public final class ForbiddenAction implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL825", "forbidden-action", Severity.WARNING,
            "A uses: names an action the project's allowed-actions or forbidden-actions list rules out.",
            Fixability.NONE, "forbidden-uses");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void step(Step step, Job job, RuleContext context) {
        check(step.uses(), context);
    }

    @Override
    public void job(Job job, RuleContext context) {
        check(job.uses(), context);
    }

    private static void check(YamlNode node, RuleContext context) {
        Uses uses = node == null ? null : Uses.of(context.file().source(), node);
        if (uses == null) {
            return;
        }
        Config.Workflows settings = context.config().workflows();
        String denied = settings.forbiddenActions().stream().filter(p -> ActionPatterns.matches(p, uses)).findFirst().orElse(null);
        if (denied != null) {
            context.report(uses.ref().actionRange(), "`" + uses.action() + "` is forbidden by `" + denied + "` in"
                    + " `workflows.forbidden-actions` of .vlint.yaml. Use an allowed action or a run: step.");
        } else if (!settings.allowedActions().isEmpty()
                && settings.allowedActions().stream().noneMatch(p -> ActionPatterns.matches(p, uses))) {
            context.report(uses.ref().actionRange(), "`" + uses.action() + "` is not in `workflows.allowed-actions` of"
                    + " .vlint.yaml (" + String.join(", ", settings.allowedActions()) + "). Use an allowed action, or"
                    + " add it to the list after reviewing it.");
        }
    }
}
