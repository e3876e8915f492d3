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
import dev.vlint.workflow.YamlNode;

/** VL826: an action or reusable workflow from a repository that is archived: read-only, no fixes coming. */
public final class ArchivedAction implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL826", "archived-action", Severity.NOTE,
            "A uses: names an action from an archived repository, which gets no fixes any more.", Fixability.NONE,
            "archived-uses");

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
        Listed archived = uses == null ? null : Audits.facts().archived(uses.action())
                .or(() -> Audits.facts().archived(uses.slug())).orElse(null);
        if (archived != null) {
            String source = archived.source();
            String replaced = source.contains("replaced by ") ? " It was " + source.substring(source.indexOf("replaced by"))
                    + "." : "";
            context.report(uses.ref().actionRange(), "`" + uses.slug() + "` is archived: read-only, so flaws in it or in"
                    + " the dependencies it bundles will not be fixed." + replaced + " Move to a maintained action, or"
                    + " to a run: step (the `gh` CLI covers most API wrappers).");
        }
    }
}
