package dev.vlint.rules.shell;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.RunShell;
import dev.vlint.dockerfile.Scope;
import dev.vlint.project.ProjectFile;
import dev.vlint.shell.ShellSnippets;
import dev.vlint.shell.ShellSnippets.Snippet;
import dev.vlint.source.MappedText;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.WorkflowParser;
import dev.vlint.workflow.YamlNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The script ShellCheck reads for one shell snippet, built the way hadolint builds it for a RUN: a
 * {@code #!} line for the shell that runs it, {@code export NAME=1} for the ARG and ENV names in scope
 * that the snippet uses (so SC2154 does not fire for them), and the snippet itself; for a workflow {@code run:} the
 * {@code ${{ }}} expressions are masked with underscores of the same length, as actionlint does.
 * Every character remembers where it came from, so ShellCheck's line and column (code points, a tab
 * counting as one with {@code --format=json1}) map back to the exact range in the file.
 */
final class ShellCheckInput {
    /**
     * Codes that a snippet cannot honour in a Dockerfile or workflow (hadolint's list): ShellCheck is not
     * given the sourced files, and ash is checked as dash. Passed with {@code --exclude} for every input.
     */
    static final String EXCLUDED = "SC1090,SC1091,SC2187";
    /**
     * Codes off in workflow steps, as in actionlint: {@code env:} keys and earlier steps'
     * {@code GITHUB_ENV} set variables ShellCheck cannot see.
     */
    static final String WORKFLOW_DISABLED = "SC2153,SC2154";
    /**
     * Codes off in a step with {@code ${{ }}} expressions: the underscores standing for them look
     * constant to ShellCheck (actionlint's SC2043, SC2050, SC2157, SC2194, and the same mistake in
     * SC2078, SC2170, SC2193 and SC2309, seen on real workflows).
     */
    static final String MASKED_DISABLED = "SC2043,SC2050,SC2078,SC2157,SC2170,SC2193,SC2194,SC2309";
    /** Build arguments every build has without declaring them (BuildKit's predefined ARGs; hadolint exports them too). */
    private static final List<String> PROXY_VARIABLES = List.of("HTTP_PROXY", "http_proxy", "HTTPS_PROXY",
            "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy");
    /** The dialects ShellCheck reads; ash is read as dash. */
    private static final Set<String> DIALECTS = Set.of("sh", "bash", "dash", "ksh", "ash");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*#\\s*shellcheck\\s+(\\S.*?)\\s*$");

    private final String text;
    /** For each character of {@link #text}: its index in {@link #source}, or -1 for the lines added here. */
    private final int[] origin;
    /** Characters standing for a masked {@code ${{ }}} expression. */
    private final BitSet masked;
    private final MappedText source;
    private final String extension;
    private final int[] lineStarts;
    /** File ranges checked as snippets of their own (a heredoc fed to a shell): findings there are theirs. */
    private List<TextRange> leftToOthers = List.of();

    private ShellCheckInput(Builder builder, MappedText source, String extension) {
        this.text = builder.text.toString();
        this.origin = Arrays.copyOf(builder.origin, text.length());
        this.masked = builder.masked;
        this.source = source;
        this.extension = extension;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** What ShellCheck reads. */
    String text() {
        return text;
    }

    /** The file name ending ShellCheck sees ({@code .sh}, {@code .bash}), which decides the shell of a script without {@code #!}. */
    String extension() {
        return extension;
    }

    /**
     * The input for {@code snippet} of {@code file}, or null when its shell is not one ShellCheck reads
     * (PowerShell, cmd, zsh, a shell named by a variable).
     *
     * @param feedingShell the command that reads the snippet as a heredoc ({@code bash <<EOF}), else null
     * @param nestedSnippets file ranges of heredocs inside the snippet that are checked on their own
     */
    static ShellCheckInput of(ProjectFile file, Snippet snippet, String feedingShell, List<TextRange> nestedSnippets) {
        ShellCheckInput input = of(file, snippet, feedingShell);
        if (input != null) {
            input.leftToOthers = List.copyOf(nestedSnippets);
        }
        return input;
    }

    private static ShellCheckInput of(ProjectFile file, Snippet snippet, String feedingShell) {
        MappedText source = snippet.text();
        boolean ownShebang = source.text().startsWith("#!");
        if (snippet.instruction() != null) {
            String dialect = feedingShell != null ? dialect(List.of(feedingShell))
                    : ownShebang ? shebangDialect(source.text()) : dialect(RunShell.of(file, snippet.instruction()));
            if (dialect == null) {
                return null;
            }
            List<String> added = new ArrayList<>();
            directives(file.source(), snippet.instruction()).forEach(d -> added.add("# shellcheck " + d));
            String exports = exports(snippet);
            if (exports != null) {
                added.add(exports);
            }
            return build(source, ownShebang ? null : dialect, added, false, true, ".sh");
        }
        if (snippet.step() != null) {
            String shell = scalar(snippet.step().shell());
            if (shell == null) {
                shell = scalar(snippet.job().defaultShell());
            }
            Workflow workflow = file.model(WorkflowParser.KEY);
            if (shell == null && workflow != null) {
                shell = scalar(workflow.defaultShell());
            }
            String dialect = feedingShell != null ? dialect(List.of(feedingShell))
                    : ownShebang ? shebangDialect(source.text())
                    : shell == null ? "bash" : dialect(List.of(shell.strip().split("\\s+")));
            if (dialect == null) {
                return null;
            }
            List<String> added = new ArrayList<>();
            boolean masked = !expressions(source.text()).isEmpty();
            added.add("# shellcheck disable=" + WORKFLOW_DISABLED + (masked ? "," + MASKED_DISABLED : ""));
            // How GitHub starts the shells it names: bash -eo pipefail, sh -e; a custom command line as written.
            if (feedingShell == null && (shell == null || shell.equals("bash"))) {
                added.add("set -eo pipefail");
            } else if (feedingShell == null && shell.equals("sh")) {
                added.add("set -e");
            }
            return build(source, ownShebang ? null : dialect, added, true, true, ".sh");
        }
        if (ownShebang && shebangDialect(source.text()) == null) {
            return null;
        }
        // A script keeps its carriage returns: the shell reads them too, and ShellCheck reports them (SC1017).
        return build(source, null, List.of(), false, false, file.path().endsWith(".bash") ? ".bash" : ".sh");
    }

    /**
     * The file range of ShellCheck's 1-based {@code line:column} to {@code endLine:endColumn} (end
     * exclusive), or null when it lies in a line added here or on a masked expression.
     */
    TextRange range(int line, int column, int endLine, int endColumn) {
        int start = index(line, column);
        int end = Math.max(start, index(endLine, endColumn));
        if (start < text.length() && (origin[start] < 0 || masked.get(start))) {
            return null;
        }
        int from = start < text.length() ? origin[start] : source.length();
        int to = from;
        for (int i = end - 1; i >= start; i--) {
            if (origin[i] >= 0) {
                to = origin[i] + 1;
                break;
            }
        }
        TextRange range = source.fileRange(from, Math.max(from, to));
        return leftToOthers.stream().anyMatch(r -> r.start() <= range.start() && range.start() < r.end()) ? null : range;
    }

    /** The index in {@link #text} of a 1-based line and code-point column, clamped to the line. */
    private int index(int line, int column) {
        if (line < 1) {
            return 0;
        }
        if (line > lineStarts.length) {
            return text.length();
        }
        int at = lineStarts[line - 1];
        int lineEnd = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        for (int c = 1; c < column && at < lineEnd; c++) {
            at += Character.charCount(text.codePointAt(at));
        }
        return at;
    }

    /**
     * The snippet behind {@code #!/bin/<dialect>} (none when null) and the {@code added} lines, which
     * follow the snippet's own {@code #!} line when it has one; a directive there covers the whole script.
     */
    private static ShellCheckInput build(MappedText source, String dialect, List<String> added, boolean maskExpressions,
            boolean dropCarriageReturns, String extension) {
        Builder out = new Builder();
        String body = source.text();
        int from = 0;
        if (dialect != null) {
            out.add("#!/bin/" + dialect + "\n");
        } else if (!added.isEmpty() && body.startsWith("#!")) {
            from = body.indexOf('\n') < 0 ? body.length() : body.indexOf('\n') + 1;
            out.copy(body, 0, from, null, dropCarriageReturns);
            if (!body.substring(0, from).endsWith("\n")) {
                out.add("\n");
            }
        }
        added.forEach(line -> out.add(line + "\n"));
        out.copy(body, from, body.length(), maskExpressions ? expressions(body) : null, dropCarriageReturns);
        return new ShellCheckInput(out, source, extension);
    }

    /** The text with every {@code ${{ }}} replaced by underscores of the same length (line breaks kept). */
    static MappedText maskExpressions(MappedText text) {
        BitSet spans = expressions(text.text());
        MappedText.Builder out = new MappedText.Builder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.text().charAt(i);
            out.append(spans.get(i) && c != '\n' ? '_' : c, text.fileOffset(i));
        }
        return out.build(text.fileOffset(text.length()));
    }

    /** The characters of each {@code ${{ ... }}} of {@code text}. */
    private static BitSet expressions(String text) {
        BitSet spans = new BitSet();
        for (int start = text.indexOf("${{"); start >= 0; start = text.indexOf("${{", start)) {
            int close = text.indexOf("}}", start + 3);
            if (close < 0) {
                break;
            }
            spans.set(start, close + 2);
            start = close + 2;
        }
        return spans;
    }

    /**
     * {@code export NAME=1 ...} for the ARG and ENV names visible to the RUN, and the predefined proxy
     * ARGs, that the snippet refers to ({@code $NAME}, {@code ${NAME...}}): the line stays as short as
     * the snippet, and an ARG added elsewhere leaves the input, and so its cached result, unchanged.
     */
    private static String exports(Snippet snippet) {
        Scope scope = snippet.stage() == null ? null : snippet.stage().scopeAt(snippet.instruction());
        Set<String> names = new TreeSet<>();
        Matcher reference = REFERENCE.matcher(snippet.text().text());
        while (reference.find()) {
            String name = reference.group(1);
            if (PROXY_VARIABLES.contains(name) || scope != null && scope.isDefined(name)) {
                names.add(name);
            }
        }
        StringBuilder line = new StringBuilder("export");
        names.forEach(name -> line.append(' ').append(name).append("=1"));
        return names.isEmpty() ? null : line.toString();
    }

    /**
     * The {@code # shellcheck ...} directives written as Dockerfile comments: in the comment block right
     * above the RUN, and on comment lines inside its continuation lines (BuildKit drops those lines, so
     * ShellCheck would not see them).
     */
    private static List<String> directives(SourceFile file, Instruction run) {
        List<String> found = new ArrayList<>();
        int first = file.lineIndex(run.range().start());
        for (int line = first - 1; line >= 0 && file.lineText(line).strip().startsWith("#"); line--) {
            directive(file.lineText(line)).ifPresent(d -> found.add(0, d));
        }
        MappedText command = run.shellText().orElse(null);
        int last = command == null || command.length() == 0 ? first
                : file.lineIndex(command.fileOffset(command.length() - 1));
        for (int line = first + 1; line <= last; line++) {
            directive(file.lineText(line)).ifPresent(found::add);
        }
        return found;
    }

    private static Optional<String> directive(String line) {
        Matcher m = DIRECTIVE.matcher(line);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The dialect of a shell command line ({@code /bin/bash -c}, {@code /usr/bin/env bash}), or null. */
    static String dialect(List<String> command) {
        int i = 0;
        String name = command.isEmpty() ? "" : basename(command.get(0));
        if (name.equals("env")) {
            for (i = 1; i < command.size() && command.get(i).startsWith("-"); i++) {
                // skip env's own options
            }
            name = i < command.size() ? basename(command.get(i)) : "";
        }
        name = name.toLowerCase(Locale.ROOT);
        return DIALECTS.contains(name) ? name : null;
    }

    private static String shebangDialect(String text) {
        int end = text.indexOf('\n');
        String line = (end < 0 ? text : text.substring(0, end)).substring(2).strip();
        return line.isEmpty() ? null : dialect(List.of(line.split("\\s+")));
    }

    private static String basename(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String scalar(YamlNode node) {
        return node == null || node.kind() != YamlNode.Kind.SCALAR ? null : node.value();
    }

    /** Text with the origin of each character. */
    private static final class Builder {
        final StringBuilder text = new StringBuilder();
        int[] origin = new int[256];
        final BitSet masked = new BitSet();

        void add(String added) {
            for (int i = 0; i < added.length(); i++) {
                append(added.charAt(i), -1);
            }
        }

        /**
         * Copies {@code body[from, to)}; the {@code masked} characters become underscores. With
         * {@code dropCarriageReturns} a carriage return before a line break is left out, as BuildKit drops it.
         */
        void copy(String body, int from, int to, BitSet maskedChars, boolean dropCarriageReturns) {
            for (int i = from; i < to; i++) {
                char c = body.charAt(i);
                if (dropCarriageReturns && c == '\r' && (i + 1 == body.length() || body.charAt(i + 1) == '\n')) {
                    continue;
                }
                if (maskedChars != null && maskedChars.get(i) && c != '\n') {
                    masked.set(text.length());
                    c = '_';
                }
                append(c, i);
            }
        }

        private void append(char c, int from) {
            if (text.length() == origin.length) {
                origin = Arrays.copyOf(origin, origin.length * 2);
            }
            origin[text.length()] = from;
            text.append(c);
        }
    }
}
