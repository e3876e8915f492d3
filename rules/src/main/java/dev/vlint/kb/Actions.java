package dev.vlint.kb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Popular actions: their inputs and outputs per major version, and versions that fail or are outdated. */
public final class Actions {

    /**
     * One {@code owner/repo[/path]@ref} as its metadata declares it. {@code anyInputs}: the action
     * reads inputs it does not declare, so unknown inputs are fine; {@code anyOutputs}: it sets outputs
     * its metadata does not list.
     */
    public record Action(String uses, Set<String> inputs, boolean anyInputs, List<String> required,
                         Map<String, String> deprecated, Set<String> outputs, boolean anyOutputs, String source) {
        /** The declared input named {@code name}, ignoring case as GitHub does; null when none. */
        public String input(String name) {
            return inputs.stream().filter(i -> i.equalsIgnoreCase(name)).findFirst().orElse(null);
        }
    }

    /** A version that GitHub fails since {@code fails} (with {@code use} instead), or one on a retired Node. */
    public record Outdated(String uses, String fails, String use, String source) {}

    private final Map<String, Action> actions = new LinkedHashMap<>();
    private final Map<String, Outdated> outdated = new LinkedHashMap<>();
    private final Set<String> names = new LinkedHashSet<>();

    Actions(JsonNode tree) {
        for (JsonNode n : tree.path("actions")) {
            Map<String, String> deprecated = new LinkedHashMap<>();
            n.path("deprecated").fields().forEachRemaining(f -> deprecated.put(f.getKey(), f.getValue().asText()));
            Action a = new Action(n.path("uses").asText(), strings(n.path("inputs")), n.path("any-inputs").asBoolean(false),
                    List.copyOf(strings(n.path("required"))), Map.copyOf(deprecated), strings(n.path("outputs")),
                    n.path("any-outputs").asBoolean(false), n.path("source").asText());
            actions.put(key(a.uses()), a);
            names.add(name(a.uses()));
        }
        for (JsonNode n : tree.path("outdated")) {
            Outdated o = new Outdated(n.path("uses").asText(), n.path("fails").asText(null), n.path("use").asText(null),
                    n.path("source").asText());
            outdated.put(key(o.uses()), o);
            names.add(name(o.uses()));
        }
        for (JsonNode n : tree.path("names")) {
            names.add(n.path("name").asText());
        }
    }

    private static Set<String> strings(JsonNode list) {
        Set<String> out = new LinkedHashSet<>();
        list.forEach(v -> out.add(v.asText()));
        return Set.copyOf(out);
    }

    private static String key(String uses) {
        return uses.toLowerCase(Locale.ROOT);
    }

    private static String name(String uses) {
        int at = uses.indexOf('@');
        return at < 0 ? uses : uses.substring(0, at);
    }

    /** The metadata of {@code owner/repo[/path]@ref} (owner and name ignoring case), if that version is known. */
    public Optional<Action> action(String action, String ref) {
        return Optional.ofNullable(actions.get(key(action + "@" + ref)));
    }

    /** Whether {@code uses} names an outdated version, and how. */
    public Optional<Outdated> outdated(String action, String ref) {
        return Optional.ofNullable(outdated.get(key(action + "@" + ref)));
    }

    /** Every known action name ({@code owner/repo[/path]}), as written in the knowledge base. */
    public List<String> names() {
        return new ArrayList<>(names);
    }

    /** Whether the action name is known, ignoring case. */
    public boolean knows(String action) {
        return names.stream().anyMatch(n -> n.equalsIgnoreCase(action));
    }
}
