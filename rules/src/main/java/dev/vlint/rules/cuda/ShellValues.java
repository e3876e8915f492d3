package dev.vlint.rules.cuda;

import dev.vlint.shell.Assignment;
import dev.vlint.shell.ShellVariables;
import dev.vlint.shell.Word;
import dev.vlint.shell.WordPart;
import dev.vlint.source.TextRange;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Reads shell words into {@link ValueText}: quotes removed, {@code $NAME} taken from the script's
 * own earlier assignment or else from {@code outer} (Dockerfile ARG/ENV, workflow env), so every
 * character still points at the place it was written.
 */
final class ShellValues {
    private static final int MAX_DEPTH = 8;

    /** The value of a variable not assigned in the script, given the reference's range; null if unknown. */
    private final BiFunction<String, TextRange, ValueText> outer;
    private final ShellVariables variables;

    ShellValues(ShellVariables variables, BiFunction<String, TextRange, ValueText> outer) {
        this.variables = variables;
        this.outer = outer;
    }

    /** The value of {@code word}; null when part of it cannot be known (command substitution, unknown variable). */
    ValueText read(Word word) {
        return read(word.parts(), word.range().start(), 0);
    }

    private ValueText read(List<WordPart> parts, int offset, int depth) {
        ValueText.Builder out = new ValueText.Builder();
        for (WordPart part : parts) {
            ValueText value = part(part, offset, depth);
            if (value == null) {
                return null;
            }
            out.append(value);
        }
        return out.build();
    }

    private ValueText part(WordPart part, int offset, int depth) {
        TextRange r = part.range();
        if (part instanceof WordPart.Literal literal) {
            return ValueText.at(literal.text(), r);
        } else if (part instanceof WordPart.Escaped escaped) {
            return ValueText.at(String.valueOf(escaped.ch()), r);
        } else if (part instanceof WordPart.SingleQuoted quoted) {
            return ValueText.at(quoted.text(), r.end() - r.start() == quoted.text().length() + 2
                    ? new TextRange(r.start() + 1, r.end() - 1) : r);
        } else if (part instanceof WordPart.DoubleQuoted quoted) {
            return read(quoted.parts(), offset, depth);
        } else if (part instanceof WordPart.Parameter parameter && !parameter.length()) {
            return parameter(parameter, offset, depth);
        }
        return null;
    }

    private ValueText parameter(WordPart.Parameter p, int offset, int depth) {
        ValueText value = variable(p.name(), p.range(), offset, depth);
        String op = p.operation();
        if (op.isEmpty()) {
            return value;
        }
        boolean colon = op.startsWith(":");
        String body = op.substring(colon ? 1 : 0);
        if (body.isEmpty() || "-=+".indexOf(body.charAt(0)) < 0) {
            return null;
        }
        String word = body.substring(1);
        boolean missing = value == null || (colon && value.length() == 0);
        if (body.charAt(0) == '+') {
            return missing ? ValueText.at("", p.range()) : ValueText.at(word, p.range());
        }
        return missing ? ValueText.at(word, p.range()) : value;
    }

    private ValueText variable(String name, TextRange reference, int offset, int depth) {
        Assignment assignment = variables.lastBefore(name, offset);
        if (assignment == null) {
            return outer.apply(name, reference);
        }
        if (depth >= MAX_DEPTH) {
            return null;
        }
        return read(assignment.value().parts(), assignment.range().start(), depth + 1);
    }
}
