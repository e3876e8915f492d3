package dev.vlint.dockerfile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The variables visible to one instruction: ARGs declared in scope and ENVs set so far (an ENV
 * wins over an ARG of the same name, as in BuildKit). A variable whose value cannot be known
 * before the build (an ARG without default, a platform ARG) has a null value; {@link #expand}
 * then keeps its reference as written.
 */
public final class Scope {
    private final Map<String, Variable> variables;
    private final char escape;

    Scope(Map<String, Variable> variables, char escape) {
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        this.escape = escape;
    }

    /** Where a variable came from. */
    public enum Kind { ARG, ENV, PLATFORM }

    /** A variable; {@code value} is null when only the build can tell; {@code declaredBy} is null for automatic ones. */
    public record Variable(String name, String value, Kind kind, Instruction declaredBy) {}

    public boolean isDefined(String name) {
        return variables.containsKey(name);
    }

    public Optional<Variable> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    public Map<String, Variable> variables() {
        return variables;
    }

    /** Expands {@code $v}, {@code ${v}} and the {@code ${v:-w}} family, removing quotes like BuildKit's word processing. */
    public String expand(String word) {
        return Expander.expand(word, this::lookup, escape);
    }

    private Expander.Value lookup(String name) {
        Variable v = variables.get(name);
        if (v == null) {
            return Expander.Value.UNSET;
        }
        return v.value() == null ? Expander.Value.UNKNOWN : Expander.Value.of(v.value());
    }
}
