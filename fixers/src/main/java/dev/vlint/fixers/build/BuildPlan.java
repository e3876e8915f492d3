package dev.vlint.fixers.build;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code vlint build} will run.
 *
 * @param commands the docker commands in order, each starting with the executable as the user wrote it
 * @param cleanup commands run after {@code commands} whatever their outcome: removing what the build
 *     itself created (its own builder)
 * @param dockerfile the Dockerfile the user's build would use, or null when it cannot be read (remote or stdin)
 * @param patchedCopy the copy with the safe fixes that the commands build from, or null when the
 *     build uses the original (nothing to fix, or nothing that can be patched)
 * @param diff the unified diff from the original to the copy; empty when there is no copy
 */
public record BuildPlan(List<List<String>> commands, List<List<String>> cleanup, Path dockerfile, Path patchedCopy,
        String diff) {
    public BuildPlan {
        commands = commands.stream().map(List::copyOf).toList();
        cleanup = cleanup.stream().map(List::copyOf).toList();
    }
}
