package dev.vlint.shell;

import dev.vlint.shell.WordPart.Literal;
import dev.vlint.source.TextRange;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code NAME=value} (or {@code NAME+=value} when {@code append}); range covers the whole word. */
public record Assignment(String name, Word value, boolean append, TextRange range) {
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(\\+?)=");

    /** Reads {@code word} as an assignment, or returns null when it has no unquoted {@code NAME=} prefix. */
    public static Assignment parse(Word word) {
        if (word.parts().isEmpty() || !(word.parts().get(0) instanceof Literal literal)) {
            return null;
        }
        Matcher m = PREFIX.matcher(literal.text());
        if (!m.lookingAt()) {
            return null;
        }
        return new Assignment(m.group(1), word.dropPrefix(m.end()), !m.group(2).isEmpty(), word.range());
    }
}
