package dev.vlint.rules.security;

import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.YamlNode;
import dev.vlint.workflow.expr.Expr;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * VL821: {@code contains('main develop', github.ref)} in an {@code if:}: with a string first
 * argument it tests for a substring, so {@code refs/heads/mai} passes too.
 */
public final class SubstringContains implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL821", "substring-contains-check", Severity.WARNING,
            "An if: uses contains() with a string of allowed values, which also accepts any part of them.",
            Fixability.UNSAFE, "unsound-contains");
    /** Contexts whose value someone who pushes a branch or dispatches a run chooses. */
    private static final Set<String> CHOSEN = Set.of("env", "inputs", "github.actor", "github.base_ref",
            "github.head_ref", "github.ref", "github.ref_name", "github.sha", "github.triggering_actor");
    private static final Pattern WORDS = Pattern.compile("[A-Za-z0-9_./@+-]+([\\s,]+[A-Za-z0-9_./@+-]+)+");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void job(Job job, RuleContext context) {
        check(job.ifCondition(), context);
    }

    @Override
    public void step(Step step, Job job, RuleContext context) {
        check(step.ifCondition(), context);
    }

    private static void check(YamlNode condition, RuleContext context) {
        for (Expr expr : Exprs.condition(context.file().source(), condition)) {
            Exprs.walk(expr, node -> {
                if (!Exprs.isCall(node, "contains")) {
                    return;
                }
                List<Expr> args = ((Expr.Call) node).args();
                if (args.size() != 2 || !(args.get(0) instanceof Expr.Literal literal) || !(literal.value() instanceof String list)) {
                    return;
                }
                String path = Exprs.path(args.get(1));
                if (path == null) {
                    return;
                }
                boolean chosen = CHOSEN.stream().anyMatch(c -> Exprs.under(path, c));
                String value = context.file().source().slice(args.get(1).range());
                String message = "`contains('" + list + "', " + value + ")` tests whether " + value + " is a part of the"
                        + " string, so any substring passes (a branch `mai` for `main`)"
                        + (chosen ? ", and whoever pushes a branch or starts the run chooses that value" : "")
                        + ". Compare with a list instead: give contains a JSON array through `fromJSON`, such as"
                        + " `fromJSON('[\"a\", \"b\"]')`, as its first argument.";
                boolean plainText = condition.style() == YamlNode.Style.PLAIN || condition.style() == YamlNode.Style.LITERAL
                        || condition.style() == YamlNode.Style.FOLDED;
                Fix fix = plainText && WORDS.matcher(list.trim()).matches() ? Fix.unsafe("Compare with a list",
                        new Edit(args.get(0).range(), "fromJSON('" + json(list.trim()) + "')")) : null;
                context.report(chosen ? Severity.WARNING : Severity.NOTE, node.range(), message,
                        fix == null ? new Fix[0] : new Fix[] {fix});
            });
        }
    }

    private static String json(String list) {
        StringBuilder out = new StringBuilder("[");
        for (String word : list.split("[\\s,]+")) {
            out.append(out.length() > 1 ? ", " : "").append('"').append(word).append('"');
        }
        return out.append(']').toString();
    }
}
