package dev.vlint.rules.security;

import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The events a workflow runs on, by name, with the node that names each one. */
final class Events {
    /**
     * Events that run with the repository's secrets and a token that can write, while people
     * without write access can trigger them (GitHub's "pwn request" triggers).
     */
    static final Set<String> PRIVILEGED = Set.of("pull_request_target", "workflow_run");

    /** Events anyone with a GitHub account can cause in a public repository. */
    static final Set<String> FROM_OUTSIDERS = Set.of("pull_request", "pull_request_target", "pull_request_review",
            "pull_request_review_comment", "issue_comment", "issues", "discussion", "discussion_comment", "fork",
            "watch", "workflow_run");

    private final Map<String, YamlNode.Entry> byName = new LinkedHashMap<>();

    Events(Workflow workflow) {
        for (YamlNode.Entry entry : workflow.triggers()) {
            if (entry.key().isScalar() && entry.key().value() != null) {
                byName.putIfAbsent(entry.key().value(), entry);
            }
        }
    }

    boolean has(String event) {
        return byName.containsKey(event);
    }

    /** The event's entry: its name node and its configuration (null for the list forms). */
    YamlNode.Entry entry(String event) {
        return byName.get(event);
    }

    Set<String> names() {
        return byName.keySet();
    }

    /** Only {@code workflow_call}: a reusable workflow, whose caller decides permissions and triggers. */
    boolean reusableOnly() {
        return byName.size() == 1 && has("workflow_call");
    }

    /** The first of {@code events} the workflow runs on, else null. */
    String first(Set<String> events) {
        return byName.keySet().stream().filter(events::contains).findFirst().orElse(null);
    }

    /** Runs when a tag is pushed: {@code push} with a {@code tags} filter. */
    boolean tagPush() {
        YamlNode.Entry push = byName.get("push");
        return push != null && push.value() != null && push.value().get("tags") != null;
    }

    /** Runs when one of the branches a {@code push} filter names, with "release" in its name, is pushed. */
    boolean releaseBranchPush() {
        YamlNode.Entry push = byName.get("push");
        YamlNode branches = push == null || push.value() == null ? null : push.value().get("branches");
        if (branches == null) {
            return false;
        }
        for (YamlNode branch : branches.isSequence() ? branches.items() : List.of(branches)) {
            if (branch.isScalar() && branch.value().toLowerCase(Locale.ROOT).contains("release")) {
                return true;
            }
        }
        return false;
    }
}
