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
 * VL810: a job on a self-hosted runner (the {@code self-hosted} label, or a runner group) in a
 * workflow that pull requests from forks, issues or comments trigger.
 */
public final class SelfHostedRunnerForOutsiders implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL810", "self-hosted-runner-for-outsiders", Severity.NOTE,
            "A job runs on a self-hosted runner in a workflow that pull requests from forks, issues or comments"
                    + " can trigger.",
            Fixability.NONE, "self-hosted-runner");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void startFile(Workflow workflow, RuleContext context) {
        context.state(() -> new String[] {new Events(workflow).first(Events.FROM_OUTSIDERS)});
    }

    @Override
    public void job(Job job, RuleContext context) {
        String event = context.state(() -> new String[1])[0];
        YamlNode runsOn = job.node().get("runs-on");
        if (event == null || runsOn == null) {
            return;
        }
        YamlNode at = runsOn.isMapping() && runsOn.get("group") != null ? runsOn.get("group") : null;
        for (YamlNode label : job.runsOn()) {
            if (at == null && label.isScalar() && label.value().trim().equalsIgnoreCase("self-hosted")) {
                at = label;
            }
        }
        if (at != null) {
            boolean group = runsOn.isMapping() && at == runsOn.get("group");
            context.report(at.range(), "Job `" + job.id() + "` runs on "
                    + (group ? "a runner group, which usually holds self-hosted runners" : "a self-hosted runner")
                    + ", and the workflow runs on `"
                    + event + "`, which in a public repository anyone can cause: their code or input then reaches a"
                    + " machine that keeps state between jobs and sits in your network. Require approval for outside"
                    + " contributors' runs, use ephemeral just-in-time runners, or keep such jobs off these events.");
        }
    }
}
