package dev.vlint.dockerfile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The variables visible to one instruction: ARGs declared in scope and ENVs set so far (an ENV
 * wins over an ARG of the same name, as in BuildKit). Values are those of a build without
 * {@code --build-arg}: ARG defaults, empty for an ARG without default. A platform ARG has a null
 * value (the build decides it); {@link #expand} keeps a reference to it as written. In a stage built on an image from a registry, an
 * undeclared name may still come from that image's ENV ({@code $PATH}), so it is kept as written
 * too; only the platform ARGs are known to be empty there until declared.
 */
public final class Scope {
    private final Map<String, Variable> variables;
    private final char escape;
    private final boolean imageEnvUnknown;

    Scope(Map<String, Variable> variables, char escape, boolean imageEnvUnknown) {
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        this.escape = escape;
        this.imageEnvUnknown = imageEnvUnknown;
    }

    /** Where a variable came from. */
    public enum Kind { ARG, ENV, PLATFORM }

    /** A variable; {@code value} is null when only the build can tell; {@code declaredBy} is null for automatic ones. */
    public record Variable(String name, String value, Kind kind, Instruction declaredBy) {}

    /** Whether the name is declared in this file (ARG, ENV, or an automatic platform ARG where visible). */
    public boolean isDefined(String name) {
        return variables.containsKey(name);
    }

    public Optional<Variable> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /** Whether undeclared names may still be set by the base image's ENV. */
    public boolean imageEnvUnknown() {
        return imageEnvUnknown;
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
            return imageEnvUnknown && !DockerfileParser.PLATFORM_ARGS.contains(name) ? Expander.Value.UNKNOWN
                    : Expander.Value.UNSET;
        }
        return v.value() == null ? Expander.Value.UNKNOWN : Expander.Value.of(v.value());
    }
}
