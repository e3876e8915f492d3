package dev.vlint.rules.workflow;

import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.YamlNode;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * VL704: a {@code strategy.matrix} of the wrong shape: {@code include}/{@code exclude} that are
 * not lists of mappings, an axis without values, an {@code exclude} key that is no axis, or an
 * {@code exclude} value the axis does not have (that entry excludes nothing); a value listed twice in
 * an axis is a note. The shapes follow
 * docs.github.com "Running variations of jobs in a workflow" (checked 2026-12-03).
 */
public final class MatrixInvalid implements Rule, WorkflowVisitor {
    private static final RuleMeta META = new RuleMeta("VL704", "matrix-invalid", Severity.ERROR,
            "A strategy.matrix has include/exclude that are not lists of mappings, an empty axis, an exclude"
                    + " entry naming an axis or value the matrix does not have, or a value listed twice.",
            Fixability.NONE, EnumSet.of(FileKind.WORKFLOW), List.of("ci", "workflow"), List.of("actionlint:matrix"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void job(Job job, RuleContext context) {
        YamlNode matrix = job.matrix();
        if (matrix == null || !matrix.isMapping()) {
            return;
        }
        Map<String, Set<String>> axes = new HashMap<>();
        boolean dynamic = false;
        for (YamlNode.Entry axis : matrix.entries()) {
            String name = axis.key().value();
            if (name.equals("include") || name.equals("exclude")) {
                shape(axis, context);
                continue;
            }
            if (name.equals("<<") || axis.value() == null || Workflows.isDynamic(axis.value())) {
                dynamic = true;
                continue;
            }
            Set<String> values = new HashSet<>();
            boolean scalarAxis = true;
            for (YamlNode value : Workflows.values(axis.value())) {
                if (value.isScalar() && !Workflows.isDynamic(value)) {
                    if (!values.add(value.value())) {
                        context.report(Severity.NOTE, value.range(), "`" + value.value() + "` is listed twice in"
                                + " matrix axis `" + name + "`: the second adds no new combination, so a different"
                                + " value was probably meant.");
                    }
                } else {
                    scalarAxis = false;
                }
            }
            if (axis.value().isSequence() && axis.value().items().isEmpty()) {
                context.report(axis.key().range(), "Matrix axis `" + name + "` has no values, so GitHub refuses the"
                        + " workflow. Give it at least one value or remove it.");
            }
            axes.put(name, scalarAxis ? values : null);
        }
        YamlNode exclude = matrix.get("exclude");
        if (dynamic || exclude == null || !exclude.isSequence()) {
            return;
        }
        Map<String, List<String>> sorted = new HashMap<>(); // once per axis: messages list the values
        for (YamlNode entry : exclude.items()) {
            for (YamlNode.Entry e : Workflows.entries(entry)) {
                String key = e.key().value();
                if (key.equals("<<")) {
                    continue;
                }
                if (!axes.containsKey(key)) {
                    String hint = Workflows.closest(key, axes.keySet()).map(c -> " Did you mean `" + c + "`?").orElse("");
                    context.report(e.key().range(), "`" + key + "` in exclude is not an axis of the matrix, so GitHub"
                            + " refuses the workflow." + hint);
                    continue;
                }
                Set<String> values = axes.get(key);
                YamlNode value = e.value();
                if (values != null && value != null && value.isScalar() && !Workflows.isDynamic(value)
                        && !values.contains(value.value())) {
                    context.report(Severity.WARNING, value.range(), "Axis `" + key + "` has no value `" + value.value()
                            + "`, so this exclude entry removes no combination. Values are "
                            + Workflows.quotedList(sorted.computeIfAbsent(key, k -> values.stream().sorted().toList()))
                            + ".");
                }
            }
        }
    }

    private static void shape(YamlNode.Entry entry, RuleContext context) {
        YamlNode list = entry.value();
        if (list == null || Workflows.isDynamic(list)) {
            return;
        }
        String name = entry.key().value();
        if (!list.isSequence()) {
            context.report(list.isNull() ? entry.key().range() : list.range(), "matrix." + name + " must be a list of"
                    + " mappings (one per combination), so GitHub refuses the workflow.");
            return;
        }
        for (YamlNode item : list.items()) {
            if (!item.isMapping() && !Workflows.isDynamic(item)) {
                context.report(item.range(), "Each entry of matrix." + name + " must be a mapping of axis names to"
                        + " values, so GitHub refuses the workflow.");
            }
        }
    }
}
