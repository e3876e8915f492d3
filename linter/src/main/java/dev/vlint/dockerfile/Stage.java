package dev.vlint.dockerfile;

import java.util.List;

/**
 * A build stage: its FROM and the instructions up to the next FROM.
 *
 * @param index 0-based stage number
 * @param name the {@code AS} name, lower-cased as BuildKit does; null when unnamed
 * @param from the FROM instruction
 * @param instructions the instructions after FROM, in order
 * @param baseImage the image argument of FROM as written
 * @param expandedBaseImage the image after expanding global ARGs (unknown values kept as written)
 * @param baseStage index of the earlier stage this one builds on ({@code FROM build}), or -1
 * @param scopes the variables visible to each of {@code instructions} (same order), before it runs
 * @param endScope the variables at the end of the stage
 */
public record Stage(int index, String name, Instruction from, List<Instruction> instructions, String baseImage,
        String expandedBaseImage, int baseStage, List<Scope> scopes, Scope endScope) {

    public Stage {
        instructions = List.copyOf(instructions);
        scopes = List.copyOf(scopes);
    }

    /** Variables visible to {@code instruction} (one of this stage's, by identity) before it runs. */
    public Scope scopeAt(Instruction instruction) {
        int i = indexOf(instruction);
        return i < 0 ? endScope : scopes.get(i);
    }

    /**
     * Whether {@code name} is declared where {@code instruction} runs: by an ARG or ENV of this stage
     * before it, or of a stage this one is built on (stages inherit their parent's ARGs and ENVs).
     */
    public boolean isArgDeclaredBefore(String name, Instruction instruction) {
        return scopeAt(instruction).isDefined(name);
    }

    /** Binary search by start offset (instructions are in file order), then an identity check. */
    private int indexOf(Instruction instruction) {
        int low = 0;
        int high = instructions.size() - 1;
        int start = instruction.range().start();
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int middleStart = instructions.get(middle).range().start();
            if (middleStart < start) {
                low = middle + 1;
            } else if (middleStart > start) {
                high = middle - 1;
            } else {
                return instructions.get(middle) == instruction ? middle : -1;
            }
        }
        return -1;
    }

    /** Whether {@code instruction} is this stage's FROM or one of its instructions, by identity. */
    public boolean holds(Instruction instruction) {
        return from == instruction || indexOf(instruction) >= 0;
    }
}
