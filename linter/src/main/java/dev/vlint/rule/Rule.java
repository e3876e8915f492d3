package dev.vlint.rule;

import dev.vlint.project.Project;
import java.util.List;
import java.util.Optional;

/**
 * A check. Implementations hold no mutable state: the engine calls {@link #check} for every
 * file whose kind is in {@link RuleMeta#kinds()}, possibly from several threads at once. A rule
 * that implements a visitor interface ({@link DockerfileVisitor}, {@link ShellVisitor},
 * {@link WorkflowVisitor}) is also driven through the engine's single walk of each such file,
 * and usually needs no {@code check}.
 */
public interface Rule {
    RuleMeta meta();

    default void check(RuleContext context) {}

    /**
     * For a rule that reports under the ids of another tool's namespace (VL551 reports ShellCheck's
     * {@code SC2086}): the metadata of such an id, written in any case; empty for every other id.
     * Member ids are accepted wherever a rule id is (config, {@code --select}, suppressions).
     */
    default Optional<RuleMeta> member(String id) {
        return Optional.empty();
    }

    /** One-line notes for the user about this rule's run over {@code project} (an external tool that was missing). */
    default List<String> notes(Project project) {
        return List.of();
    }
}
