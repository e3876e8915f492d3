package dev.vlint.workflow;

import dev.vlint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/** One job under {@code jobs:}; accessors return null or empty lists for absent keys. */
public final class Job {
    private final SourceFile file;
    private final YamlNode key;
    private final YamlNode node;

    Job(SourceFile file, YamlNode key, YamlNode node) {
        this.file = file;
        this.key = key;
        this.node = node;
    }

    public String id() {
        return key.value();
    }

    /** The job id's key node, for reporting at the job. */
    public YamlNode key() {
        return key;
    }

    public YamlNode node() {
        return node;
    }

    public YamlNode name() {
        return node.get("name");
    }

    /**
     * The {@code runs-on} labels: the scalar, the items of a list, or the {@code labels} of the
     * {@code {group, labels}} form. Expressions such as {@code ${{ matrix.os }}} stay as written.
     */
    public List<YamlNode> runsOn() {
        YamlNode runsOn = node.get("runs-on");
        if (runsOn != null && runsOn.isMapping()) {
            runsOn = runsOn.get("labels");
        }
        return Workflow.values(runsOn);
    }

    /** The {@code strategy.matrix} node, or null. */
    public YamlNode matrix() {
        YamlNode strategy = node.get("strategy");
        return strategy == null ? null : strategy.get("matrix");
    }

    /**
     * Every value the matrix gives {@code axis}: the items of its list and the values that
     * {@code include} entries set for it.
     */
    public List<YamlNode> matrixValues(String axis) {
        YamlNode matrix = matrix();
        if (matrix == null) {
            return List.of();
        }
        List<YamlNode> values = new ArrayList<>(Workflow.values(matrix.get(axis)));
        for (YamlNode include : matrixInclude()) {
            YamlNode value = include.get(axis);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /** The {@code include} entries of the matrix (mapping nodes). */
    public List<YamlNode> matrixInclude() {
        YamlNode matrix = matrix();
        return matrix == null ? List.of() : Workflow.values(matrix.get("include"));
    }

    public List<YamlNode.Entry> env() {
        return Workflow.entries(node.get("env"));
    }

    /** {@code defaults.run.shell} of the job, or null; a step's own {@code shell:} wins over it. */
    public YamlNode defaultShell() {
        return Workflow.defaultShell(node);
    }

    public YamlNode ifCondition() {
        return node.get("if");
    }

    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        List<YamlNode> items = Workflow.values(node.get("steps"));
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).isMapping()) {
                steps.add(new Step(file, items.get(i), i));
            }
        }
        return steps;
    }

    /** {@code uses:} of a job that calls a reusable workflow, or null. */
    public YamlNode uses() {
        return node.get("uses");
    }

    public ActionRef calledWorkflow() {
        return ActionRef.of(file, uses());
    }

    /** {@code with:} inputs of a reusable-workflow call. */
    public List<YamlNode.Entry> with() {
        return Workflow.entries(node.get("with"));
    }

    @Override
    public String toString() {
        return "job " + id();
    }
}
