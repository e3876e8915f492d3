package dev.vlint.rule;

/**
 * A check. Implementations hold no mutable state: the engine calls {@link #check} for every
 * file whose kind is in {@link RuleMeta#kinds()}, possibly from several threads at once.
 */
public interface Rule {
    RuleMeta meta();

    void check(RuleContext context);
}
