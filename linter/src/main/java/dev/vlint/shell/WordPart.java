package dev.vlint.shell;

import dev.vlint.source.TextRange;
import java.util.List;

/** One piece of a {@link Word}; every part knows its range in the original file. */
public sealed interface WordPart {
    TextRange range();

    /** Unquoted text, glob characters included ({@code *.whl} stays literal). */
    record Literal(String text, TextRange range) implements WordPart {}

    /** A backslash escape outside single quotes; {@code ch} is the escaped character. */
    record Escaped(char ch, TextRange range) implements WordPart {}

    /** {@code '...'} or {@code $'...'}; {@code text} is the content without quotes. */
    record SingleQuoted(String text, TextRange range) implements WordPart {}

    /** {@code "..."}; the parts inside may hold expansions. */
    record DoubleQuoted(List<WordPart> parts, TextRange range) implements WordPart {
        public DoubleQuoted {
            parts = List.copyOf(parts);
        }
    }

    /**
     * {@code $NAME}, {@code $1}, {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${#NAME}}.
     * {@code operation} is the raw text between the name and the closing brace (empty if none);
     * {@code length} is true for {@code ${#NAME}}.
     */
    record Parameter(String name, String operation, boolean length, TextRange range) implements WordPart {}

    /** {@code $(...)}, {@code `...`} or a process substitution {@code <(...)}; body is parsed. */
    record CommandSubstitution(List<Command> body, TextRange range) implements WordPart {
        public CommandSubstitution {
            body = List.copyOf(body);
        }
    }

    /** {@code $((...))}; the expression is kept as text. */
    record Arithmetic(String expression, TextRange range) implements WordPart {}
}
