package dev.vlint.bake;

import dev.vlint.source.TextRange;
import java.util.List;

/**
 * An attribute value of a bake file. STRING: {@code text} is the string with simple escapes
 * decoded and {@code ${...}} interpolations kept as written, {@code range} is the text between
 * the quotes (the body of a heredoc). LIST and MAP hold their items and entries. EXPRESSION is
 * anything else (a number, {@code true}, a variable, a function call) with {@code text} as written.
 */
public record BakeValue(Kind kind, String text, TextRange range, List<BakeValue> items, List<BakeAttribute> entries) {
    public enum Kind { STRING, LIST, MAP, EXPRESSION }

    public BakeValue {
        items = List.copyOf(items);
        entries = List.copyOf(entries);
    }

    static BakeValue string(String text, TextRange range) {
        return new BakeValue(Kind.STRING, text, range, List.of(), List.of());
    }

    static BakeValue expression(String text, TextRange range) {
        return new BakeValue(Kind.EXPRESSION, text, range, List.of(), List.of());
    }

    static BakeValue list(TextRange range, List<BakeValue> items) {
        return new BakeValue(Kind.LIST, null, range, items, List.of());
    }

    static BakeValue map(TextRange range, List<BakeAttribute> entries) {
        return new BakeValue(Kind.MAP, null, range, List.of(), entries);
    }

    /** True for a string without {@code ${...}} or {@code %{...}}. */
    public boolean isLiteral() {
        return kind == Kind.STRING && !text.contains("${") && !text.contains("%{");
    }

    /** The string items of a list (or the string itself), as written. */
    public List<String> strings() {
        if (kind == Kind.STRING) {
            return List.of(text);
        }
        return items.stream().filter(v -> v.kind() == Kind.STRING).map(BakeValue::text).toList();
    }

    /** The entry of a map, or null. */
    public BakeAttribute entry(String name) {
        BakeAttribute found = null;
        for (BakeAttribute e : entries) {
            if (e.name().equals(name)) {
                found = e;
            }
        }
        return found;
    }
}
