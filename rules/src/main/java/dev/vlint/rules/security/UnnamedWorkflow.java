package dev.vlint.rules.security;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.source.TextRange;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Workflow;

/** VL822 (off unless enabled): a workflow or a job without {@code name:}, shown by its file name or id. */
public final class UnnamedWorkflow implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL822", "unnamed-workflow", Severity.NOTE,
            "A workflow or job has no name: (off unless enabled in the config).", Fixability.NONE,
            "anonymous-definition");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void startFile(Workflow workflow, RuleContext context) {
        if (Audits.enabled(context, META) && workflow.name() == null && workflow.root().isMapping()) {
            context.report(TextRange.at(workflow.root().range().start()), "The workflow has no `name:`, so GitHub"
                    + " shows it by its file path, which makes its runs harder to tell apart. Add a `name:`.");
        }
    }

    @Override
    public void job(Job job, RuleContext context) {
        if (Audits.enabled(context, META) && job.name() == null && job.uses() == null) {
            context.report(job.key().range(), "Job `" + job.id() + "` has no `name:`, so GitHub shows its id. Add a"
                    + " `name:` that says what it does.");
        }
    }
}
