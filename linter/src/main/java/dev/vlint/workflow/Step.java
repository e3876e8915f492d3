package dev.vlint.workflow;

import dev.vlint.source.MappedText;
import dev.vlint.source.SourceFile;
import java.util.List;

/** One entry of a job's {@code steps:}; accessors return null for absent keys. */
public final class Step {
    private final SourceFile file;
    private final YamlNode node;
    private final int index;

    Step(SourceFile file, YamlNode node, int index) {
        this.file = file;
        this.node = node;
        this.index = index;
    }

    /** The step's mapping node (or whatever node stood in the list). */
    public YamlNode node() {
        return node;
    }

    /** 0-based position in the job's steps. */
    public int index() {
        return index;
    }

    public YamlNode id() {
        return node.get("id");
    }

    public YamlNode name() {
        return node.get("name");
    }

    public YamlNode uses() {
        return node.get("uses");
    }

    /** The action named by {@code uses:}, or null. */
    public ActionRef action() {
        return ActionRef.of(file, uses());
    }

    /** Entries of {@code with:} in file order. */
    public List<YamlNode.Entry> with() {
        return Workflow.entries(node.get("with"));
    }

    /** The value of one {@code with:} input, or null. */
    public YamlNode with(String input) {
        YamlNode with = node.get("with");
        return with == null ? null : with.get(input);
    }

    public List<YamlNode.Entry> env() {
        return Workflow.entries(node.get("env"));
    }

    public YamlNode run() {
        return node.get("run");
    }

    /** The {@code run:} script with every character mapped to the file; null without a scalar {@code run:}. */
    public MappedText script() {
        return YamlScalars.mappedText(file, run());
    }

    public YamlNode shell() {
        return node.get("shell");
    }

    public YamlNode ifCondition() {
        return node.get("if");
    }

    @Override
    public String toString() {
        return "step " + index + " " + node;
    }
}
