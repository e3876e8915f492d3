package dev.vlint.rules.security;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.YamlNode;

/**
 * VL823 (off unless enabled): no {@code concurrency:} with {@code cancel-in-progress}, so runs a
 * newer one supersedes keep running.
 */
public final class ConcurrencyNotLimited implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL823", "concurrency-not-limited", Severity.NOTE,
            "The workflow lets superseded runs go on: no concurrency: with cancel-in-progress (off unless enabled"
                    + " in the config).",
            Fixability.NONE, "concurrency-limits");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void startFile(Workflow workflow, RuleContext context) {
        if (!Audits.enabled(context, META) || new Events(workflow).reusableOnly()) {
            return;
        }
        YamlNode concurrency = workflow.root().get("concurrency");
        if (concurrency != null) {
            if (concurrency.isScalar()) {
                context.report(concurrency.range(), "`concurrency:` names a group but not `cancel-in-progress`, so a"
                        + " new run waits for the old one instead of replacing it. Use `concurrency: {group: ...,"
                        + " cancel-in-progress: true}`.");
            }
            return;
        }
        boolean covered = !workflow.jobs().isEmpty() && workflow.jobs().stream().allMatch(j -> j.node().get("concurrency") != null);
        YamlNode.Entry on = workflow.root().entry("on");
        if (!covered && on != null) {
            context.report(on.key().range(), "The workflow sets no `concurrency:`, so every push or event starts another"
                    + " run while the superseded ones go on, which wastes runner time (paid, on larger runners) and"
                    + " lets old runs finish after new ones. Add `concurrency: {group: ${{ github.workflow }}-${{"
                    + " github.ref }}, cancel-in-progress: true}`.");
        }
    }

    @Override
    public void job(Job job, RuleContext context) {
        YamlNode concurrency = job.node().get("concurrency");
        if (Audits.enabled(context, META) && concurrency != null && concurrency.isScalar()) {
            context.report(concurrency.range(), "Job `" + job.id() + "` names a concurrency group but not"
                    + " `cancel-in-progress`, so a new run waits for the old one instead of replacing it.");
        }
    }
}
