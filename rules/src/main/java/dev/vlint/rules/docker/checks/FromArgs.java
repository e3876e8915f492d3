package dev.vlint.rules.docker.checks;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.Expander;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Word;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The variables FROM lines see in a build without {@code --build-arg}, as BuildKit computes them
 * ({@code buildMetaArgs} over {@code defaultArgs}): the automatic platform arguments, then the
 * global ARGs in order. A global ARG without a default is declared but not set.
 */
final class FromArgs {
    /** BuildKit's automatic arguments ({@code dockerfile2llb/platform.go defaultArgs}), for an amd64 Linux build. */
    static final Map<String, String> AUTOMATIC = Map.ofEntries(Map.entry("BUILDPLATFORM", "linux/amd64"),
            Map.entry("BUILDOS", "linux"), Map.entry("BUILDOSVERSION", ""), Map.entry("BUILDARCH", "amd64"),
            Map.entry("BUILDVARIANT", ""), Map.entry("TARGETPLATFORM", "linux/amd64"), Map.entry("TARGETOS", "linux"),
            Map.entry("TARGETOSVERSION", ""), Map.entry("TARGETARCH", "amd64"), Map.entry("TARGETVARIANT", ""),
            Map.entry("TARGETSTAGE", "default"));

    private final Map<String, String> values;
    private final Set<String> declared;
    private final char escape;

    private FromArgs(Map<String, String> values, Set<String> declared, char escape) {
        this.values = values;
        this.declared = declared;
        this.escape = escape;
    }

    static FromArgs of(Dockerfile dockerfile) {
        Map<String, String> values = new HashMap<>(AUTOMATIC);
        Set<String> declared = new java.util.HashSet<>(AUTOMATIC.keySet());
        FromArgs args = new FromArgs(values, declared, dockerfile.escapeChar());
        for (Instruction ins : dockerfile.instructions()) {
            if (ins.is("FROM")) {
                break;
            }
            if (ins.is("ARG")) {
                for (Word w : ins.args()) {
                    int eq = w.text().indexOf('=');
                    String name = eq < 0 ? w.text() : w.text().substring(0, eq);
                    declared.add(name);
                    if (eq >= 0) {
                        values.put(name, args.expand(w.text().substring(eq + 1)));
                    }
                }
            }
        }
        return args;
    }

    /** The word expanded as BuildKit expands a FROM word (quotes removed). */
    String expand(String word) {
        return Expander.expand(word, name -> values.containsKey(name) ? Expander.Value.of(values.get(name))
                : Expander.Value.UNSET, escape);
    }

    boolean isDeclared(String name) {
        return declared.contains(name);
    }

    String value(String name) {
        return values.get(name);
    }

    Set<String> declaredNames() {
        return Collections.unmodifiableSet(declared);
    }
}
