package dev.vlint.suppress;

import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.project.FileKind;
import dev.vlint.rule.Finding;
import dev.vlint.rule.RuleIndex;
import dev.vlint.rule.Severity;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suppression comments of one file, read from its raw text (no parser needed), and how
 * they apply to the file's findings.
 *
 * <ul>
 *   <li>{@code # vlint: ignore[VL101,VL102] reason} alone on a line covers the next line that is
 *       not a comment, extended to the whole statement (a Dockerfile instruction with its
 *       continuations or heredoc, a YAML key with its nested lines, a bracketed TOML/TS value);
 *   <li>at the end of a line it covers that line (for Dockerfile and shell, its whole logical line);
 *   <li>{@code # vlint: ignore-file[VL102]} anywhere covers the whole file;
 *   <li>TypeScript uses {@code //}; {@code # hadolint ignore=DL3008} maps through aliases.
 * </ul>
 */
public final class Suppressions {
    /** Rule id of "unused suppression" findings. */
    public static final String UNUSED_ID = "VL002";

    private static final Pattern VLINT = Pattern.compile(
            "(?:#|//)[ \\t]*vlint:[ \\t]*(ignore|ignore-file)\\[([^\\]]*)\\](.*)");
    private static final Pattern HADOLINT = Pattern.compile(
            "#[ \\t]*hadolint[ \\t]+(global[ \\t]+)?ignore=([A-Za-z0-9, \\t]+)");
    private static final Pattern ID = Pattern.compile("[A-Za-z]+[0-9]+");
    private static final Pattern HEREDOC = Pattern.compile("<<-?[ \\t]*[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?");

    private final SourceFile file;
    private final List<Suppression> suppressions;

    private Suppressions(SourceFile file, List<Suppression> suppressions) {
        this.file = file;
        this.suppressions = List.copyOf(suppressions);
    }

    public static Suppressions scan(SourceFile file, FileKind kind) {
        return scan(file, kind, new RuleIndex(List.of()));
    }

    /**
     * @param rules resolves the ids written in comments (any case, aliases such as hadolint's
     *     {@code DL3008}) to rule ids; foreign ids no rule carries are left to their own tool
     */
    public static Suppressions scan(SourceFile file, FileKind kind, RuleIndex rules) {
        List<Suppression> found = new ArrayList<>();
        if (kind == FileKind.WHEEL) {
            return new Suppressions(file, found);
        }
        Lines lines = new Lines(file, kind);
        for (int line = 0; line < file.lineCount(); line++) {
            String text = file.lineText(line);
            int start = commentStart(text, lines.marker);
            if (start < 0) {
                continue;
            }
            for (int at = text.indexOf(lines.marker, start); at >= 0; at = text.indexOf(lines.marker, at + 1)) {
                Suppression s = directive(lines, line, text, at, start, rules);
                if (s != null) {
                    found.add(s);
                    break;
                }
            }
        }
        return new Suppressions(file, found);
    }

    public List<Suppression> all() {
        return suppressions;
    }

    /**
     * Marks the findings the comments cover (with the comment's reason) and reports every
     * suppressed id that covered nothing as a {@link #UNUSED_ID} finding with a fix removing it.
     *
     * @param findings findings in this file
     * @param checkedRuleIds rules that ran on this file; suppressions of other rules are not
     *     reported as unused, since nothing could have matched them
     */
    public Result apply(List<Finding> findings, Set<String> checkedRuleIds) {
        Set<String> used = new HashSet<>(); // "index:ruleId"
        List<Finding> marked = new ArrayList<>();
        for (Finding finding : findings) {
            marked.add(suppress(finding, used));
        }
        List<Finding> unused = new ArrayList<>();
        for (int i = 0; i < suppressions.size(); i++) {
            Suppression s = suppressions.get(i);
            if (s.foreign()) {
                continue;
            }
            List<Integer> idle = new ArrayList<>();
            for (int k = 0; k < s.ruleIds().size(); k++) {
                String id = s.ruleIds().get(k);
                if (!id.equals(UNUSED_ID) && checkedRuleIds.contains(id) && !used.contains(i + ":" + id)) {
                    idle.add(k);
                }
            }
            if (!idle.isEmpty()) {
                unused.add(suppress(unusedFinding(s, idle), new HashSet<>()));
            }
        }
        return new Result(marked, unused);
    }

    /** Findings with suppressions marked, and the findings about unused suppressions. */
    public record Result(List<Finding> findings, List<Finding> unused) {
        public Result {
            findings = List.copyOf(findings);
            unused = List.copyOf(unused);
        }
    }

    private Finding suppress(Finding finding, Set<String> used) {
        Finding result = finding;
        for (int i = 0; i < suppressions.size(); i++) {
            Suppression s = suppressions.get(i);
            if (s.covers(finding.ruleId(), finding.range().start())) {
                used.add(i + ":" + finding.ruleId());
                if (!result.suppressed()) {
                    result = result.withSuppression(s.reason());
                }
            }
        }
        return result;
    }

    private Finding unusedFinding(Suppression s, List<Integer> idle) {
        List<String> ids = idle.stream().map(s.ruleIds()::get).toList();
        String message = ids.size() == 1
                ? "suppression of " + ids.get(0) + " matches no finding"
                : "suppressions of " + String.join(", ", ids) + " match no finding";
        TextRange range = s.idRanges().get(idle.get(0)).union(s.idRanges().get(idle.get(idle.size() - 1)));
        Fix fix;
        if (idle.size() == s.ruleIds().size()) {
            fix = Fix.safe("Remove the unused suppression comment", Edit.delete(s.removal()));
        } else {
            List<String> kept = new ArrayList<>();
            for (int k = 0; k < s.ruleIds().size(); k++) {
                if (!idle.contains(k)) {
                    kept.add(s.ruleIds().get(k));
                }
            }
            TextRange list = s.idRanges().get(0).union(s.idRanges().get(s.idRanges().size() - 1));
            fix = Fix.safe("Remove " + String.join(", ", ids) + " from the suppression",
                    new Edit(list, String.join(",", kept)));
        }
        return new Finding(UNUSED_ID, Severity.WARNING, message, file, range, List.of(), List.of(fix), null);
    }

    private static Suppression directive(Lines lines, int line, String text, int at, int commentStart,
            RuleIndex rules) {
        int lineStart = lines.file.lineStart(line);
        // lookingAt, not find: find would try every later position of the line for each marker.
        Matcher m = VLINT.matcher(text).region(at, text.length());
        if (m.lookingAt()) {
            List<String> ids = new ArrayList<>();
            List<TextRange> ranges = new ArrayList<>();
            Matcher id = ID.matcher(text).region(m.start(2), m.end(2));
            while (id.find()) {
                ids.add(rules.id(id.group()).orElse(id.group()));
                ranges.add(new TextRange(lineStart + id.start(), lineStart + id.end()));
            }
            return ids.isEmpty() ? null : suppression(lines, line, text, commentStart, ids, ranges,
                    m.group(3).trim(), m.group(1).equals("ignore-file"), false);
        }
        Matcher h = HADOLINT.matcher(text).region(at, text.length());
        if (h.lookingAt()) {
            List<String> ids = new ArrayList<>();
            List<TextRange> ranges = new ArrayList<>();
            Matcher id = ID.matcher(text).region(h.start(2), h.end(2));
            while (id.find()) {
                Optional<String> known = rules.id(id.group());
                if (known.isPresent()) {
                    ids.add(known.get());
                    ranges.add(new TextRange(lineStart + id.start(), lineStart + id.end()));
                }
            }
            return ids.isEmpty() ? null
                    : suppression(lines, line, text, commentStart, ids, ranges, "", h.group(1) != null, true);
        }
        return null;
    }

    /** A directive found in the comment that starts at {@code commentStart} of {@code line}. */
    private static Suppression suppression(Lines lines, int line, String text, int commentStart, List<String> ids,
            List<TextRange> ranges, String reason, boolean fileWide, boolean foreign) {
        SourceFile file = lines.file;
        int lineStart = file.lineStart(line);
        boolean alone = text.substring(0, commentStart).isBlank();
        TextRange comment = new TextRange(lineStart + commentStart, file.lineEnd(line));
        TextRange removal = alone ? wholeLine(file, line) : new TextRange(lineStart + trimEnd(text, commentStart),
                file.lineEnd(line));
        TextRange target = fileWide ? null : alone ? nextStatement(lines, line) : ownStatement(lines, line);
        return new Suppression(ids, ranges, reason, target, comment, removal, foreign);
    }

    /** Index of the first comment marker outside quotes, or -1. */
    static int commentStart(String text, String marker) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote != '\'') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (text.startsWith(marker, i)) {
                return i;
            } else if (c == '"' || c == '\'' || c == '`' && marker.equals("//")) {
                quote = c;
            }
        }
        return -1;
    }

    /** The statement after an own-line comment: the next line that is neither blank nor a comment. */
    private static TextRange nextStatement(Lines lines, int commentLine) {
        int line = lines.nextCode(commentLine + 1);
        SourceFile file = lines.file;
        return line < 0 ? TextRange.at(file.text().length())
                : new TextRange(file.lineStart(line), file.lineEnd(lastLine(lines, line)));
    }

    /** The statement an end-of-line comment sits in. */
    private static TextRange ownStatement(Lines lines, int line) {
        int first = lines.kind == FileKind.DOCKERFILE || lines.kind == FileKind.SHELL ? lines.continuationStart(line) : line;
        return new TextRange(lines.file.lineStart(first), lines.file.lineEnd(lastLine(lines, line)));
    }

    private static int lastLine(Lines lines, int line) {
        SourceFile file = lines.file;
        FileKind kind = lines.kind;
        int last = line;
        switch (kind) {
            case DOCKERFILE, SHELL, REQUIREMENTS -> {
                Matcher heredoc = HEREDOC.matcher(file.lineText(line));
                String terminator = kind == FileKind.DOCKERFILE && heredoc.find() ? heredoc.group(1) : null;
                last = lines.continuationEnd(line);
                if (terminator != null) {
                    int end = lines.firstLineAtOrAfter(last, terminator);
                    last = end < 0 ? file.lineCount() - 1 : end;
                }
            }
            case WORKFLOW, ACTION, OTHER -> {
                int indent = indent(file.lineText(line));
                while (last + 1 < file.lineCount() && (file.lineText(last + 1).isBlank()
                        || indent(file.lineText(last + 1)) > indent)) {
                    last++;
                }
                while (last > line && file.lineText(last).isBlank()) {
                    last--;
                }
            }
            case PYPROJECT, SETUP_PY, STARTOS_TS -> {
                int depth = 0;
                for (; last < file.lineCount(); last++) {
                    depth += bracketBalance(file.lineText(last), kind == FileKind.STARTOS_TS ? "//" : "#");
                    if (depth <= 0 || last + 1 == file.lineCount()) {
                        break;
                    }
                }
            }
            default -> { }
        }
        return last;
    }

    /**
     * Per-line facts of one file, each worked out in one pass the first time it is needed, so that
     * finding the statement of every suppression comment never rescans the file (a file of many
     * comments before an unclosed heredoc would otherwise be read once per comment).
     */
    private static final class Lines {
        final SourceFile file;
        final FileKind kind;
        final String marker;
        private final String[] stripped;
        private int[] continuationStart;
        private int[] continuationEnd;
        private int[] nextCode;
        private Map<String, List<Integer>> linesByText;

        Lines(SourceFile file, FileKind kind) {
            this.file = file;
            this.kind = kind;
            this.marker = kind == FileKind.STARTOS_TS ? "//" : "#";
            this.stripped = new String[file.lineCount()];
        }

        String stripped(int line) {
            if (stripped[line] == null) {
                stripped[line] = file.lineText(line).strip();
            }
            return stripped[line];
        }

        private boolean continues(int line) {
            return stripped(line).endsWith("\\");
        }

        /** The first line of the backslash-continued statement that holds {@code line}. */
        int continuationStart(int line) {
            if (continuationStart == null) {
                continuationStart = new int[stripped.length];
                for (int i = 0; i < stripped.length; i++) {
                    continuationStart[i] = i > 0 && continues(i - 1) ? continuationStart[i - 1] : i;
                }
            }
            return continuationStart[line];
        }

        /** The last line of the backslash-continued statement that starts at {@code line}. */
        int continuationEnd(int line) {
            if (continuationEnd == null) {
                continuationEnd = new int[stripped.length];
                for (int i = stripped.length - 1; i >= 0; i--) {
                    continuationEnd[i] = i + 1 < stripped.length && continues(i) ? continuationEnd[i + 1] : i;
                }
            }
            return continuationEnd[line];
        }

        /** The first line at or after {@code line} that is neither blank nor a comment, or -1. */
        int nextCode(int line) {
            if (nextCode == null) {
                nextCode = new int[stripped.length + 1];
                nextCode[stripped.length] = -1;
                for (int i = stripped.length - 1; i >= 0; i--) {
                    String text = stripped(i);
                    nextCode[i] = !text.isEmpty() && !text.startsWith(marker) ? i : nextCode[i + 1];
                }
            }
            return nextCode[Math.min(line, stripped.length)];
        }

        /** The first line at or after {@code line} whose stripped text is {@code text}, or -1. */
        int firstLineAtOrAfter(int line, String text) {
            if (linesByText == null) {
                linesByText = new HashMap<>();
                for (int i = 0; i < stripped.length; i++) {
                    linesByText.computeIfAbsent(stripped(i), k -> new ArrayList<>()).add(i);
                }
            }
            List<Integer> candidates = linesByText.getOrDefault(text, List.of());
            int at = Collections.binarySearch(candidates, line);
            int index = at >= 0 ? at : -at - 1;
            return index < candidates.size() ? candidates.get(index) : -1;
        }
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** Opening minus closing brackets in the code part of a line, ignoring quoted text. */
    private static int bracketBalance(String line, String marker) {
        int end = commentStart(line, marker);
        String code = end < 0 ? line : line.substring(0, end);
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
        }
        return depth;
    }

    private static TextRange wholeLine(SourceFile file, int line) {
        int end = line + 1 < file.lineCount() ? file.lineStart(line + 1) : file.text().length();
        return new TextRange(file.lineStart(line), end);
    }

    private static int trimEnd(String text, int end) {
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return end;
    }
}
