package dev.vlint.rules.security;

import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.ActionRef;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.expr.Expr;
import dev.vlint.workflow.expr.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * VL815: a {@code uses:} path with {@code .}, {@code ..} or empty parts, and expressions made only
 * of literals ({@code format('{0}/{1}', 'octo', 'repo')}): both work, but hide what they do from
 * readers and from checks that match names.
 */
public final class ObfuscatedUsage implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL815", "obfuscated-usage", Severity.NOTE,
            "A uses: path has ., .. or empty parts, or an expression computes a constant from literals only.",
            Fixability.SAFE, "obfuscation");
    private static final Set<String> PURE = Set.of("contains", "startswith", "endswith", "format", "tojson", "join");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public boolean visitsExpressions() {
        return true;
    }

    @Override
    public void step(Step step, Job job, RuleContext context) {
        ActionRef uses = ActionRef.of(context.file().source(), step.uses());
        if (uses == null || uses.isLocal() || uses.isDocker() || uses.action().contains("${{")) {
            return;
        }
        String[] parts = uses.action().split("/", -1);
        if (parts.length < 2 || !plain(parts[0]) || !plain(parts[1])) {
            return; // no owner/repo: GitHub cannot resolve it, VL708's error
        }
        List<String> kept = new ArrayList<>();
        boolean odd = false;
        for (String part : parts) {
            if (part.isEmpty() || part.equals(".")) {
                odd = true;
            } else if (part.equals("..")) {
                odd = true;
                if (kept.size() <= 2) { // .. would leave the repository
                    kept = null;
                    break;
                }
                kept.remove(kept.size() - 1);
            } else {
                kept.add(part);
            }
        }
        if (!odd) {
            return;
        }
        String message = "`" + uses.action() + "` has `.`, `..` or empty parts: GitHub resolves it, but it hides which"
                + " action runs from readers and from checks that match action names (pinning, allow lists).";
        if (kept == null) {
            context.report(uses.actionRange(), message + " Write the path it resolves to.");
        } else {
            String normal = String.join("/", kept);
            context.report(uses.actionRange(), message + " Write `" + normal + "`.",
                    Fix.safe("Write " + normal, new Edit(uses.actionRange(), normal)));
        }
    }

    private static boolean plain(String part) {
        return !part.isEmpty() && !part.equals(".") && !part.equals("..");
    }

    @Override
    public void expression(Template template, Place place, RuleContext context) {
        Expr expr = template.expr();
        if (expr == null || expr instanceof Expr.Literal) {
            return;
        }
        if (constant(expr)) {
            context.report(expr.range(), "`" + context.file().source().slice(expr.range()) + "` is made of literals only,"
                    + " so it always gives the same value: write that value instead, which is what readers and other"
                    + " checks can see.");
        }
    }

    /** Literals, operators on constants, and the pure functions of constants. */
    private static boolean constant(Expr expr) {
        if (expr instanceof Expr.Literal) {
            return true;
        }
        if (expr instanceof Expr.Not not) {
            return constant(not.operand());
        }
        if (expr instanceof Expr.Binary binary) {
            return constant(binary.left()) && constant(binary.right());
        }
        if (expr instanceof Expr.Call call) {
            return PURE.contains(call.name().toLowerCase(Locale.ROOT)) && call.args().stream().allMatch(ObfuscatedUsage::constant);
        }
        return false;
    }
}
