package dev.vlint.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The variable assignments of a script in source order, so a rule can resolve {@code $X} as
 * it stands at a given command: the last assignment before that point wins.
 */
public final class ShellVariables {
    private final List<Assignment> assignments;

    private ShellVariables(List<Assignment> assignments) {
        this.assignments = List.copyOf(assignments);
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
        Assignment last = null;
        for (Assignment assignment : assignments) {
            if (assignment.name().equals(name) && assignment.range().end() <= fileOffset) {
                last = assignment;
            }
        }
        return last;
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
        return name -> {
            Assignment assignment = lastBefore(name, fileOffset);
            if (assignment == null) {
                return outer.apply(name);
            }
            String value = assignment.value().value(resolverAt(assignment.range().start(), outer));
            if (value == null || !assignment.append()) {
                return value;
            }
            String before = resolverAt(assignment.range().start(), outer).apply(name);
            return before == null ? null : before + value;
        };
    }
}
