package dev.vlint.python;

import dev.vlint.project.ParseProblem;
import dev.vlint.project.Parsed;
import dev.vlint.source.MappedText;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 508 dependency specifier such as {@code torch[cuda]>=2.4,<2.6 ; platform_machine == "x86_64"}
 * or {@code pkg @ https://host/pkg.whl}. Every part carries its range in the file.
 *
 * @param specifiers version clauses, empty when any version is accepted or a URL is given
 * @param url the direct reference after {@code @}, or null
 * @param marker the environment marker after {@code ;}, unevaluated, or null
 * @param range the whole specifier
 */
public record Requirement(String name, TextRange nameRange, List<String> extras, List<Clause> specifiers,
        String url, TextRange urlRange, String marker, TextRange markerRange, TextRange range) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern CLAUSE = Pattern.compile("(~=|===|==|!=|<=|>=|<|>)\\s*([A-Za-z0-9_.*+!-]+)");

    public Requirement {
        extras = List.copyOf(extras);
        specifiers = List.copyOf(specifiers);
    }

    /** One version clause, e.g. {@code >=2.4}. */
    public record Clause(String operator, String version, TextRange range, TextRange versionRange) {
        @Override
        public String toString() {
            return operator + version;
        }
    }

    /** The PEP 503 normalized name: lower case, runs of {@code -_.} as one {@code -}. */
    public String canonicalName() {
        return canonicalize(name);
    }

    public static String canonicalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    /** The clauses joined with commas, e.g. {@code >=2.4,<2.6}; empty when there are none. */
    public String specifier() {
        return String.join(",", specifiers.stream().map(Clause::toString).toList());
    }

    /** Parses all of {@code text}. */
    public static Parsed<Requirement> parse(MappedText text) {
        return parse(text, 0, text.length());
    }

    /** Parses {@code text[start, end)}; the model is null when no name could be read. */
    public static Parsed<Requirement> parse(MappedText text, int start, int end) {
        return new Parser(text, end).parse(start);
    }

    private static final class Parser {
        private final MappedText text;
        private final String s;
        private final int end;
        private final List<ParseProblem> problems = new ArrayList<>();
        private int pos;

        Parser(MappedText text, int end) {
            this.text = text;
            this.s = text.text();
            this.end = end;
        }

        Parsed<Requirement> parse(int start) {
            pos = start;
            skipSpace();
            int first = pos;
            Matcher name = NAME.matcher(s).region(pos, end);
            if (!name.lookingAt()) {
                problems.add(new ParseProblem(range(pos, end), "expected a package name"));
                return new Parsed<>(null, problems);
            }
            pos = name.end();
            skipSpace();
            List<String> extras = pos < end && s.charAt(pos) == '[' ? extras() : List.of();
            skipSpace();
            List<Clause> clauses = List.of();
            String url = null;
            TextRange urlRange = null;
            if (pos < end && s.charAt(pos) == '@') {
                pos++;
                skipSpace();
                int urlStart = pos;
                while (pos < end && !Character.isWhitespace(s.charAt(pos))) {
                    pos++;
                }
                if (pos == urlStart) {
                    problems.add(new ParseProblem(range(urlStart, urlStart), "expected a URL after '@'"));
                } else {
                    url = s.substring(urlStart, pos);
                    urlRange = range(urlStart, pos);
                }
            } else if (pos < end && s.charAt(pos) == '(') {
                int close = s.indexOf(')', pos);
                if (close < 0 || close >= end) {
                    problems.add(new ParseProblem(range(pos, end), "missing ')'"));
                    close = end;
                }
                clauses = clauses(pos + 1, close);
                pos = Math.min(close + 1, end);
            } else {
                int stop = s.indexOf(';', pos);
                stop = stop < 0 || stop > end ? end : stop;
                clauses = clauses(pos, stop);
                pos = stop;
            }
            skipSpace();
            String marker = null;
            TextRange markerRange = null;
            if (pos < end && s.charAt(pos) == ';') {
                pos++;
                skipSpace();
                int markerEnd = trimEnd(end);
                if (markerEnd <= pos) {
                    problems.add(new ParseProblem(range(pos - 1, pos), "expected an environment marker after ';'"));
                } else {
                    marker = s.substring(pos, markerEnd);
                    markerRange = range(pos, markerEnd);
                }
            } else if (pos < end) {
                problems.add(new ParseProblem(range(pos, trimEnd(end)), "unexpected text in requirement"));
            }
            int last = end;
            while (last > first && Character.isWhitespace(s.charAt(last - 1))) {
                last--;
            }
            Requirement requirement = new Requirement(name.group(), range(name.start(), name.end()), extras,
                    clauses, url, urlRange, marker, markerRange, range(first, last));
            return new Parsed<>(requirement, problems);
        }

        private List<String> extras() {
            int close = s.indexOf(']', pos);
            if (close < 0 || close >= end) {
                problems.add(new ParseProblem(range(pos, end), "missing ']' after extras"));
                pos = end;
                return List.of();
            }
            List<String> extras = new ArrayList<>();
            for (String extra : s.substring(pos + 1, close).split(",")) {
                if (!extra.isBlank()) {
                    extras.add(extra.strip());
                }
            }
            pos = close + 1;
            return extras;
        }

        private List<Clause> clauses(int from, int to) {
            List<Clause> clauses = new ArrayList<>();
            if (s.substring(from, to).isBlank()) {
                return clauses;
            }
            int start = from;
            for (int i = from; i <= to; i++) {
                if (i == to || s.charAt(i) == ',') {
                    clause(start, i, clauses);
                    start = i + 1;
                }
            }
            return clauses;
        }

        private void clause(int from, int to, List<Clause> into) {
            while (from < to && Character.isWhitespace(s.charAt(from))) {
                from++;
            }
            int stop = to;
            while (stop > from && Character.isWhitespace(s.charAt(stop - 1))) {
                stop--;
            }
            Matcher m = CLAUSE.matcher(s).region(from, stop);
            if (m.matches()) {
                into.add(new Clause(m.group(1), m.group(2), range(from, stop), range(m.start(2), m.end(2))));
            } else {
                problems.add(new ParseProblem(range(from, Math.max(from, stop)),
                        "invalid version specifier '" + s.substring(from, stop) + "'"));
            }
        }

        private void skipSpace() {
            while (pos < end && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private int trimEnd(int to) {
            while (to > pos && Character.isWhitespace(s.charAt(to - 1))) {
                to--;
            }
            return to;
        }

        private TextRange range(int from, int to) {
            return text.fileRange(from, to);
        }
    }
}
