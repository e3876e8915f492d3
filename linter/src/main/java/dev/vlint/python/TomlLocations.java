package dev.vlint.python;

import dev.vlint.source.MappedText;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a TOML document is written. Jackson's TOML reader gives values but no
 * useful locations, so this scanner walks the text once and records the range of every value
 * under its dotted path ({@code project.name}, {@code build-system.requires[0]}) and of every table
 * header. It assumes the text is valid TOML (Jackson checks that) and stops quietly where it is not.
 */
final class TomlLocations {
    private final SourceFile file;
    private final String s;
    private final Map<String, TextRange> values = new HashMap<>();
    private final Map<String, TextRange> tables = new HashMap<>();
    private final Map<String, Integer> arrayTableCounts = new HashMap<>();
    private int pos;

    private TomlLocations(SourceFile file) {
        this.file = file;
        this.s = file.text();
    }

    static TomlLocations scan(SourceFile file) {
        TomlLocations locations = new TomlLocations(file);
        try {
            locations.document();
        } catch (RuntimeException e) {
            // Invalid TOML: Jackson reports the error; keep what was located so far.
        }
        return locations;
    }

    /** The range of the value at a dotted path, including quotes and brackets; null when absent. */
    TextRange valueRange(String path) {
        return values.get(path);
    }

    /** The range of a {@code [table]} header; null when the table has no header of its own. */
    TextRange tableRange(String path) {
        return tables.get(path);
    }

    /**
     * The characters of the string value at {@code range}, escapes decoded, mapped to the file.
     * Only the one-character escapes are decoded; others are kept as written.
     */
    MappedText stringContent(TextRange range) {
        String raw = file.slice(range);
        int quote = raw.startsWith("\"\"\"") || raw.startsWith("'''") ? 3 : 1;
        boolean literal = raw.charAt(0) == '\'';
        int start = range.start() + quote;
        int end = Math.max(start, range.end() - quote);
        if (quote == 3 && start < end && s.charAt(start) == '\n') {
            start++;
        } else if (quote == 3 && start + 1 < end && s.startsWith("\r\n", start)) {
            start += 2;
        }
        MappedText.Builder text = new MappedText.Builder();
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\\' && !literal && i + 1 < end && "ntr\"\\".indexOf(s.charAt(i + 1)) >= 0) {
                char e = s.charAt(++i);
                text.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> e; // a quote or a backslash
                }, i); // the escape's last character, so ranges ending here cover it whole
            } else {
                text.append(c, i);
            }
        }
        return text.build(end);
    }

    private void document() {
        String prefix = "";
        while (pos < s.length()) {
            skipBlank();
            if (pos >= s.length()) {
                break;
            }
            char c = s.charAt(pos);
            if (c == '#') {
                skipLine();
            } else if (c == '\n' || c == '\r') {
                pos++;
            } else if (c == '[') {
                prefix = header();
            } else {
                keyValue(prefix);
                skipLine();
            }
        }
    }

    private String header() {
        int start = pos;
        boolean arrayTable = s.startsWith("[[", pos);
        pos += arrayTable ? 2 : 1;
        String path = key(arrayTable ? "]]" : "]");
        pos += arrayTable ? 2 : 1;
        TextRange range = new TextRange(start, pos);
        skipLine();
        if (arrayTable) {
            int index = arrayTableCounts.merge(path, 1, Integer::sum) - 1;
            path = path + "[" + index + "]";
        }
        tables.put(path, range);
        return path;
    }

    private void keyValue(String prefix) {
        String key = key("=");
        pos++; // '='
        skipBlank();
        value(join(prefix, key));
    }

    /** Reads a dotted key up to {@code stop}; quoted parts lose their quotes. */
    private String key(String stop) {
        StringBuilder key = new StringBuilder();
        while (pos < s.length() && !s.startsWith(stop, pos)) {
            char c = s.charAt(pos);
            if (c == '"' || c == '\'') {
                int close = s.indexOf(c, pos + 1);
                key.append(s, pos + 1, close);
                pos = close + 1;
            } else if (c == '\n') {
                throw new IllegalStateException("key without value");
            } else {
                if (c != ' ' && c != '\t') {
                    key.append(c);
                }
                pos++;
            }
        }
        return key.toString();
    }

    private void value(String path) {
        int start = pos;
        char c = s.charAt(pos);
        if (s.startsWith("\"\"\"", pos) || s.startsWith("'''", pos)) {
            String quote = s.substring(pos, pos + 3);
            int close = s.indexOf(quote, pos + 3);
            while (quote.equals("\"\"\"") && close > 0 && escaped(close)) {
                close = s.indexOf(quote, close + 1);
            }
            pos = close + 3;
            while (pos < s.length() && s.charAt(pos) == quote.charAt(0)) {
                pos++; // up to two quotes may end the content
            }
        } else if (c == '"') {
            pos++;
            while (s.charAt(pos) != '"') {
                pos += s.charAt(pos) == '\\' ? 2 : 1;
            }
            pos++;
        } else if (c == '\'') {
            pos = s.indexOf('\'', pos + 1) + 1;
        } else if (c == '[') {
            array(path);
        } else if (c == '{') {
            inlineTable(path);
        } else {
            while (pos < s.length() && ",]}#\r\n".indexOf(s.charAt(pos)) < 0) {
                pos++;
            }
            while (pos > start && Character.isWhitespace(s.charAt(pos - 1))) {
                pos--;
            }
            if (pos == start) {
                throw new IllegalStateException("no value at " + start);
            }
        }
        values.put(path, new TextRange(start, pos));
    }

    private boolean escaped(int at) {
        int backslashes = 0;
        while (at - 1 - backslashes >= 0 && s.charAt(at - 1 - backslashes) == '\\') {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private void array(String path) {
        pos++; // '['
        int index = 0;
        while (true) {
            skipSpaceAndComments();
            if (s.charAt(pos) == ']') {
                pos++;
                return;
            }
            value(path + "[" + index++ + "]");
            skipSpaceAndComments();
            if (s.charAt(pos) == ',') {
                pos++;
            }
        }
    }

    private void inlineTable(String path) {
        pos++; // '{'
        while (true) {
            skipBlank();
            if (s.charAt(pos) == '}') {
                pos++;
                return;
            }
            if (s.charAt(pos) == ',') {
                pos++;
                continue;
            }
            String key = key("=");
            pos++;
            skipBlank();
            value(join(path, key));
            skipBlank();
        }
    }

    private static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    private void skipBlank() {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private void skipSpaceAndComments() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '#') {
                skipLine();
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    /** Moves past the end of the current line. */
    private void skipLine() {
        while (pos < s.length() && s.charAt(pos) != '\n') {
            pos++;
        }
        if (pos < s.length()) {
            pos++;
        }
    }
}
