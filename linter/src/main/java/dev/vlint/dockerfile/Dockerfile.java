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
        // Stages are in file order: the candidate is the last one whose FROM starts at or before it.
        int low = 0;
        int high = stages.size() - 1;
        int start = instruction.range().start();
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (stages.get(middle).from().range().start() <= start) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return high >= 0 && stages.get(high).holds(instruction) ? Optional.of(stages.get(high)) : Optional.empty();
    }

    /** The stage named {@code name} (case-insensitive), if any. */
    public Optional<Stage> stage(String name) {
        return stages.stream().filter(s -> s.name() != null && s.name().equalsIgnoreCase(name)).findFirst();
    }
}
