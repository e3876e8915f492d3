package dev.vlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vlint.rules.BuiltinRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code console} block in README.md and docs/*.md that starts with {@code $ vlint} (or
 * {@code $ bin/vlint}) is run from the repository root, and its output must be what the block shows
 * (standard output, then standard error; run times are not compared).
 */
class DocsExamplesTest {
    private static final Path ROOT = Path.of(System.getProperty("vlint.root", "..")).toAbsolutePath().normalize();
    private static final Pattern BLOCK = Pattern.compile("```console\\n\\$ (?:bin/)?vlint( [^\\n]*)?\\n(.*?)```", Pattern.DOTALL);
    /** An inline {@code `vlint ...`} command, or a command line in a block, without {@code bin/}. */
    private static final Pattern BARE_COMMAND = Pattern.compile("`vlint [-a-zA-Z./][^`]*`|(?m)^\\$ vlint\\b.*$");
    private static final Pattern DURATION = Pattern.compile("in \\d+\\.\\d+s");

    @TestFactory
    Stream<DynamicTest> documentedCommandsPrintWhatTheDocsShow() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        for (Path doc : docs) {
            Matcher m = BLOCK.matcher(Files.readString(doc));
            while (m.find()) {
                String args = m.group(1) == null ? "" : m.group(1).trim();
                String shown = m.group(2);
                tests.add(DynamicTest.dynamicTest(ROOT.relativize(doc) + ": vlint " + args,
                        () -> assertEquals(normalized(shown), normalized(run(args)))));
            }
        }
        return tests.stream();
    }

    /**
     * The README's commands work as written in a fresh checkout, where only {@code bin/vlint} exists
     * (there is no {@code vlint} on PATH until the reader puts {@code bin/} there).
     */
    @Test
    void readmeCommandsUseTheLauncher() throws IOException {
        List<String> bare = new ArrayList<>();
        Matcher m = BARE_COMMAND.matcher(Files.readString(ROOT.resolve("README.md")));
        while (m.find()) {
            bare.add(m.group().strip());
        }
        assertEquals(List.of(), bare, "README commands must start with bin/vlint");
    }

    private static String run(String args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] words = args.isEmpty() ? new String[0] : args.split(" +");
        new Session(ROOT, new PrintWriter(out), new PrintWriter(err), Map.of(), false, BuiltinRules.all(), false)
                .run(words);
        return out + err.toString();
    }

    private static String normalized(String text) {
        return DURATION.matcher(text).replaceAll("in <time>").stripTrailing();
    }
}
