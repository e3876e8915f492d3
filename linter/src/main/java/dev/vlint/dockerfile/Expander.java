package dev.vlint.dockerfile;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Processes one Dockerfile word the way BuildKit's shell lexer does for ENV, COPY, FROM, ...:
 * removes quotes, honours the escape character and replaces variable references.
 * A reference to a variable whose value is unknown is kept as written.
 */
public final class Expander {
    private final String s;
    private final Function<String, Value> lookup;
    /** Nested defaults deeper than this are left as written instead of recursing further. */
    private static final int MAX_NESTING = 200;

    private final char escape;
    private final int nesting;
    private int pos;

    private Expander(String s, Function<String, Value> lookup, char escape, int nesting) {
        this.s = s;
        this.lookup = lookup;
        this.escape = escape;
        this.nesting = nesting;
    }

    /** What a variable lookup found: unset, set with an unknown value, or a value. */
    public static final class Value {
        public static final Value UNSET = new Value(null);
        public static final Value UNKNOWN = new Value(null);
        private final String text;

        private Value(String text) {
            this.text = text;
        }

        public static Value of(String text) {
            return new Value(text);
        }
    }

    public static String expand(String word, Function<String, Value> lookup, char escape) {
        return new Expander(word, lookup, escape, 0).word();
    }

    private String word() {
        StringBuilder out = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\'') {
                int end = s.indexOf('\'', pos + 1);
                end = end < 0 ? s.length() : end;
                out.append(s, pos + 1, end);
                pos = end + 1;
            } else if (c == '"') {
                pos++;
                while (pos < s.length() && s.charAt(pos) != '"') {
                    char d = s.charAt(pos);
                    if (d == escape && pos + 1 < s.length() && "\"$".indexOf(s.charAt(pos + 1)) >= 0
                            || d == escape && pos + 1 < s.length() && s.charAt(pos + 1) == escape) {
                        out.append(s.charAt(pos + 1));
                        pos += 2;
                    } else if (d == '$') {
                        out.append(dollar());
                    } else {
                        out.append(d);
                        pos++;
                    }
                }
                pos++;
            } else if (c == escape) {
                if (pos + 1 < s.length()) {
                    out.append(s.charAt(pos + 1));
                }
                pos += 2;
            } else if (c == '$') {
                out.append(dollar());
            } else {
                out.append(c);
                pos++;
            }
        }
        return out.toString();
    }

    private String dollar() {
        int start = pos++;
        if (pos < s.length() && s.charAt(pos) == '{') {
            pos++;
            String name = name();
            if (name.isEmpty() || pos >= s.length()) {
                pos = s.length();
                return s.substring(start);
            }
            if (s.charAt(pos) == '}') {
                pos++;
                return resolve(name, s.substring(start, pos));
            }
            String op = operator();
            if (op == null) {
                pos = s.length();
                return s.substring(start);
            }
            int wordStart = pos;
            int depth = 0;
            while (pos < s.length() && (s.charAt(pos) != '}' || depth > 0)) {
                if (s.charAt(pos) == '$' && pos + 1 < s.length() && s.charAt(pos + 1) == '{') {
                    depth++;
                    pos++;
                } else if (s.charAt(pos) == '}') {
                    depth--;
                }
                pos++;
            }
            if (pos >= s.length()) {
                return s.substring(start);
            }
            String word = s.substring(wordStart, pos);
            pos++;
            return modify(name, op, word, s.substring(start, pos));
        }
        String name = shortName();
        return name.isEmpty() ? "$" : resolve(name, s.substring(start, pos));
    }

    /** The name after a bare {@code $}: a run of digits, one special parameter, or a plain name. */
    private String shortName() {
        if (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }
        if (pos < s.length() && "@*#?-$!".indexOf(s.charAt(pos)) >= 0) {
            return s.substring(pos, ++pos);
        }
        return name();
    }

    private String name() {
        int start = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) && s.charAt(pos) < 0x80
                || s.charAt(pos) == '_')) {
            pos++;
        }
        return s.substring(start, pos);
    }

    private String operator() {
        char c = s.charAt(pos);
        if (c == ':' && pos + 1 < s.length() && "-+?".indexOf(s.charAt(pos + 1)) >= 0) {
            pos += 2;
            return s.substring(pos - 2, pos);
        }
        if ("-+?".indexOf(c) >= 0) {
            pos++;
            return String.valueOf(c);
        }
        if (c == '#' || c == '%') {
            pos++;
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return "" + c + c;
            }
            return String.valueOf(c);
        }
        return null;
    }

    private String resolve(String name, String raw) {
        Value v = lookup.apply(name);
        if (v == Value.UNKNOWN) {
            return raw;
        }
        return v.text == null ? "" : v.text;
    }

    private String modify(String name, String op, String word, String raw) {
        Value v = lookup.apply(name);
        if (v == Value.UNKNOWN) {
            return raw;
        }
        boolean set = v != Value.UNSET;
        String value = set ? v.text : "";
        switch (op) {
            case ":-":
                return value.isEmpty() ? sub(word) : value;
            case "-":
                return set ? value : sub(word);
            case ":+":
                return value.isEmpty() ? "" : sub(word);
            case "+":
                return set ? sub(word) : "";
            case ":?", "?":
                return value;
            default:
                return trim(value, op, sub(word));
        }
    }

    private String sub(String word) {
        return nesting >= MAX_NESTING ? word : new Expander(word, lookup, escape, nesting + 1).word();
    }

    private static String trim(String value, String op, String glob) {
        Pattern p = globPattern(glob);
        int n = value.length();
        switch (op) {
            case "#":
                for (int i = 0; i <= n; i++) {
                    if (p.matcher(value.substring(0, i)).matches()) {
                        return value.substring(i);
                    }
                }
                return value;
            case "##":
                for (int i = n; i >= 0; i--) {
                    if (p.matcher(value.substring(0, i)).matches()) {
                        return value.substring(i);
                    }
                }
                return value;
            case "%":
                for (int i = n; i >= 0; i--) {
                    if (p.matcher(value.substring(i)).matches()) {
                        return value.substring(0, i);
                    }
                }
                return value;
            default:
                for (int i = 0; i <= n; i++) {
                    if (p.matcher(value.substring(i)).matches()) {
                        return value.substring(0, i);
                    }
                }
                return value;
        }
    }

    private static Pattern globPattern(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
