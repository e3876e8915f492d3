package dev.vlint.rules.security;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.YamlNode;

/** VL807: a reusable-workflow call with {@code secrets: inherit}, which hands over every secret. */
public final class SecretsInherited implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL807", "secrets-inherited", Severity.NOTE,
            "A reusable workflow is called with secrets: inherit, which passes it every secret of the caller.",
            Fixability.NONE, "secrets-inherit");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void job(Job job, RuleContext context) {
        YamlNode secrets = job.node().get("secrets");
        if (job.uses() != null && secrets != null && secrets.isScalar() && secrets.value().equals("inherit")) {
            context.report(secrets.range(), "`secrets: inherit` passes every secret of this repository and its"
                    + " organization to `" + job.uses().value() + "`, whatever it needs; a flaw in that workflow or an"
                    + " action it uses can leak them all. Pass the secrets it uses one by one (`secrets: {NAME: ${{"
                    + " secrets.NAME }}}`).");
        }
    }
}
