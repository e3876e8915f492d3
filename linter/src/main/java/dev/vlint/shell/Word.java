package dev.vlint.shell;

import dev.vlint.shell.WordPart.Arithmetic;
import dev.vlint.shell.WordPart.CommandSubstitution;
import dev.vlint.shell.WordPart.DoubleQuoted;
import dev.vlint.shell.WordPart.Escaped;
import dev.vlint.shell.WordPart.Literal;
import dev.vlint.shell.WordPart.Parameter;
import dev.vlint.shell.WordPart.SingleQuoted;
import dev.vlint.source.MappedText;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One shell word (a command name, an argument, an assignment value) and its parts. */
public final class Word {
    private final MappedText source;
    private final int start; // logical offsets into source
    private final int end;
    private final List<WordPart> parts;
    private final TextRange range;
    /** literalValue() once computed: a String, or NOT_LITERAL. Racy but safe: Strings are immutable. */
    private Object literal;
    private static final Object NOT_LITERAL = new Object();

    Word(MappedText source, int start, int end, List<WordPart> parts) {
        this.source = source;
        this.start = start;
        this.end = end;
        this.parts = List.copyOf(parts);
        this.range = source.fileRange(start, end);
    }

    public List<WordPart> parts() {
        return parts;
    }

    /** Where the word stands in the original file. */
    public TextRange range() {
        return range;
    }

    /** The word as written (quotes and escapes included), in logical text. */
    public String raw() {
        return source.text().substring(start, end);
    }

    /** True if any part is a parameter, command or arithmetic expansion. */
    public boolean hasExpansion() {
        return hasExpansion(parts);
    }

    /** The value after quote removal, or null if the word contains an expansion. */
    public String literalValue() {
        Object value = literal;
        if (value == null) {
            String text = hasExpansion() ? null : value(name -> null);
            value = text == null ? NOT_LITERAL : text;
            literal = value;
        }
        return value == NOT_LITERAL ? null : (String) value;
    }

    /**
     * The value after quote removal, with parameters looked up through {@code vars} (which
     * returns null for unknown names). Null when something cannot be resolved: an unknown
     * variable without a default, a command substitution, arithmetic, or a pattern operation
     * such as {@code ${X%.*}}. Defaults ({@code ${X:-text}}) are taken as literal text.
     */
    public String value(Function<String, String> vars) {
        return render(parts, vars);
    }

    /** The value of the leading parts that contain no expansion (e.g. {@code "--opt="} of {@code --opt=$X}). */
    public String leadingLiteral() {
        StringBuilder out = new StringBuilder();
        for (WordPart part : parts) {
            String value = staticValue(part);
            if (value == null) {
                break;
            }
            out.append(value);
        }
        return out.toString();
    }

    /**
     * The rest of this word after the first {@code n} characters of its value (which must lie in
     * {@link #leadingLiteral()}). Exact when those characters are unquoted; otherwise (a quoted
     * option name) the result keeps this word's range and raw text but drops them from its value.
     */
    Word dropPrefix(int n) {
        if (!parts.isEmpty() && parts.get(0) instanceof Literal first && first.text().length() >= n) {
            List<WordPart> rest = new ArrayList<>();
            int len = first.text().length();
            if (len > n) {
                rest.add(new Literal(first.text().substring(n), source.fileRange(start + n, start + len)));
            }
            rest.addAll(parts.subList(1, parts.size()));
            return new Word(source, start + n, end, rest);
        }
        List<WordPart> rest = new ArrayList<>();
        int remaining = n;
        int i = 0;
        for (; i < parts.size() && remaining > 0; i++) {
            String value = staticValue(parts.get(i));
            if (value == null) {
                break;
            }
            if (value.length() > remaining) {
                rest.add(new Literal(value.substring(remaining), parts.get(i).range()));
            }
            remaining -= Math.min(remaining, value.length());
        }
        rest.addAll(parts.subList(i, parts.size()));
        return new Word(source, start, end, rest);
    }

    private static String staticValue(WordPart part) {
        if (part instanceof DoubleQuoted dq && hasExpansion(dq.parts())) {
            return null;
        }
        return render(List.of(part), name -> null);
    }

    private static boolean hasExpansion(List<WordPart> parts) {
        for (WordPart part : parts) {
            if (part instanceof Parameter || part instanceof CommandSubstitution || part instanceof Arithmetic) {
                return true;
            }
            if (part instanceof DoubleQuoted dq && hasExpansion(dq.parts())) {
                return true;
            }
        }
        return false;
    }

    private static String render(List<WordPart> parts, Function<String, String> vars) {
        if (parts.size() == 1 && parts.get(0) instanceof Literal literal) {
            return literal.text();
        }
        StringBuilder out = new StringBuilder();
        for (WordPart part : parts) {
            String value;
            if (part instanceof Literal literal) {
                value = literal.text();
            } else if (part instanceof Escaped escaped) {
                value = String.valueOf(escaped.ch());
            } else if (part instanceof SingleQuoted quoted) {
                value = quoted.text();
            } else if (part instanceof DoubleQuoted quoted) {
                value = render(quoted.parts(), vars);
            } else if (part instanceof Parameter parameter) {
                value = expand(parameter, vars);
            } else {
                value = null;
            }
            if (value == null) {
                return null;
            }
            out.append(value);
        }
        return out.toString();
    }

    private static String expand(Parameter p, Function<String, String> vars) {
        String v = vars.apply(p.name());
        if (p.length()) {
            return v == null ? null : String.valueOf(v.length());
        }
        String op = p.operation();
        boolean unsetOrEmpty = v == null || v.isEmpty();
        if (op.isEmpty()) {
            return v;
        } else if (op.startsWith(":-") || op.startsWith(":=")) {
            return unsetOrEmpty ? op.substring(2) : v;
        } else if (op.startsWith("-") || op.startsWith("=")) {
            return v == null ? op.substring(1) : v;
        } else if (op.startsWith(":+")) {
            return unsetOrEmpty ? "" : op.substring(2);
        } else if (op.startsWith("+")) {
            return v == null ? "" : op.substring(1);
        }
        return null;
    }

    @Override
    public String toString() {
        return raw();
    }
}
