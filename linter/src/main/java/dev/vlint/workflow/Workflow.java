package dev.vlint.workflow;

import dev.vlint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * A typed view of a GitHub Actions workflow over its {@link YamlNode} tree. Every value is the
 * node itself, so rules can report at its exact range. Accessors tolerate any shape: a key with
 * an unexpected type yields null or an empty list rather than an error.
 */
public final class Workflow {
    private final SourceFile file;
    private final YamlNode root;
    private final List<YamlComment> comments;
    private final List<CommentedOutEntry> commentedOut;

    Workflow(SourceFile file, YamlNode root, List<YamlComment> comments, List<CommentedOutEntry> commentedOut) {
        this.file = file;
        this.root = root;
        this.comments = List.copyOf(comments);
        this.commentedOut = List.copyOf(commentedOut);
    }

    public SourceFile file() {
        return file;
    }

    /** The document's root node; null for an empty file. */
    public YamlNode root() {
        return root;
    }

    public YamlNode name() {
        return get("name");
    }

    /**
     * The events under {@code on:}: for {@code on: push} or {@code on: [push, pull_request]} each
     * entry has the event name node as key and a null value; for the mapping form the value is
     * the event's configuration node.
     */
    public List<YamlNode.Entry> triggers() {
        YamlNode on = get("on");
        if (on == null) {
            return List.of();
        }
        if (on.isMapping()) {
            return on.entries();
        }
        List<YamlNode.Entry> events = new ArrayList<>();
        for (YamlNode event : values(on)) {
            events.add(new YamlNode.Entry(event, null));
        }
        return events;
    }

    public List<YamlNode.Entry> env() {
        return entries(get("env"));
    }

    public List<Job> jobs() {
        List<Job> jobs = new ArrayList<>();
        for (YamlNode.Entry entry : entries(get("jobs"))) {
            if (entry.value() != null && entry.value().isMapping()) {
                jobs.add(new Job(file, entry.key(), entry.value()));
            }
        }
        return jobs;
    }

    /**
     * The {@code runs.steps} of a composite action when this YAML is an action's metadata file;
     * empty for a workflow.
     */
    public List<Step> actionSteps() {
        YamlNode runs = get("runs");
        List<Step> steps = new ArrayList<>();
        List<YamlNode> items = values(runs == null ? null : runs.get("steps"));
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).isMapping()) {
                steps.add(new Step(file, items.get(i), i));
            }
        }
        return steps;
    }

    /** {@code defaults.run.shell} of the workflow, or null; a job's default wins over it. */
    public YamlNode defaultShell() {
        return defaultShell(root);
    }

    /** The job with this id, or null. */
    public Job job(String id) {
        return jobs().stream().filter(j -> j.id().equals(id)).reduce((a, b) -> b).orElse(null);
    }

    /** Every comment in the file, in order. */
    public List<YamlComment> comments() {
        return comments;
    }

    /** Comments that look like disabled {@code key: value} entries. */
    public List<CommentedOutEntry> commentedOutEntries() {
        return commentedOut;
    }

    private YamlNode get(String key) {
        return root == null ? null : root.get(key);
    }

    static YamlNode defaultShell(YamlNode owner) {
        YamlNode defaults = owner == null ? null : owner.get("defaults");
        YamlNode run = defaults == null ? null : defaults.get("run");
        return run == null ? null : run.get("shell");
    }

    static List<YamlNode.Entry> entries(YamlNode mapping) {
        return mapping == null ? List.of() : mapping.entries();
    }

    /** The items of a sequence, a lone scalar as a one-item list, nothing for anything else. */
    static List<YamlNode> values(YamlNode node) {
        if (node == null || node.isMapping() || node.isNull()) {
            return List.of();
        }
        return node.isSequence() ? node.items() : List.of(node);
    }
}
