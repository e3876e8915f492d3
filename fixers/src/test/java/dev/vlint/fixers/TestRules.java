package dev.vlint.fixers;

import dev.vlint.config.Config;
import dev.vlint.fix.Applicability;
import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.project.FileKind;
import dev.vlint.project.ParseProblem;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small rules and helpers standing in for real rules while testing the fix engine. */
final class TestRules {
    /** {@code rc0} becomes {@code rc.0}. */
    static final Rule RC0 = regex("VL901", "rc0", Applicability.SAFE, m -> "rc.0");
    /** {@code :latest} becomes {@code :1.0}, which may change what is built. */
    static final Rule LATEST = regex("VL902", ":latest", Applicability.UNSAFE, m -> ":1.0");
    /** {@code abc} becomes {@code ABC}. */
    static final Rule UPPER = regex("VL903", "abc", Applicability.SAFE, m -> "ABC");
    /** {@code abc!} (any case) ends with a dot; its range overlaps {@link #UPPER}'s. */
    static final Rule BANG = regex("VL904", "(?i)abc!", Applicability.SAFE, m -> m.substring(0, 3) + ".");
    /** Always inserts {@code #} at the start: never converges. */
    static final Rule FOREVER = regex("VL905", "^", Applicability.SAFE, m -> "#");
    /** {@code call} becomes {@code call(}, which {@link #PARENS} rejects. */
    static final Rule OPEN_CALL = regex("VL906", "call", Applicability.SAFE, m -> "call(");
    /** Offers a fix that is only shown. */
    static final Rule TODO = regex("VL907", "todo", Applicability.DISPLAY_ONLY, m -> "done");
    /** Inserts a line, written with a lone {@code \n} whatever the file uses. */
    static final Rule NOTE = regex("VL908", "FROM x", Applicability.SAFE, m -> "# pinned\nFROM y");

    /** Every {@code (} without a matching {@code )} is a parse problem. */
    static final ParseCheck PARENS = file -> {
        String text = file.source().text();
        Deque<Integer> open = new ArrayDeque<>();
        List<ParseProblem> problems = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '(') {
                open.push(i);
            } else if (text.charAt(i) == ')' && !open.isEmpty()) {
                open.pop();
            }
        }
        open.descendingIterator().forEachRemaining(i -> problems.add(new ParseProblem(new TextRange(i, i + 1),
                "unclosed parenthesis")));
        return problems;
    };

    private TestRules() {}

    /** A rule reporting every match of {@code regex}, with one fix replacing the match. */
    static Rule regex(String id, String regex, Applicability applicability, UnaryOperator<String> replacement) {
        Pattern pattern = Pattern.compile(regex);
        RuleMeta meta = new RuleMeta(id, "test-" + id.toLowerCase(), Severity.WARNING, "test rule " + id,
                Fixability.SOMETIMES, Set.of(FileKind.DOCKERFILE), List.of("test"));
        return new Rule() {
            @Override
            public RuleMeta meta() {
                return meta;
            }

            @Override
            public void check(RuleContext context) {
                Matcher m = pattern.matcher(context.file().source().text());
                while (m.find()) {
                    TextRange range = new TextRange(m.start(), m.end());
                    Fix fix = new Fix("replace with " + replacement.apply(m.group()), applicability,
                            List.of(new Edit(range, replacement.apply(m.group()))));
                    context.report(range, "found " + m.group(), fix);
                }
            }
        };
    }

    /** Writes the files (path -> text, UTF-8) under root and builds a project of Dockerfiles from them. */
    static Project project(Path root, Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((path, text) -> bytes.put(path, SafeWriter.encode(false, text)));
        return projectOfBytes(root, bytes);
    }

    static Project projectOfBytes(Path root, Map<String, byte[]> files) {
        List<ProjectFile> projectFiles = new ArrayList<>();
        try {
            for (Map.Entry<String, byte[]> entry : files.entrySet()) {
                Path file = root.resolve(entry.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, entry.getValue());
                projectFiles.add(new ProjectFile(file, FileKind.DOCKERFILE,
                        SourceFile.decode(entry.getKey(), entry.getValue())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Project(root, projectFiles, Config.DEFAULT);
    }

    static Map<String, String> texts(FixReport report) {
        Map<String, String> texts = new LinkedHashMap<>();
        report.files().forEach(f -> texts.put(f.original().path(), f.fixed().text()));
        return texts;
    }
}
