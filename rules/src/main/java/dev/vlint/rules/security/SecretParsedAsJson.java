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
 * VL820: {@code fromJSON(secrets.X)}: the parts of a structured secret are not masked in the log,
 * since the runner only masks whole secret values.
 */
public final class SecretParsedAsJson implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL820", "secret-parsed-as-json", Severity.NOTE,
            "A secret is parsed with fromJSON(), and the runner does not mask the parts it yields in the log.",
            Fixability.NONE, "unredacted-secrets");

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
            if (Exprs.isCall(node, "fromjson") && ((Expr.Call) node).args().stream()
                    .anyMatch(a -> Exprs.under(Exprs.path(a), "secrets") && !"secrets".equals(Exprs.path(a)))) {
                context.report(node.range(), "`" + context.file().source().slice(node.range()) + "` takes a secret"
                        + " apart: the runner masks only the whole secret in the log, so a field printed by any step"
                        + " (a password, a key) shows in clear. Store each field as a secret of its own.");
            }
        });
    }
}
