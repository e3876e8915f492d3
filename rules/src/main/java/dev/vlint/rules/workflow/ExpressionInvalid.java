package dev.vlint.rules.workflow;

import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.WorkflowParser;
import dev.vlint.source.TextRange;
import dev.vlint.workflow.expr.Contexts;
import dev.vlint.workflow.expr.Expr;
import dev.vlint.workflow.expr.ExprChecker;
import dev.vlint.workflow.expr.Template;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * VL702: a {@code ${{ }}} expression that does not parse, names what does not exist (a context,
 * a property of a typed context, a function) or uses a context or function where GitHub does not
 * allow it.
 */
public final class ExpressionInvalid implements Rule, WorkflowVisitor {
    private static final RuleMeta META = new RuleMeta("VL702", "expression-invalid", Severity.ERROR,
            "A ${{ }} expression does not parse, reads a context, property or function that does not exist,"
                    + " or uses one where GitHub does not allow it.",
            Fixability.NONE, EnumSet.of(FileKind.WORKFLOW, FileKind.ACTION), List.of("ci", "workflow"),
            List.of("actionlint:expression"));

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
        if (!template.parsed().ok()) {
            context.report(Severity.ERROR, template.parsed().errorRange(), "The expression `"
                    + context.file().source().slice(template.range()) + "` does not parse: " + template.parsed().error()
                    + ". GitHub rejects the workflow; fix the expression.");
            return;
        }
        ExpressionScopes scopes = context.state(() -> new ExpressionScopes(context.model(WorkflowParser.KEY),
                context.project(), context.file().kind() == FileKind.ACTION));
        ExprChecker.Scope scope = new ExprChecker.Scope(scopes.at(place),
                place.key() == null ? null : Contexts.availability(place.key()));
        Set<TextRange> guarded = new HashSet<>();
        guarded(template.expr(), guarded);
        for (ExprChecker.Problem problem : ExprChecker.check(template.expr(), scope).problems()) {
            if (guarded.contains(problem.range()) && problem.message().contains(" is not defined in ")) {
                continue; // read on purpose with a fallback: `matrix.x || 'default'`, `matrix.x != ''`
            }
            boolean rejected = rejectedByGitHub(problem.message());
            String why = rejected ? " GitHub rejects the workflow when it loads it."
                    : problem.message().contains(" is not defined in ")
                            ? " It evaluates to an empty value when the workflow runs." : "";
            // An empty value rarely fails a run by itself (`matrix.os != 'x'` is then true): possible, a note.
            context.report(rejected ? Severity.ERROR : Severity.NOTE, problem.range(), sentence(problem.message()) + why);
        }
    }

    /** The names of properties read with a fallback for their absence: {@code a.b || c}, {@code a.b == ''}. */
    private static void guarded(Expr expr, Set<TextRange> out) {
        if (expr instanceof Expr.Binary binary) {
            if (binary.op().equals("||")) {
                leaf(binary.left(), out);
            } else if (binary.op().equals("==") || binary.op().equals("!=")) {
                if (emptyLiteral(binary.right())) {
                    leaf(binary.left(), out);
                } else if (emptyLiteral(binary.left())) {
                    leaf(binary.right(), out);
                }
            }
            guarded(binary.left(), out);
            guarded(binary.right(), out);
        } else if (expr instanceof Expr.Not not) {
            guarded(not.operand(), out);
        } else if (expr instanceof Expr.Call call) {
            call.args().forEach(a -> guarded(a, out));
        }
    }

    private static void leaf(Expr expr, Set<TextRange> out) {
        if (expr instanceof Expr.Property property) {
            out.add(property.nameRange());
        }
    }

    private static boolean emptyLiteral(Expr expr) {
        return expr instanceof Expr.Literal literal && (literal.value() == null || "".equals(literal.value()));
    }

    /**
     * Unknown context names and functions, contexts or special functions used where the key does not
     * allow them, and format strings with too few values fail the run; everything else evaluates to
     * an empty or unexpected value.
     */
    static boolean rejectedByGitHub(String message) {
        return message.contains(" is not a context") || message.contains(" is not available in ")
                || message.contains(" is not a function") || message.contains(" cannot be used in ")
                || message.startsWith("the format string uses ");
    }

    private static String sentence(String message) {
        String capital = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return capital.endsWith(".") ? capital : capital + ".";
    }
}
