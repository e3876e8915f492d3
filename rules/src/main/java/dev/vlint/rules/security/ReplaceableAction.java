package dev.vlint.rules.security;

import dev.vlint.kb.WorkflowSecurity.Listed;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;

/** VL818: a third-party action that wraps a tool every GitHub-hosted runner has ({@code gh}, {@code jq}, {@code docker}). */
public final class ReplaceableAction implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL818", "replaceable-action", Severity.NOTE,
            "A third-party action does what a tool on every GitHub-hosted runner (gh, jq, docker) does.",
            Fixability.NONE, "superfluous-actions");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void step(Step step, Job job, RuleContext context) {
        Uses uses = step.uses() == null ? null : Uses.of(context.file().source(), step.uses());
        Listed listed = uses == null ? null : Audits.facts().replaceable(uses.action()).orElse(null);
        if (listed != null) {
            context.report(uses.ref().actionRange(), "`" + uses.action() + "` wraps a tool the GitHub-hosted runners"
                    + " already have, and every third-party action is code (and dependencies) that can change under"
                    + " you with the token in reach. Use " + listed.detail() + " instead.");
        }
    }
}
