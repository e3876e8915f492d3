package dev.vlint.rule;

import dev.vlint.shell.ShellSnippets.Snippet;
import dev.vlint.shell.SimpleCommand;
import java.util.Set;

/**
 * A rule about shell, driven by the engine's one walk of every shell snippet of a file: Dockerfile
 * RUN commands and heredocs, workflow {@code run:} steps and whole scripts alike.
 */
public interface ShellVisitor {
    /**
     * Names of the commands to visit, as they run once wrappers are peeled off
     * ({@link SimpleCommand#effective()}: {@code sudo apt-get} is {@code apt-get}); empty for all.
     */
    default Set<String> commandNames() {
        return Set.of();
    }

    /** A snippet, before its commands. */
    default void snippet(Snippet snippet, RuleContext context) {}

    /** One simple command of {@code snippet}, in source order, nested ones included. */
    default void command(SimpleCommand command, Snippet snippet, RuleContext context) {}

    /** The end of {@code snippet}, after its commands: where a rule judges the snippet as a whole. */
    default void endSnippet(Snippet snippet, RuleContext context) {}

    /**
     * Whether to visit the shell of Dockerfile {@code ONBUILD RUN} triggers too, after the file's
     * other snippets ({@link Snippet#onbuildTrigger()} tells them apart). They run in the builds
     * of images built on this one, so by default they are not visited.
     */
    default boolean visitsOnbuildTriggers() {
        return false;
    }
}
