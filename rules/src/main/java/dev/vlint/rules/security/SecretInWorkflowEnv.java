package dev.vlint.rules.security;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.YamlNode;
import dev.vlint.workflow.YamlScalars;
import dev.vlint.workflow.expr.Expr;
import dev.vlint.workflow.expr.Template;

/**
 * VL808: a secret in the workflow-level {@code env:}, which puts it in the environment of every step
 * of every job, third-party actions included.
 */
public final class SecretInWorkflowEnv implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL808", "secret-in-workflow-env", Severity.NOTE,
            "A secret is set in the workflow-level env:, so every step of every job gets it.", Fixability.NONE, null);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void startFile(Workflow workflow, RuleContext context) {
        if (workflow.jobs().isEmpty()) {
            return;
        }
        for (YamlNode.Entry entry : workflow.env()) {
            if (entry.value() == null || !entry.value().isScalar() || !entry.value().value().contains("${{")) {
                continue;
            }
            for (Template template : Template.find(YamlScalars.mappedText(context.file().source(), entry.value()))) {
                if (template.expr() == null) {
                    continue;
                }
                Exprs.walk(template.expr(), node -> {
                    String path = Exprs.path(node);
                    if (node instanceof Expr.Property && path != null && path.startsWith("secrets.")
                            && path.indexOf('.', 8) < 0 && !path.equals("secrets.github_token")) {
                        context.report(node.range(), "`" + entry.key().value() + "` puts `"
                                + context.file().source().slice(node.range()) + "` into the environment of every step"
                                + (workflow.jobs().size() == 1 ? " of the job" : " of all " + workflow.jobs().size() + " jobs")
                                + ", including third-party actions that"
                                + " never need it. Set it in the `env:` of the step, or at least the job, that uses it.");
                    }
                });
            }
        }
    }
}
