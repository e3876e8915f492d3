package dev.vlint.dockerfile;

import dev.vlint.source.MappedText;
import dev.vlint.source.TextRange;
import java.util.Optional;

/**
 * A builder flag such as {@code --mount=type=cache,target=/root/.cache}. {@code word} is the flag
 * with quotes and escapes processed (what BuildKit keeps), every character mapped to the file;
 * it always starts with {@code --}.
 */
public record Flag(MappedText word, TextRange range) {

    /** The flag as BuildKit stores it, e.g. {@code --from=build}. */
    public String text() {
        return word.text();
    }

    /** The name without leading dashes, e.g. {@code mount}. */
    public String name() {
        String t = word.text();
        int eq = t.indexOf('=');
        return t.substring(2, eq < 0 ? t.length() : eq);
    }

    public TextRange nameRange() {
        int eq = word.text().indexOf('=');
        return word.fileRange(2, eq < 0 ? word.length() : eq);
    }

    /** The value after the first {@code =}; empty when the flag has none ({@code --link}). */
    public Optional<String> value() {
        int eq = word.text().indexOf('=');
        return eq < 0 ? Optional.empty() : Optional.of(word.text().substring(eq + 1));
    }

    /** File range of the value (empty range right after {@code =} for {@code --x=}); empty when no {@code =}. */
    public Optional<TextRange> valueRange() {
        int eq = word.text().indexOf('=');
        return eq < 0 ? Optional.empty() : Optional.of(valueText().fileRange(0, valueText().length()));
    }

    /** The value with its file mapping, for parsers of structured values like {@code --mount}. */
    public MappedText valueText() {
        int eq = word.text().indexOf('=');
        return Texts.sub(word, eq < 0 ? word.length() : eq + 1, word.length());
    }
}
