package dev.vlint.versions;

import java.util.ArrayList;
import java.util.List;

/**
 * A StartOS extended version, {@code [#flavor:]upstream:downstream}, read exactly as the
 * start-sdk Peggy grammar ({@code sdk/base/lib/exver/exver.pegjs}, rule {@code ExtendedVersion})
 * reads it: the flavor is lowercase ASCII letters, a version is {@code N(.N)*} with an optional
 * {@code -pre.release}, and each pre-release segment is all digits or all letters. The grammar
 * lets a segment start with its own optional dot, so {@code rc..0} is accepted; we mirror that.
 */
public record ExVer(String flavor, Version upstream, Version downstream) {

    /** One side of an extended version; pre-release segments keep their text. */
    public record Version(List<String> number, List<String> prerelease) {
        public Version {
            number = List.copyOf(number);
            prerelease = List.copyOf(prerelease);
        }
    }

    /** Where (offset into the input) and why a string is not valid ExVer. */
    public record Error(int offset, String message) {}

    /** Either {@code value} or {@code error} is set. */
    public record Result(ExVer value, Error error) {
        public boolean isValid() {
            return value != null;
        }
    }

    public static Result parse(String text) {
        try {
            return new Result(new Reader(text).extendedVersion(), null);
        } catch (Invalid e) {
            return new Result(null, new Error(e.offset, e.getMessage()));
        }
    }

    /**
     * A repaired spelling that only adds dots between letter and digit runs inside pre-release
     * segments ({@code 0.21.1-rc0:0} becomes {@code 0.21.1-rc.0:0}), or null when the input is
     * already valid or that repair does not make it valid.
     */
    public static String suggestRepair(String text) {
        if (parse(text).isValid()) {
            return null;
        }
        String[] parts = text.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            boolean flavor = i == 0 && parts[i].startsWith("#");
            int dash = parts[i].indexOf('-');
            if (!flavor && dash >= 0) {
                parts[i] = parts[i].substring(0, dash + 1) + splitRuns(parts[i].substring(dash + 1));
            }
        }
        String repaired = String.join(":", parts);
        return !repaired.equals(text) && parse(repaired).isValid() ? repaired : null;
    }

    private static String splitRuns(String prerelease) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < prerelease.length(); i++) {
            char c = prerelease.charAt(i);
            if (i > 0) {
                char prev = prerelease.charAt(i - 1);
                if ((isDigit(prev) && isLetter(c)) || (isLetter(prev) && isDigit(c))) {
                    out.append('.');
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return (flavor == null ? "" : "#" + flavor + ":") + format(upstream) + ":" + format(downstream);
    }

    private static String format(Version v) {
        String number = String.join(".", v.number());
        return v.prerelease().isEmpty() ? number : number + "-" + String.join(".", v.prerelease());
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static final class Invalid extends Exception {
        final int offset;

        Invalid(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        ExVer extendedVersion() throws Invalid {
            if (s.isEmpty()) {
                throw new Invalid(0, "empty version; expected [#flavor:]upstream:downstream such as '1.0.0:0'");
            }
            String flavor = null;
            if (peek() == '#') {
                pos++;
                int start = pos;
                while (pos < s.length() && peek() >= 'a' && peek() <= 'z') {
                    pos++;
                }
                if (pos == start || peek() != ':') {
                    throw new Invalid(pos, pos < s.length()
                            ? "flavor must be lowercase letters followed by ':', found " + describe(pos)
                            : "flavor must be followed by ':' and a version");
                }
                flavor = s.substring(start, pos);
                pos++;
            }
            Version upstream = version("upstream");
            if (pos == s.length()) {
                throw new Invalid(pos, "missing ':' and downstream version (write e.g. '" + s + ":0')");
            }
            if (peek() != ':') {
                throw new Invalid(pos, "unexpected " + describe(pos) + " in upstream version");
            }
            pos++;
            Version downstream = version("downstream");
            if (pos < s.length()) {
                throw new Invalid(pos, "unexpected " + describe(pos) + " in downstream version");
            }
            return new ExVer(flavor, upstream, downstream);
        }

        private Version version(String side) throws Invalid {
            List<String> number = new ArrayList<>();
            number.add(digits(side + " version must start with a digit"));
            while (peek() == '.') {
                pos++;
                number.add(digits("expected a digit after '.' in " + side + " version"));
            }
            List<String> prerelease = new ArrayList<>();
            if (peek() == '-') {
                pos++;
                prerelease.add(segment());
                while (peek() == '.') {
                    pos++;
                    prerelease.add(segment());
                }
            }
            return new Version(number, prerelease);
        }

        private String segment() throws Invalid {
            if (peek() == '.') {
                pos++; // the grammar's PreReleaseSegment may start with its own dot
            }
            int start = pos;
            boolean digits = isDigit(peek());
            while (pos < s.length() && (digits ? isDigit(peek()) : isLetter(peek()))) {
                pos++;
            }
            if (pos == start) {
                throw new Invalid(pos, pos < s.length()
                        ? "pre-release segment must be letters or digits, found " + describe(pos)
                        : "empty pre-release segment at end of version");
            }
            if (isDigit(peek()) || isLetter(peek())) {
                int end = pos;
                while (end < s.length() && (isDigit(s.charAt(end)) || isLetter(s.charAt(end)))) {
                    end++;
                }
                String word = s.substring(start, end);
                throw new Invalid(pos, "pre-release segment '" + word + "' mixes letters and digits; write '"
                        + splitRuns(word) + "'");
            }
            return s.substring(start, pos);
        }

        private String digits(String message) throws Invalid {
            int start = pos;
            while (isDigit(peek())) {
                pos++;
            }
            if (pos == start) {
                throw new Invalid(pos, pos < s.length() ? message + ", found " + describe(pos) : message);
            }
            return s.substring(start, pos);
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        private String describe(int at) {
            return "'" + s.charAt(at) + "'";
        }
    }
}
