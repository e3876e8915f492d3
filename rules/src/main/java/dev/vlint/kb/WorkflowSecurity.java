package dev.vlint.kb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Facts the workflow security rules rely on: who controls which context, which action inputs run
 * code, which actions restore caches or publish, which are archived, replaceable or much used.
 * Action names are matched without regard to case, as GitHub resolves them.
 */
public final class WorkflowSecurity {

    /** Who can set a context's value. */
    public enum Trust { ATTACKER, COLLABORATOR, TRUSTED }

    /** A context pattern ({@code github.event.**.title}) and who controls what it matches. */
    public record ContextRule(String pattern, Trust trust, String source) {
        /** Literal segments: the more, the more specific. */
        int specificity() {
            int n = 0;
            for (String part : pattern.split("\\.")) {
                n += part.startsWith("*") ? 0 : 1;
            }
            return n;
        }
    }

    /**
     * An action that restores a cache. {@code input} switches it (null: always on); {@code onByDefault}
     * is the state without the input; {@code trueTurnsOff}: a true value disables the cache;
     * {@code booleanInput}: the input takes true or false (else it names a package manager).
     */
    public record CacheAction(String action, String input, boolean onByDefault, boolean trueTurnsOff,
            boolean booleanInput, String source) {}

    /** A publishing action; {@code pushInput}, when set, must be true for it to publish. */
    public record PublishAction(String action, String pushInput, String source) {}

    /** An action with an entry in a plain list, and why. */
    public record Listed(String action, String detail, String source) {}

    private final List<ContextRule> contexts = new ArrayList<>();
    private final Map<String, List<String>> codeInputs = new LinkedHashMap<>();
    private final Map<String, CacheAction> cacheActions = new LinkedHashMap<>();
    private final Map<String, PublishAction> publishActions = new LinkedHashMap<>();
    private final Map<String, Listed> archived = new LinkedHashMap<>();
    private final Map<String, Listed> replaceable = new LinkedHashMap<>();
    private final Map<String, Listed> tools = new LinkedHashMap<>();
    private final List<String> popular = new ArrayList<>();
    private final Map<String, String> defaultEnv = new LinkedHashMap<>();

    WorkflowSecurity(JsonNode tree) {
        for (JsonNode n : tree.path("untrusted-contexts")) {
            contexts.add(new ContextRule(n.path("context").asText().toLowerCase(Locale.ROOT),
                    Trust.valueOf(n.path("trust").asText().toUpperCase(Locale.ROOT)), n.path("source").asText()));
        }
        for (JsonNode n : tree.path("code-inputs")) {
            List<String> inputs = new ArrayList<>();
            n.path("inputs").forEach(i -> inputs.add(i.asText()));
            codeInputs.put(key(n.path("action").asText()), List.copyOf(inputs));
        }
        for (JsonNode n : tree.path("cache-actions")) {
            String input = n.hasNonNull("input") ? n.get("input").asText() : null;
            cacheActions.put(key(n.path("action").asText()), new CacheAction(n.path("action").asText(), input,
                    n.path("default").asBoolean(true), n.path("true-value").asText().equals("disables"),
                    n.path("values").asText().equals("boolean"), n.path("source").asText()));
        }
        for (JsonNode n : tree.path("publish-actions")) {
            publishActions.put(key(n.path("action").asText()), new PublishAction(n.path("action").asText(),
                    n.hasNonNull("push-input") ? n.get("push-input").asText() : null, n.path("source").asText()));
        }
        list(tree.path("archived-actions"), "", archived);
        list(tree.path("replaceable-actions"), "instead", replaceable);
        list(tree.path("tool-actions"), "version-input", tools);
        for (JsonNode n : tree.path("popular-actions")) {
            n.path("actions").forEach(a -> popular.add(a.asText()));
        }
        for (JsonNode n : tree.path("default-env")) {
            n.path("variables").fields().forEachRemaining(f -> defaultEnv.put(f.getKey(), f.getValue().asText()));
        }
    }

    private static void list(JsonNode section, String detailField, Map<String, Listed> into) {
        for (JsonNode n : section) {
            into.put(key(n.path("action").asText()), new Listed(n.path("action").asText(),
                    detailField.isEmpty() ? "" : n.path(detailField).asText(), n.path("source").asText()));
        }
    }

    private static String key(String action) {
        return action.toLowerCase(Locale.ROOT);
    }

    /**
     * Who controls the context at {@code path} (dotted, lower case, {@code *} for a filter or
     * computed index), by its most specific rule (of equally specific ones, the last listed: the
     * exceptions follow the general rules); empty when no rule speaks of it.
     */
    public Optional<ContextRule> trust(String path) {
        String[] parts = path.toLowerCase(Locale.ROOT).split("\\.");
        ContextRule best = null;
        for (ContextRule rule : contexts) {
            if (matches(rule.pattern().split("\\."), 0, parts, 0)
                    && (best == null || rule.specificity() >= best.specificity())) {
                best = rule;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean matches(String[] pattern, int p, String[] path, int i) {
        if (p == pattern.length) {
            return i == path.length;
        }
        if (pattern[p].equals("**")) {
            for (int k = i + 1; k <= path.length; k++) {
                if (matches(pattern, p + 1, path, k)) {
                    return true;
                }
            }
            return false;
        }
        return i < path.length && (pattern[p].equals("*") || pattern[p].equals(path[i]))
                && matches(pattern, p + 1, path, i + 1);
    }

    /** The inputs of {@code action} ({@code owner/repo[/path]}) that run as code. */
    public List<String> codeInputs(String action) {
        return codeInputs.getOrDefault(key(action), List.of());
    }

    public Optional<CacheAction> cacheAction(String action) {
        return Optional.ofNullable(cacheActions.get(key(action)));
    }

    public Optional<PublishAction> publishAction(String action) {
        return Optional.ofNullable(publishActions.get(key(action)));
    }

    public Optional<Listed> archived(String action) {
        return Optional.ofNullable(archived.get(key(action)));
    }

    /** A replaceable action; {@code detail} says what to use instead. */
    public Optional<Listed> replaceable(String action) {
        return Optional.ofNullable(replaceable.get(key(action)));
    }

    /** An action that downloads a tool; {@code detail} is the input that pins its version. */
    public Optional<Listed> toolAction(String action) {
        return Optional.ofNullable(tools.get(key(action)));
    }

    /** Much-used {@code owner/repo} names, as their owners spell them. */
    public List<String> popularActions() {
        return List.copyOf(popular);
    }

    /** The default environment variable that holds the context at {@code path}, if there is one. */
    public Optional<String> defaultVariable(String path) {
        return Optional.ofNullable(defaultEnv.get(path.toLowerCase(Locale.ROOT)));
    }
}
