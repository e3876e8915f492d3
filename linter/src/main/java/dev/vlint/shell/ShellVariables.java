package dev.vlint.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The variable assignments of a script in source order, so a rule can resolve {@code $X} as
 * it stands at a given command: the last assignment before that point wins.
 */
public final class ShellVariables {
    private final List<Assignment> assignments;
    /** Per name, the assignments ordered by where they end, for a binary search in {@link #lastBefore}. */
    private final Map<String, List<Assignment>> byName = new HashMap<>();

    private ShellVariables(List<Assignment> assignments) {
        this.assignments = List.copyOf(assignments);
        for (Assignment assignment : this.assignments) {
            byName.computeIfAbsent(assignment.name(), k -> new ArrayList<>()).add(assignment);
        }
        byName.values().forEach(list -> list.sort(Comparator.comparingInt(a -> a.range().end())));
    }

    /** Collects {@link SimpleCommand#variableAssignments()} of every command in the script. */
    public static ShellVariables of(ShellScript script) {
        List<Assignment> found = new ArrayList<>();
        for (SimpleCommand command : script.commands()) {
            found.addAll(command.variableAssignments());
        }
        return new ShellVariables(found);
    }

    public List<Assignment> assignments() {
        return assignments;
    }

    /** The last assignment to {@code name} that ends at or before {@code fileOffset}, or null. */
    public Assignment lastBefore(String name, int fileOffset) {
        List<Assignment> candidates = byName.get(name);
        if (candidates == null) {
            return null;
        }
        int lo = 0;
        int hi = candidates.size(); // first index whose assignment ends after fileOffset
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (candidates.get(mid).range().end() <= fileOffset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo == 0 ? null : candidates.get(lo - 1);
    }

    /** A resolver for {@link Word#value} at {@code command}; unknown names resolve to null. */
    public Function<String, String> resolverAt(SimpleCommand command) {
        return resolverAt(command.range().start(), name -> null);
    }

    /**
     * A resolver for {@link Word#value} at {@code fileOffset}. Names this script never assigned
     * before that point go to {@code outer} (e.g. Dockerfile ARG/ENV values).
     */
    public Function<String, String> resolverAt(int fileOffset, Function<String, String> outer) {
        Map<Assignment, Optional<String>> cache = new HashMap<>(); // X=$X$X chains stay linear
        return name -> lookup(name, fileOffset, outer, cache);
    }

    private String lookup(String name, int fileOffset, Function<String, String> outer,
            Map<Assignment, Optional<String>> cache) {
        Assignment assignment = lastBefore(name, fileOffset);
        if (assignment == null) {
            return outer.apply(name);
        }
        Optional<String> known = cache.get(assignment);
        if (known == null) {
            int at = assignment.range().start();
            String value = assignment.value().value(n -> lookup(n, at, outer, cache));
            if (value != null && assignment.append()) {
                String before = lookup(name, at, outer, cache);
                value = before == null ? null : before + value;
            }
            known = Optional.ofNullable(value);
            cache.put(assignment, known);
        }
        return known.orElse(null);
    }
}
