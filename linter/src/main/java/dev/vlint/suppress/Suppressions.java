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
import java.util.LinkedHashSet;
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
 *   <li>TypeScript uses {@code //}; in Dockerfiles {@code # hadolint ignore=DL3008 # reason} (next
 *       instruction), {@code # hadolint stage ignore=...} and {@code # hadolint global ignore=...}
 *       map through aliases ({@link HadolintPragma}).
 *   <li>workflows honour zizmor's {@code # zizmor: ignore[audit]} ({@link ZizmorIgnore}).
 * </ul>
 */
public final class Suppressions {
    /** Rule id of "unused suppression" findings. */
    public static final String UNUSED_ID = "VL002";
    /** Rule id of "suppression names no rule" findings. */
    public static final String BLANKET_ID = "VL003";
    /** The rules about suppression comments, which a comment without rule ids does not silence. */
    static final Set<String> ABOUT_SUPPRESSIONS = Set.of(UNUSED_ID, BLANKET_ID);

    /** {@code ignore[ids] reason}, or {@code ignore reason} without ids (a blanket suppression). */
    private static final Pattern VLINT = Pattern.compile(
            "(?:#|//)[ \\t]*vlint:[ \\t]*(ignore-file|ignore)(?:\\[([^\\]]*)\\]|(?=[ \\t]|$))(.*)");
    private static final Pattern WRITTEN_ID = Pattern.compile("[^,\\s]+");
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
     * @param rules resolves the ids written in comments (any case, names, aliases such as
     *     hadolint's {@code DL3008}) to rule ids; an id in a vlint comment that no rule carries is
     *     kept as unknown and reported; foreign ids in hadolint comments are left to hadolint. An
     *     empty index takes every id as written.
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
        if (kind == FileKind.WORKFLOW) {
            found.addAll(ZizmorIgnore.scan(file, rules));
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
        SuppressionIndex index = new SuppressionIndex(suppressions);
        Set<String> used = new HashSet<>(); // "index:ruleId"
        Map<Integer, Set<String>> silenced = new HashMap<>(); // by blanket suppression, in finding order
        List<Finding> marked = new ArrayList<>();
        for (Finding finding : findings) {
            marked.add(suppress(index, finding, used, silenced));
        }
        List<Finding> unused = new ArrayList<>();
        List<Finding> blanket = new ArrayList<>();
        for (int i = 0; i < suppressions.size(); i++) {
            Suppression s = suppressions.get(i);
            if (s.foreign()) {
                continue;
            }
            for (Suppression.UnknownId unknown : s.unknownIds()) {
                unused.add(suppress(index, unknownIdFinding(s, unknown), new HashSet<>(), new HashMap<>()));
            }
            if (s.blanket()) {
                List<String> ids = new ArrayList<>(silenced.getOrDefault(i, Set.of()));
                blanket.add(suppress(index, blanketFinding(s, ids), new HashSet<>(), new HashMap<>()));
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
                unused.add(suppress(index, unusedFinding(s, idle), new HashSet<>(), new HashMap<>()));
            }
        }
        return new Result(marked, unused, blanket);
    }

    /**
     * Findings with suppressions marked, the findings about unused suppressions and unknown ids
     * ({@link #UNUSED_ID}), and those about comments that name no rule ({@link #BLANKET_ID}).
     */
    public record Result(List<Finding> findings, List<Finding> unused, List<Finding> blanket) {
        public Result {
            findings = List.copyOf(findings);
            unused = List.copyOf(unused);
            blanket = List.copyOf(blanket);
        }
    }

    /** Marks the finding with the reason of the first comment covering it; notes every comment that covers it. */
    private Finding suppress(SuppressionIndex index, Finding finding, Set<String> used,
            Map<Integer, Set<String>> silenced) {
        Finding result = finding;
        for (int i : index.covering(finding.ruleId(), finding.range().start())) {
            Suppression s = suppressions.get(i);
            used.add(i + ":" + finding.ruleId());
            if (s.blanket()) {
                silenced.computeIfAbsent(i, k -> new LinkedHashSet<>()).add(finding.ruleId());
            }
            if (!result.suppressed()) {
                result = result.withSuppression(s.reason());
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
        List<Fix> fixes = new ArrayList<>();
        if (idle.size() == s.ruleIds().size()) {
            fixes.add(Fix.safe("Remove the unused suppression comment", Edit.delete(s.removal())));
        } else if (s.unknownIds().isEmpty()) {
            List<String> kept = new ArrayList<>();
            for (int k = 0; k < s.ruleIds().size(); k++) {
                if (!idle.contains(k)) {
                    kept.add(s.ruleIds().get(k));
                }
            }
            TextRange list = s.idRanges().get(0).union(s.idRanges().get(s.idRanges().size() - 1));
            fixes.add(Fix.safe("Remove " + String.join(", ", ids) + " from the suppression",
                    new Edit(list, String.join(",", kept))));
        }
        return new Finding(UNUSED_ID, Severity.WARNING, message, file, range, List.of(), fixes, null);
    }

    /** An id that names no rule: the comment does not do what its author meant. */
    private Finding unknownIdFinding(Suppression s, Suppression.UnknownId unknown) {
        String message = "'" + unknown.written() + "' is not a rule id, so this suppression silences nothing for it; "
                + (unknown.closest() == null ? "`vlint rules` lists the ids" : "did you mean " + unknown.closest() + "?");
        return new Finding(UNUSED_ID, Severity.WARNING, message, file, unknown.range(), List.of(), List.of(), null);
    }

    /**
     * A comment without rule ids silences every rule, today's findings and tomorrow's; it is
     * reported with the ids it silences now, so they can be named instead.
     */
    private Finding blanketFinding(Suppression s, List<String> silenced) {
        String form = s.fileWide() ? "ignore-file" : "ignore";
        String scope = s.fileWide() ? "in this file" : "on the lines it covers";
        TextRange keyword = s.keyword();
        if (silenced.isEmpty()) {
            return new Finding(BLANKET_ID, Severity.WARNING, "`vlint: " + form + "` without rule ids silences every"
                    + " rule " + scope + ", and silences nothing now; name the rules it is meant for, e.g. `vlint: "
                    + form + "[VL101]`, or remove it", file, keyword, List.of(), List.of(), null);
        }
        String ids = String.join(",", silenced);
        Fix fix = Fix.unsafe("Name the silenced rules: " + form + "[" + ids + "]",
                new Edit(s.idList(), "[" + ids + "]"));
        return new Finding(BLANKET_ID, Severity.WARNING, "`vlint: " + form + "` without rule ids silences every rule "
                + scope + " (now " + String.join(", ", silenced) + "), and would hide any new finding there too;"
                + " name the rules: `vlint: " + form + "[" + ids + "]`", file, keyword, List.of(), List.of(fix), null);
    }

    private static Suppression directive(Lines lines, int line, String text, int at, int commentStart,
            RuleIndex rules) {
        int lineStart = lines.file.lineStart(line);
        // lookingAt, not find: find would try every later position of the line for each marker.
        Matcher m = VLINT.matcher(text).region(at, text.length());
        if (m.lookingAt()) {
            return vlintDirective(lines, line, text, commentStart, m, rules);
        }
        HadolintPragma pragma = lines.kind == FileKind.DOCKERFILE ? HadolintPragma.parse(text, at) : null;
        if (pragma != null) {
            List<String> ids = new ArrayList<>();
            List<TextRange> ranges = new ArrayList<>();
            for (int k = 0; k < pragma.names().size(); k++) {
                Optional<String> known = rules.id(pragma.names().get(k));
                if (known.isPresent()) {
                    int start = lineStart + pragma.nameStarts().get(k);
                    ids.add(known.get());
                    ranges.add(new TextRange(start, start + pragma.names().get(k).length()));
                }
            }
            if (ids.isEmpty()) {
                return null;
            }
            if (pragma.scope() == HadolintPragma.Scope.STAGE) {
                return stageSuppression(lines, line, text, commentStart, ids, ranges, pragma.reason());
            }
            return suppression(lines, line, text, commentStart, ids, ranges, pragma.reason(),
                    pragma.scope() == HadolintPragma.Scope.GLOBAL, true);
        }
        return null;
    }

    /**
     * A {@code vlint: ignore} comment: each id written is looked up (any case, name or alias); ids no
     * rule carries are kept as unknown, and a comment without ids is a blanket suppression.
     */
    private static Suppression vlintDirective(Lines lines, int line, String text, int commentStart, Matcher m,
            RuleIndex rules) {
        int lineStart = lines.file.lineStart(line);
        List<String> ids = new ArrayList<>();
        List<TextRange> ranges = new ArrayList<>();
        List<Suppression.UnknownId> unknown = new ArrayList<>();
        if (m.group(2) != null) {
            Matcher id = WRITTEN_ID.matcher(text).region(m.start(2), m.end(2));
            while (id.find()) {
                TextRange range = new TextRange(lineStart + id.start(), lineStart + id.end());
                Optional<String> known = rules.all().isEmpty() ? Optional.of(id.group()) : rules.id(id.group());
                if (known.isPresent()) {
                    ids.add(known.get());
                    ranges.add(range);
                } else {
                    unknown.add(new Suppression.UnknownId(id.group(), range, rules.closest(id.group()).orElse(null)));
                }
            }
        }
        Suppression base = suppression(lines, line, text, commentStart, ids, ranges, m.group(3).trim(),
                m.group(1).equals("ignore-file"), false);
        boolean blanket = ids.isEmpty() && unknown.isEmpty();
        return new Suppression(ids, ranges, base.reason(), base.target(), base.comment(), base.removal(), false,
                blanket, unknown, new TextRange(lineStart + m.start(1), lineStart + m.end(1)),
                m.group(2) == null ? TextRange.at(lineStart + m.end(1))
                        : new TextRange(lineStart + m.start(2) - 1, lineStart + m.end(2) + 1));
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

    /**
     * A {@code # hadolint stage ignore=} comment: it covers the lines after it up to the next FROM
     * that starts a later stage (the FROM right after the comment belongs to the stage it ignores in).
     */
    private static Suppression stageSuppression(Lines lines, int line, String text, int commentStart, List<String> ids,
            List<TextRange> ranges, String reason) {
        SourceFile file = lines.file;
        int first = lines.nextCode(line + 1);
        int next = first < 0 ? -1 : lines.nextFrom(first + 1);
        int end = next < 0 ? file.text().length() : Math.max(file.lineStart(line + 1), file.lineStart(next) - 1);
        int start = line + 1 < file.lineCount() ? file.lineStart(line + 1) : file.text().length();
        TextRange comment = new TextRange(file.lineStart(line) + commentStart, file.lineEnd(line));
        return new Suppression(ids, ranges, reason, new TextRange(start, Math.max(start, end)), comment,
                wholeLine(file, line), true);
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
        private int[] nextFrom;
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

        /** The first line at or after {@code line} that starts a FROM instruction, or -1. */
        int nextFrom(int line) {
            if (nextFrom == null) {
                nextFrom = new int[stripped.length + 1];
                nextFrom[stripped.length] = -1;
                for (int i = stripped.length - 1; i >= 0; i--) {
                    String t = stripped(i);
                    boolean from = continuationStart(i) == i && t.length() > 4 && t.regionMatches(true, 0, "FROM", 0, 4)
                            && Character.isWhitespace(t.charAt(4));
                    nextFrom[i] = from ? i : nextFrom[i + 1];
                }
            }
            return nextFrom[Math.min(line, stripped.length)];
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
