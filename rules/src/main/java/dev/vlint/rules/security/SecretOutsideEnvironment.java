package dev.vlint.rules.security;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.expr.Template;

/**
 * VL817 (off unless enabled): a job uses a secret but has no {@code environment:}, so the secret
 * must be a repository or organization secret that every workflow can read, not an environment
 * secret behind protection rules.
 */
public final class SecretOutsideEnvironment implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL817", "secret-outside-environment", Severity.NOTE,
            "A job uses a secret without an environment: (off unless enabled in the config).", Fixability.NONE,
            "secrets-outside-env");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public boolean visitsExpressions() {
        return true;
    }

    @Override
    public void startFile(Workflow workflow, RuleContext context) {
        context.state(() -> new boolean[] {Audits.enabled(context, META) && !new Events(workflow).has("workflow_call")});
    }

    @Override
    public void expression(Template template, Place place, RuleContext context) {
        if (!context.state(() -> new boolean[1])[0] || template.expr() == null || place.job() == null
                || place.job().node().get("environment") != null) {
            return;
        }
        Exprs.walk(template.expr(), node -> {
            String path = Exprs.path(node);
            if (path != null && path.startsWith("secrets.") && path.indexOf('.', 8) < 0 && !path.equals("secrets.github_token")) {
                context.report(node.range(), "Job `" + place.job().id() + "` uses `" + context.file().source().slice(node.range())
                        + "` without an `environment:`, so it is a repository or organization secret that every"
                        + " workflow and branch can read. Move it into an environment with protection rules and name"
                        + " that environment in the job.");
            }
        });
    }
}
