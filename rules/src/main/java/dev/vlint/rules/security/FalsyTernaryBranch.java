package dev.vlint.rules.security;

import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.expr.Expr;
import dev.vlint.workflow.expr.Template;

/**
 * VL828: {@code cond && '' || other} used as a ternary with a falsy middle value: {@code &&} then
 * yields the falsy value, so {@code ||} always picks {@code other}.
 */
public final class FalsyTernaryBranch implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL828", "falsy-ternary-branch", Severity.WARNING,
            "A cond && value || other expression has a falsy value, so it always gives other.", Fixability.UNSAFE,
            "unsound-ternary");

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
            if (node instanceof Expr.Binary or && or.op().equals("||") && or.left() instanceof Expr.Binary and
                    && and.op().equals("&&") && and.right() instanceof Expr.Literal literal && falsy(literal.value())) {
                String text = context.file().source().slice(literal.range());
                String condition = context.file().source().slice(and.left().range());
                String other = context.file().source().slice(or.right().range());
                context.report(node.range(), "When `" + condition + "` holds, `&&` gives " + text + ", which is falsy,"
                        + " so `||` goes on to `" + other + "`: the expression never gives " + text + ". Write `case("
                        + condition + ", " + text + ", " + other + ")` instead.",
                        Fix.unsafe("Use case()", new Edit(node.range(), "case(" + condition + ", " + text + ", "
                                + other + ")")));
            }
        });
    }

    private static boolean falsy(Object value) {
        return value == null || value.equals(Boolean.FALSE) || value.equals("") || value instanceof Double d && d == 0;
    }
}
