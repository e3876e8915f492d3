package dev.vlint.engine;

import dev.vlint.project.FileKind;
import dev.vlint.project.ProjectFile;

/**
 * Walks one kind of file once and hands each node to the rules that asked for it, so that a
 * hundred rules cost one walk, not a hundred. A rule takes part by implementing the walker's
 * visitor interface; the engine gathers, per file, the enabled rules that do and calls
 * {@link #walk} once with all of them.
 *
 * @param <V> the visitor interface rules implement
 */
public interface Walker<V> {
    Class<V> visitorType();

    boolean walks(FileKind kind);

    void walk(ProjectFile file, Visitors<V> visitors);
}
