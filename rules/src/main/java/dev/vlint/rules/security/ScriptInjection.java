package dev.vlint.rules.security;

import dev.vlint.fix.Fix;
import dev.vlint.kb.WorkflowSecurity.ContextRule;
import dev.vlint.kb.WorkflowSecurity.Trust;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.source.SourceFile;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.YamlNode;
import dev.vlint.workflow.YamlScalars;
import dev.vlint.workflow.expr.Expr;
import dev.vlint.workflow.expr.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * VL801: a {@code ${{ }}} expression whose value someone else controls, expanded into a
 * {@code run:} script or an action input that runs as code. GitHub pastes the value into the text
 * before the shell reads it, so quotes and {@code $(...)} in it become code.
 */
public final class ScriptInjection implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL801", "script-injection", Severity.WARNING,
            "An expression that outside contributors or callers control is expanded into a run: script or"
                    + " an input that runs as code.",
            Fixability.UNSAFE, "template-injection");
    private static final Set<String> FIXED_INPUT_TYPES = Set.of("boolean", "number", "choice", "environment");

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
        context.state(() -> new Workflow[] {workflow});
    }

    /** Where an expression's value runs as code. */
    private record Sink(String where, String advice) {}

    private static Sink sink(SourceFile file, Place place) {
        List<String> path = place.path();
        if (place.step() == null || path.size() < 5 || !path.get(0).equals("jobs")) {
            return null;
        }
        if (path.size() == 5 && path.get(4).equals("run")) {
            return new Sink("this `run:` script before the shell reads it, so quotes, `$(...)` or backticks in it"
                    + " become commands", "Pass it in an `env:` entry and use the quoted variable in the script.");
        }
        Uses uses = place.step().uses() == null ? null : Uses.of(file, place.step().uses());
        if (path.size() == 6 && path.get(4).equals("with") && uses != null
                && Audits.facts().codeInputs(uses.action()).contains(path.get(5))) {
            return new Sink("`" + path.get(5) + "`, which " + uses.action() + " runs as code, so a quote in it ends"
                    + " the string and the rest runs", "Pass it in an `env:` entry of the step and read the"
                    + " variable in the code (`process.env.NAME` in github-script).");
        }
        return null;
    }

    @Override
    public void expression(Template template, Place place, RuleContext context) {
        if (template.expr() == null) {
            return;
        }
        Sink sink = sink(context.file().source(), place);
        if (sink == null) {
            return;
        }
        Workflow workflow = context.state(() -> new Workflow[1])[0];
        for (Expr access : Exprs.flowing(template.expr())) {
            String path = Exprs.path(access);
            String who = controller(workflow, place, path);
            if (who == null) {
                continue;
            }
            boolean outsider = who.startsWith("written by");
            String text = context.file().source().slice(access.range());
            String message = "`" + text + "` is " + who + ", and GitHub pastes it into " + sink.where() + ". "
                    + sink.advice();
            Fix fix = template.expr() == access
                    ? EnvFix.of(context.file().source(), workflow, place, template, access, path) : null;
            context.report(outsider ? Severity.WARNING : Severity.NOTE, access.range(), message,
                    fix == null ? new Fix[0] : new Fix[] {fix});
        }
    }

    /** Who sets the value at {@code path}, as the message says it; null when nobody else does. */
    private static String controller(Workflow workflow, Place place, String path) {
        if (Exprs.under(path, "github")) {
            if (path.startsWith("github.event.inputs.") && fixedInput(workflow, path.substring(20))) {
                return null;
            }
            ContextRule rule = Audits.facts().trust(path).orElse(null);
            if (rule == null || rule.trust() == Trust.TRUSTED) {
                return null;
            }
            return rule.trust() == Trust.ATTACKER ? "written by whoever opens the issue, pull request or comment"
                    + " (anyone, in a public repository)" : "set by people with write access to the repository";
        }
        if (Exprs.under(path, "inputs") && path.length() > 7) {
            return fixedInput(workflow, path.substring(7)) ? null
                    : "an input, set by whoever dispatches or calls this workflow";
        }
        if (Exprs.under(path, "matrix") && place.job() != null && !staticMatrix(place.job(), path)) {
            return "a matrix value computed at run time";
        }
        if (Exprs.under(path, "env") && path.length() > 4 && carriesUntrusted(workflow, place, path.substring(4))) {
            return "written by whoever opens the issue, pull request or comment, through an `env:` entry set from it";
        }
        return null;
    }

    /** Whether a {@code workflow_dispatch} or {@code workflow_call} input is declared with a type that limits its value. */
    private static boolean fixedInput(Workflow workflow, String name) {
        if (name.contains(".") || name.contains("*")) {
            return false;
        }
        YamlNode on = workflow.root() == null ? null : workflow.root().get("on");
        if (on == null || !on.isMapping()) {
            return false;
        }
        boolean declared = false;
        for (String event : List.of("workflow_dispatch", "workflow_call")) {
            YamlNode inputs = on.get(event) == null ? null : on.get(event).get("inputs");
            YamlNode input = inputs == null ? null : entryIgnoringCase(inputs, name);
            if (input == null) {
                continue;
            }
            declared = true;
            YamlNode type = input.get("type");
            if (type == null || !type.isScalar() || !FIXED_INPUT_TYPES.contains(type.value().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return declared;
    }

    private static YamlNode entryIgnoringCase(YamlNode mapping, String key) {
        for (YamlNode.Entry entry : mapping.entries()) {
            if (entry.key().value().equalsIgnoreCase(key)) {
                return entry.value() == null ? mapping : entry.value();
            }
        }
        return null;
    }

    /**
     * Every value the matrix can give this axis is written in the workflow: the axis is listed
     * literally, and each {@code include} entry gives it a literal or nothing. A matrix or an
     * {@code include} computed by an expression ({@code fromJSON}) may give it anything; an
     * expression elsewhere in an include entry does not reach this axis.
     */
    private static boolean staticMatrix(Job job, String path) {
        YamlNode matrix = job.matrix();
        if (matrix == null || literal(matrix)) {
            return true;
        }
        if (!matrix.isMapping()) {
            return false;
        }
        String axis = path.split("\\.")[1];
        for (YamlNode.Entry entry : matrix.entries()) {
            String key = entry.key().value();
            if (key.equalsIgnoreCase(axis) && !literal(entry.value())) {
                return false;
            }
            if (key.equals("include") && entry.value() != null) {
                if (!entry.value().isSequence()) {
                    return literal(entry.value());
                }
                for (YamlNode item : entry.value().items()) {
                    if (!item.isMapping() ? !literal(item) : item.entries().stream()
                            .anyMatch(e -> e.key().value().equalsIgnoreCase(axis) && !literal(e.value()))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean literal(YamlNode node) {
        if (node == null) {
            return true;
        }
        if (node.isScalar()) {
            return !node.value().contains("${{");
        }
        return node.entries().stream().allMatch(e -> literal(e.value())) && node.items().stream().allMatch(ScriptInjection::literal);
    }

    /**
     * The nearest {@code env:} entry named {@code name} takes its value from text outsiders write.
     * Values that collaborators set are reported where they are used directly, not again here.
     */
    private static boolean carriesUntrusted(Workflow workflow, Place place, String name) {
        YamlNode value = null;
        List<List<YamlNode.Entry>> scopes = new ArrayList<>();
        if (place.step() != null) {
            scopes.add(place.step().env());
        }
        if (place.job() != null) {
            scopes.add(place.job().env());
        }
        scopes.add(workflow.env());
        for (List<YamlNode.Entry> scope : scopes) {
            for (YamlNode.Entry entry : scope) {
                if (value == null && entry.key().value().equalsIgnoreCase(name)) {
                    value = entry.value();
                }
            }
            if (value != null) {
                break;
            }
        }
        if (value == null || !value.isScalar() || !value.value().contains("${{")) {
            return false;
        }
        for (Template inner : Template.find(YamlScalars.mappedText(workflow.file(), value))) {
            if (inner.expr() == null) {
                continue;
            }
            for (Expr access : Exprs.flowing(inner.expr())) {
                String path = Exprs.path(access);
                ContextRule rule = Exprs.under(path, "github") ? Audits.facts().trust(path).orElse(null) : null;
                if (rule != null && rule.trust() == Trust.ATTACKER) {
                    return true;
                }
            }
        }
        return false;
    }
}
