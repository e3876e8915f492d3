package dev.vlint.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * YAML syntax errors in vlint's words, at one place: the place the user has to change (the
 * opening bracket or quote that is never closed, the line whose indentation is off), not the
 * parser's internals ({@code while parsing a flow sequence in 'reader', line 5, column 14}).
 */
public final class YamlErrors {
    private static final Pattern EXPECTED = Pattern.compile("expected (.+), but (?:got|found) (.+)");
    private static final Pattern CHARACTER = Pattern.compile("found character '(.+)' that cannot start any token.*");

    private YamlErrors() {}

    /**
     * A syntax error.
     *
     * @param offset where it is, in code points from the start of the text (the YAML parser's unit)
     * @param line 1-based
     * @param column 1-based, in code points
     */
    public record Error(int offset, int line, int column, String message) {}

    /** The error behind a failed YAML parse of {@code text}. */
    public static Error describe(JsonProcessingException e, String text) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return describe(marked, text);
        }
        JsonLocation at = e.getLocation();
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        int line = at == null ? 1 : Math.max(1, at.getLineNr());
        int column = at == null ? 1 : Math.max(1, at.getColumnNr());
        int offset = at == null ? 0 : (int) Math.max(0, Math.min(at.getCharOffset(), Integer.MAX_VALUE));
        return new Error(offset, line, column, "invalid YAML: " + message);
    }

    private static Error describe(MarkedYAMLException e, String text) {
        String context = e.getContext() == null ? "" : e.getContext();
        String problem = e.getProblem() == null ? "" : e.getProblem();
        Mark problemMark = e.getProblemMark();
        Mark contextMark = e.getContextMark();
        String opened = contextMark == null ? "" : " at line " + (contextMark.getLine() + 1) + ", column "
                + (contextMark.getColumn() + 1);
        Matcher expected = EXPECTED.matcher(problem);
        Matcher character = CHARACTER.matcher(problem);
        if (context.startsWith("while parsing a flow") && expected.matches() && contextMark != null) {
            // The parser's context may be an implicit entry inside the bracket ("[\n" then the end):
            // the bracket is the innermost one still open where the problem was found.
            int open = unclosedBracket(text, problemMark.getIndex());
            boolean list = open >= 0 ? text.charAt(open) == '[' : context.endsWith("sequence");
            String close = list ? "]" : "}";
            String found = token(expected.group(2));
            String message = "this '" + (list ? "[" : "{") + "' is never closed: expected ',' or '" + close
                    + "' but found " + found + (found.equals("the end of the file") ? "" : " at line "
                    + (problemMark.getLine() + 1) + ", column " + (problemMark.getColumn() + 1));
            return open >= 0 ? atOffset(text, open, message) : at(contextMark, message);
        }
        if (context.contains("quoted scalar") && problem.contains("end of stream") && contextMark != null) {
            char quote = charAt(text, contextMark.getIndex());
            return at(contextMark, "this quoted value is never closed: add the closing " + quote);
        }
        if (context.contains("quoted scalar") && problem.startsWith("found unknown escape character")) {
            return at(problemMark, "unknown escape sequence in a double-quoted value: write \\\\ for a backslash,"
                    + " or use single quotes");
        }
        if (character.matches()) {
            String c = character.group(1);
            return at(problemMark, c.startsWith("\\t") ? "a tab cannot indent YAML or separate a key from its"
                    + " value here; use spaces" : "'" + c + "' cannot start a plain value; quote the value");
        }
        if (problem.equals("mapping values are not allowed here")) {
            return at(problemMark, "unexpected ':' here: quote a value that contains ': ', or check the indentation"
                    + " of this line");
        }
        if (context.equals("while scanning a simple key") && contextMark != null) {
            return at(contextMark, "expected 'key: value' on this line: add ':' after the key, or indent the line"
                    + " to continue the value above");
        }
        if ((context.equals("while parsing a block mapping") || context.equals("while parsing a block collection"))
                && expected.matches()) {
            String what = context.endsWith("mapping") ? "another key of the mapping" : "another item of the list";
            String found = token(expected.group(2));
            return at(problemMark, (found.equals("']'") || found.equals("'}'") ? "this " + found + " closes nothing"
                    : "expected " + what + " that starts" + opened + ", or its end, but found " + found
                    + ": check the indentation of this line"));
        }
        if (expected.matches()) {
            return at(problemMark, "expected " + expected.group(1).replace("<block end>", "the end of the block")
                    + " but found " + token(expected.group(2)));
        }
        return at(problemMark, "invalid YAML: " + problem);
    }

    /** The offset of the innermost '[' or '{' still open before {@code end} (quotes and comments skipped), or -1. */
    private static int unclosedBracket(String text, int end) {
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        char quote = 0;
        for (int i = 0; i < Math.min(end, text.length()); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '[' || c == '{') {
                open.push(i);
            } else if ((c == ']' || c == '}') && !open.isEmpty()) {
                open.pop();
            }
        }
        return open.isEmpty() ? -1 : open.peek();
    }

    private static Error atOffset(String text, int offset, String message) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
        return new Error(offset, line + 1, offset - lineStart + 1, message);
    }

    private static Error at(Mark mark, String message) {
        return new Error(mark.getIndex(), mark.getLine() + 1, mark.getColumn() + 1, message);
    }

    /** What the parser's token names stand for. */
    private static String token(String name) {
        String plain = name.strip();
        if (plain.length() > 2 && plain.startsWith("'") && plain.endsWith("'")) {
            plain = plain.substring(1, plain.length() - 1);
        }
        return switch (plain) {
            case "<stream end>" -> "the end of the file";
            case "<scalar>" -> "a value";
            case "<block mapping start>", "?" -> "a key";
            case "<block sequence start>", "-" -> "a list item";
            case "<block end>" -> "the end of the block";
            case "<document start>" -> "'---'";
            case "<document end>" -> "'...'";
            case "<anchor>" -> "an anchor";
            case "<alias>" -> "an alias";
            case "<tag>" -> "a tag";
            case ":" -> "':'";
            default -> "'" + plain + "'";
        };
    }

    private static char charAt(String text, int codePointIndex) {
        int index = text.offsetByCodePoints(0, Math.min(codePointIndex, text.codePointCount(0, text.length())));
        return index < text.length() ? text.charAt(index) : '"';
    }
}
