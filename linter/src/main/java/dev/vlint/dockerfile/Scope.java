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
    /** The ARGs of the stage (or the global ones), and the ENVs, which win over ARGs of the same name. */
    private final VariableMap args;
    private final VariableMap env;
    private final char escape;
    private final boolean imageEnvUnknown;

    /** Shares the maps, which never change: every instruction keeps its scope at no copying cost. */
    Scope(VariableMap args, VariableMap env, char escape, boolean imageEnvUnknown) {
        this.args = args;
        this.env = env;
        this.escape = escape;
        this.imageEnvUnknown = imageEnvUnknown;
    }

    /** Where a variable came from. */
    public enum Kind { ARG, ENV, PLATFORM }

    /** A variable; {@code value} is null when only the build can tell; {@code declaredBy} is null for automatic ones. */
    public record Variable(String name, String value, Kind kind, Instruction declaredBy) {}

    /** Whether the name is declared in this file (ARG, ENV, or an automatic platform ARG where visible). */
    public boolean isDefined(String name) {
        return get(name) != null;
    }

    public Optional<Variable> variable(String name) {
        return Optional.ofNullable(get(name));
    }

    /** Whether an {@code ARG name} of this stage (or, in the global scope, a global ARG) is declared here. */
    public boolean declaresArg(String name) {
        Variable v = args.get(name);
        return v != null && v.kind() == Kind.ARG;
    }

    /** The ENV variables only, for a stage built on this one. */
    VariableMap envMap() {
        return env;
    }

    /** The ARG variables only. */
    VariableMap argMap() {
        return args;
    }

    private Variable get(String name) {
        Variable set = env.get(name);
        return set != null ? set : args.get(name);
    }

    /** Whether undeclared names may still be set by the base image's ENV. */
    public boolean imageEnvUnknown() {
        return imageEnvUnknown;
    }

    /** Every visible variable, ARGs first, in the order declared (built on each call: for tests and tools). */
    public Map<String, Variable> variables() {
        Map<String, Variable> all = new LinkedHashMap<>(args.toMap());
        all.putAll(env.toMap());
        return Collections.unmodifiableMap(all);
    }

    /** Expands {@code $v}, {@code ${v}} and the {@code ${v:-w}} family, removing quotes like BuildKit's word processing. */
    public String expand(String word) {
        return Expander.expand(word, this::lookup, escape);
    }

    private Expander.Value lookup(String name) {
        Variable v = get(name);
        if (v == null) {
            return imageEnvUnknown && !DockerfileParser.PLATFORM_ARGS.contains(name) ? Expander.Value.UNKNOWN
                    : Expander.Value.UNSET;
        }
        return v.value() == null ? Expander.Value.UNKNOWN : Expander.Value.of(v.value());
    }
}
