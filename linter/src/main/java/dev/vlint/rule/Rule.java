package dev.vlint.rule;

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
}
