package dev.vlint.rules.security;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.expr.Expr;
import dev.vlint.workflow.expr.Template;

/**
 * VL816: the whole {@code secrets} context in one value ({@code toJSON(secrets)}) or looked up by a
 * computed name ({@code secrets[matrix.name]}): GitHub must then hand the job every secret.
 */
public final class AllSecretsExposed implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL816", "all-secrets-exposed", Severity.WARNING,
            "An expression takes the whole secrets context, toJSON(secrets) or secrets[computed], so the job gets"
                    + " every secret.",
            Fixability.NONE, "overprovisioned-secrets");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public boolean visitsExpressions() {
        return true;
    }

    @Override
    public void expression(Template template, Place place, RuleContext context) {
        if (template.expr() == null) {
            return;
        }
        Exprs.walk(template.expr(), node -> {
            if (Exprs.isCall(node, "tojson") && ((Expr.Call) node).args().stream().anyMatch(a -> "secrets".equals(Exprs.path(a)))) {
                context.report(node.range(), "`" + context.file().source().slice(node.range()) + "` puts every secret of"
                        + " the repository and its organization into one value, so GitHub sends them all to this job"
                        + " and any step can print or send them. Pass the secrets it needs by name"
                        + " (`${{ secrets.NAME }}`).");
            } else if (node instanceof Expr.Index index && "secrets".equals(Exprs.path(index.receiver()))
                    && !(index.index() instanceof Expr.Literal)) {
                context.report(Severity.NOTE, node.range(), "`" + context.file().source().slice(node.range())
                        + "` looks a secret up by a computed name, so GitHub must send the job every secret, since it"
                        + " cannot tell which one is used. Name the secret (`secrets.NAME`), choosing it with"
                        + " `case()` or a matrix of names if it varies.");
            }
        });
    }
}
