package dev.vlint.dockerfile;

import dev.vlint.source.SourceFile;
import java.util.List;
import java.util.Optional;

/**
 * A parsed Dockerfile.
 *
 * @param source the file
 * @param directives parser directives found at the top
 * @param instructions all top-level instructions in order (global ARGs included)
 * @param stages the build stages
 * @param escapeChar {@code \} or {@code `}
 * @param globalScope what FROM lines see: global ARGs and the automatic platform ARGs
 */
public record Dockerfile(SourceFile source, List<Directive> directives, List<Instruction> instructions,
        List<Stage> stages, char escapeChar, Scope globalScope) {

    public Dockerfile {
        directives = List.copyOf(directives);
        instructions = List.copyOf(instructions);
        stages = List.copyOf(stages);
    }

    public Optional<Directive> directive(String name) {
        return directives.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** The stage that holds {@code instruction} (its FROM or a later instruction), by identity. */
    public Optional<Stage> stageOf(Instruction instruction) {
        for (Stage stage : stages) {
            if (stage.from() == instruction || stage.instructions().stream().anyMatch(i -> i == instruction)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }

    /** The stage named {@code name} (case-insensitive), if any. */
    public Optional<Stage> stage(String name) {
        return stages.stream().filter(s -> s.name() != null && s.name().equalsIgnoreCase(name)).findFirst();
    }
}
