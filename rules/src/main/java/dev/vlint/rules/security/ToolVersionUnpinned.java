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

/** VL829: an action that downloads a tool at run time, used without a version or with {@code latest}. */
public final class ToolVersionUnpinned implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL829", "tool-version-unpinned", Severity.NOTE,
            "An action that downloads a tool runs without a version, so it fetches the latest release.",
            Fixability.NONE, "unpinned-tools");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void step(Step step, Job job, RuleContext context) {
        Uses uses = step.uses() == null ? null : Uses.of(context.file().source(), step.uses());
        Listed tool = uses == null ? null : Audits.facts().toolAction(uses.action()).orElse(null);
        if (tool == null) {
            return;
        }
        YamlNode version = step.with(tool.detail());
        if (version == null || version.isScalar() && version.value().trim().equalsIgnoreCase("latest")) {
            context.report(version == null ? uses.ref().actionRange() : version.range(), "`" + uses.action()
                    + "` downloads its tool at run time, and without a `" + tool.detail() + "` it takes the latest"
                    + " release: pinning the action does not pin the tool, so a new or compromised release runs here"
                    + " unreviewed. Set `" + tool.detail() + ":` to a release.");
        }
    }
}
