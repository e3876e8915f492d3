package dev.vlint.workflow;

import dev.vlint.source.TextRange;
import java.util.List;

/**
 * A comment that reads like a disabled mapping entry, e.g. {@code #   FREE_DISK_SPACE: true}
 * under {@code env:}; rules treat such lines as configuration someone turned off.
 * {@code path} is the key path of the mapping the entry would belong to (e.g.
 * {@code [jobs, build, env]}), judged from indentation; empty at the top level.
 */
public record CommentedOutEntry(String key, String value, TextRange keyRange, TextRange valueRange,
        YamlComment comment, List<String> path) {
    public CommentedOutEntry {
        path = List.copyOf(path);
    }
}
