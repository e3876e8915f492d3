package dev.vlint.rules.workflow;

import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.source.MappedText;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.YamlNode;
import dev.vlint.workflow.YamlScalars;
import dev.vlint.workflow.expr.Expr;
import dev.vlint.workflow.expr.ExprParser;
import dev.vlint.workflow.expr.Template;
import java.util.EnumSet;
import java.util.List;

/**
 * VL716: an {@code if:} that is always true because it is a string, not a condition: a
 * {@code ${{ }}} with other text around it ({@code ${{ a }} && ${{ b }}}, a block scalar's final
 * line break), or a string literal.
 */
public final class IfConditionAlwaysTrue implements Rule, WorkflowVisitor {
    private static final RuleMeta META = new RuleMeta("VL716", "if-always-true", Severity.WARNING,
            "An if: condition is always true: ${{ }} mixed with other text, or a string literal, is a non-empty"
                    + " string rather than a condition.",
            Fixability.NONE, EnumSet.of(FileKind.WORKFLOW, FileKind.ACTION), List.of("ci", "workflow"),
            List.of("actionlint:if-cond"));

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
        if (condition == null || !condition.isScalar() || condition.alias()) {
            return;
        }
        MappedText text = YamlScalars.mappedText(context.file().source(), condition);
        String value = text.text();
        List<Template> templates = Template.find(text);
        if (templates.isEmpty()) {
            if (!value.isBlank()) {
                ExprParser.Result parsed = ExprParser.parse(text, 0, value.length());
                if (parsed.ok() && isStringLiteral(parsed.expr())) {
                    context.report(condition.range(), "`if: " + value.strip() + "` is a non-empty string, which is"
                            + " always true. Write the condition itself, without quotes inside the expression.");
                }
            }
            return;
        }
        if (templates.size() == 1 && wholeValue(text, templates.get(0))) {
            Expr expr = templates.get(0).expr();
            if (expr != null && isStringLiteral(expr)) {
                context.report(condition.range(), "This if: evaluates to a non-empty string, which is always true."
                        + " Write the condition itself.");
            }
            return;
        }
        String why = templates.size() > 1 ? "joins several ${{ }} with text" : value.endsWith("\n")
                ? "ends with the line break of a block scalar (|)" : "has text around its ${{ }}";
        context.report(condition.range(), "This if: " + why + ", so GitHub reads it as a non-empty string and the "
                + "condition is always true. Put the whole condition inside one ${{ }} (or write it without ${{ }}).");
    }

    /** The template spans the value from its first to its last character (a folded scalar may span lines). */
    private static boolean wholeValue(MappedText text, Template template) {
        return !text.text().isEmpty() && text.fileOffset(0) == template.range().start()
                && text.fileOffset(text.length() - 1) + 1 == template.range().end();
    }

    private static boolean isStringLiteral(Expr expr) {
        return expr instanceof Expr.Literal literal && literal.value() instanceof String s && !s.isEmpty();
    }
}
