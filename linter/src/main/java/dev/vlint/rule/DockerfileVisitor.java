package dev.vlint.rule;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import java.util.Set;

/**
 * A Dockerfile rule driven by the engine's one walk of the file: it is told of the file, then of
 * each instruction in file order (only those whose keyword it asks for), then of the end.
 */
public interface DockerfileVisitor {
    /** Upper-case keywords ({@code RUN}, {@code FROM}) of the instructions to visit; empty for all. */
    default Set<String> keywords() {
        return Set.of();
    }

    /**
     * Whether to visit the instruction inside an {@code ONBUILD} too. BuildKit's checks run only
     * when a child image builds the trigger, so its rules say no; hadolint's rules say yes.
     */
    default boolean visitsTriggers() {
        return true;
    }

    default void startFile(Dockerfile dockerfile, RuleContext context) {}

    /**
     * One instruction. An {@code ONBUILD}'s trigger is visited right after it, with the trigger's
     * keyword, unless {@link #visitsTriggers()} says no.
     *
     * @param stage the stage it belongs to (its FROM included); null before the first FROM
     */
    default void instruction(Instruction instruction, Stage stage, RuleContext context) {}

    default void endFile(Dockerfile dockerfile, RuleContext context) {}
}
