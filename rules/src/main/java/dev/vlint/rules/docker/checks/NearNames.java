package dev.vlint.rules.docker.checks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Declared names for BuildKit's "did you mean", in layers: a stage's own names over its base
 * stage's, shared uncopied. A name within edit distance 2 differs in length by 2 at most, so a
 * lookup reads only names of near length, and at most {@link #MAX_COMPARED} names in
 * {@link #MAX_LAYERS} layers, which keeps a check linear in a file of thousands of ARGs or stages.
 */
final class NearNames {
    private static final int MAX_COMPARED = 256;
    private static final int MAX_LAYERS = 64;
    private final NearNames parent;
    private final Set<String> names = new HashSet<>();
    private final Map<Integer, List<String>> byLength = new HashMap<>();

    /** @param parent the names this layer extends, or null */
    NearNames(NearNames parent) {
        this.parent = parent;
    }

    /** One layer of {@code names}. */
    static NearNames of(Collection<String> names) {
        NearNames layer = new NearNames(null);
        names.forEach(layer::add);
        return layer;
    }

    void add(String name) {
        if (names.add(name)) {
            byLength.computeIfAbsent(name.length(), length -> new ArrayList<>()).add(name);
        }
    }

    /** The name nearest to {@code name} by edit distance, under 3 (ties: the first by name); null if none or if it is there. */
    String suggest(String name) {
        String best = null;
        int bestDistance = 3;
        int compared = 0;
        NearNames layer = this;
        for (int depth = 0; layer != null && depth < MAX_LAYERS; depth++, layer = layer.parent) {
            if (layer.names.contains(name)) {
                return null;
            }
            for (int length = Math.max(0, name.length() - 2); length <= name.length() + 2; length++) {
                for (String option : layer.byLength.getOrDefault(length, List.of())) {
                    if (compared++ == MAX_COMPARED) {
                        return best;
                    }
                    int d = Checks.distance(name, option);
                    if (d < bestDistance || d == bestDistance && best != null && option.compareTo(best) < 0) {
                        best = option;
                        bestDistance = d;
                    }
                }
            }
        }
        return best;
    }
}
