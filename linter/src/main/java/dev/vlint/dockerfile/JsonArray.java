package dev.vlint.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the exec form of an instruction: {@code text[start, end)} must be exactly one JSON
 * array (surrounding whitespace allowed). Records where each element starts and ends.
 */
final class JsonArray {
    /** One element: its decoded string (null when not a string) and its span in the text. */
    record Element(String value, int start, int end) {}

    /**
     * Deeper nesting is treated as not JSON, to keep the recursion off the stack limit. (Go allows
     * 10000 levels; such a file is rejected either way, as a non-string array in BuildKit.)
     */
    private static final int MAX_DEPTH = 1000;

    private final String s;
    private final int end;
    private int pos;
    private int depth;

    private JsonArray(String s, int start, int end) {
        this.s = s;
        this.pos = start;
        this.end = end;
    }

    /** The elements, or null when the text is not valid JSON or not an array. */
    static List<Element> parse(String s, int start, int end) {
        JsonArray p = new JsonArray(s, start, end);
        try {
            p.skipSpace();
            if (p.pos >= end || s.charAt(p.pos) != '[') {
                return null;
            }
            List<Element> elements = p.array();
            p.skipSpace();
            return p.pos == end ? elements : null;
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private List<Element> array() {
        if (++depth > MAX_DEPTH) {
            throw new IllegalStateException();
        }
        List<Element> elements = new ArrayList<>();
        pos++;
        skipSpace();
        if (peek() == ']') {
            pos++;
            depth--;
            return elements;
        }
        while (true) {
            skipSpace();
            int start = pos;
            String value = peek() == '"' ? string() : skipValue();
            elements.add(new Element(value, start, pos));
            skipSpace();
            char c = next();
            if (c == ']') {
                depth--;
                return elements;
            }
            if (c != ',') {
                throw new IllegalStateException();
            }
        }
    }

    /** Skips a non-string value; returns null. */
    private String skipValue() {
        char c = peek();
        if (c == '[') {
            array();
        } else if (c == '{') {
            if (++depth > MAX_DEPTH) {
                throw new IllegalStateException();
            }
            pos++;
            skipSpace();
            if (peek() == '}') {
                pos++;
                depth--;
                return null;
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw new IllegalStateException();
                }
                string();
                skipSpace();
                if (next() != ':') {
                    throw new IllegalStateException();
                }
                skipSpace();
                if (peek() == '"') {
                    string();
                } else {
                    skipValue();
                }
                skipSpace();
                char d = next();
                if (d == '}') {
                    depth--;
                    return null;
                }
                if (d != ',') {
                    throw new IllegalStateException();
                }
            }
        } else if (s.startsWith("true", pos) || s.startsWith("null", pos)) {
            pos += 4;
        } else if (s.startsWith("false", pos)) {
            pos += 5;
        } else {
            number();
        }
        if (pos > end) {
            throw new IllegalStateException();
        }
        return null;
    }

    private void number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw new IllegalStateException();
        }
        if (peek() == '.') {
            pos++;
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits();
        }
        if (pos == start) {
            throw new IllegalStateException();
        }
    }

    private void digits() {
        if (!isDigit(peek())) {
            throw new IllegalStateException();
        }
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private String string() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw new IllegalStateException();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > end) {
                        throw new IllegalStateException();
                    }
                    try {
                        out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw new IllegalStateException();
                    }
                    pos += 4;
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    private void skipSpace() {
        while (pos < end && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t' || s.charAt(pos) == '\n'
                || s.charAt(pos) == '\r')) {
            pos++;
        }
    }

    private char peek() {
        return pos < end ? s.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= end) {
            throw new IllegalStateException();
        }
        return s.charAt(pos++);
    }
}
