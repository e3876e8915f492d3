package dev.vlint.fixers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UnifiedDiffTest {
    @TempDir
    Path dir;

    private static String numbered(int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i <= to; i++) {
            out.append("line ").append(i).append('\n');
        }
        return out.toString();
    }

    @Test
    void equalTextsGiveNoDiff() {
        assertEquals("", UnifiedDiff.diff("f", "a\nb\n", "a\nb\n"));
    }

    @Test
    void changeInTheMiddleShowsThreeLinesOfContext() {
        String old = numbered(1, 10);
        String updated = old.replace("line 5\n", "line five\n");

        assertEquals("""
                --- a/Dockerfile
                +++ b/Dockerfile
                @@ -2,7 +2,7 @@
                 line 2
                 line 3
                 line 4
                -line 5
                +line five
                 line 6
                 line 7
                 line 8
                """, UnifiedDiff.diff("Dockerfile", old, updated));
    }

    @Test
    void missingFinalNewlineIsMarked() {
        assertEquals("""
                --- a/f
                +++ b/f
                @@ -1,2 +1,2 @@
                 a
                -b
                \\ No newline at end of file
                +b
                """, UnifiedDiff.diff("f", "a\nb", "a\nb\n"));
    }

    static Stream<Arguments> pairs() {
        String base = numbered(1, 30);
        Random random = new Random(7);
        List<Arguments> cases = new ArrayList<>(List.of(
                Arguments.of("one change", base, base.replace("line 15\n", "changed\n")),
                Arguments.of("far apart: two hunks", base,
                        base.replace("line 3\n", "x\n").replace("line 25\n", "y\n")),
                Arguments.of("six lines apart: one hunk", base,
                        base.replace("line 10\n", "x\n").replace("line 17\n", "y\n")),
                Arguments.of("seven lines apart: two hunks", base,
                        base.replace("line 10\n", "x\n").replace("line 18\n", "y\n")),
                Arguments.of("insert at start", base, "new\n" + base),
                Arguments.of("delete at end", base, numbered(1, 28)),
                Arguments.of("append without newline", base, base + "tail"),
                Arguments.of("drop final newline", base, base.substring(0, base.length() - 1)),
                Arguments.of("from empty", "", "a\nb\n"),
                Arguments.of("to empty", "a\nb\n", ""),
                Arguments.of("crlf lines", "a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n"),
                Arguments.of("block replaced", base,
                        base.replace("line 12\nline 13\nline 14\n", "p\nq\n"))));
        for (int i = 0; i < 5; i++) {
            cases.add(Arguments.of("random " + i, base, mutate(base, random)));
        }
        return cases.stream();
    }

    /** Changes a few lines of the text at random: replace, drop or add one. */
    private static String mutate(String text, Random random) {
        List<String> lines = new ArrayList<>(UnifiedDiff.lines(text));
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(3)) {
                case 0 -> lines.set(at, "edited " + random.nextInt(100) + "\n");
                case 1 -> lines.remove(at);
                default -> lines.add(at, "added " + random.nextInt(100) + "\n");
            }
        }
        return String.join("", lines);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void matchesSystemDiff(String name, String old, String updated) throws IOException, InterruptedException {
        String expected = systemDiff(old, updated);
        assertEquals(expected, UnifiedDiff.diff("f", old, updated));
    }

    private String systemDiff(String old, String updated) throws IOException, InterruptedException {
        Path a = Files.writeString(dir.resolve("old"), old);
        Path b = Files.writeString(dir.resolve("new"), updated);
        Process process;
        try {
            process = new ProcessBuilder("diff", "-u", "--label", "a/f", "--label", "b/f", a.toString(), b.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "no diff program: " + e.getMessage());
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        assumeTrue(status <= 1, "diff failed: " + output);
        return output;
    }
}
