package dev.vlint.workflow;

import dev.vlint.source.MappedText;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;

/**
 * What a {@code uses:} names: {@code owner/repo[/path]@ref}, a local {@code ./path}, or
 * {@code docker://image}. {@code ref} and {@code refRange} are null when there is no {@code @ref}.
 */
public record ActionRef(String action, String ref, TextRange actionRange, TextRange refRange) {
    public boolean isLocal() {
        return action.startsWith("./");
    }

    public boolean isDocker() {
        return action.startsWith("docker://");
    }

    /** Reads a {@code uses:} scalar; null when the node is not a scalar. */
    public static ActionRef of(SourceFile file, YamlNode uses) {
        MappedText text = YamlScalars.mappedText(file, uses);
        if (text == null) {
            return null;
        }
        String value = text.text();
        int at = value.startsWith("docker://") ? -1 : value.lastIndexOf('@');
        if (at < 0) {
            return new ActionRef(value, null, text.fileRange(0, value.length()), null);
        }
        return new ActionRef(value.substring(0, at), value.substring(at + 1), text.fileRange(0, at),
                text.fileRange(at + 1, value.length()));
    }
}
