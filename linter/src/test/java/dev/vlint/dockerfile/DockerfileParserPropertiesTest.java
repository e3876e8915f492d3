package dev.vlint.dockerfile;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.project.ParseProblem;
import dev.vlint.project.Parsed;
import dev.vlint.source.MappedText;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the input, the parser returns a model and every range lies inside the file. */
class DockerfileParserPropertiesTest {

    @Property(tries = 500)
    void randomBytesNeverThrow(@ForAll byte[] bytes) {
        check(SourceFile.decode("Dockerfile", bytes));
    }

    @Property(tries = 1500)
    void dockerfileShapedNoiseNeverThrows(@ForAll("noise") String text) {
        check(SourceFile.of("Dockerfile", text));
    }

    @Property(tries = 800)
    void truncatedFixturesNeverThrow(@ForAll("fixtures") String text, @ForAll("fractions") double cut) {
        check(SourceFile.of("Dockerfile", text.substring(0, (int) (text.length() * cut))));
    }

    @Property(tries = 5)
    void deepNestingNeverThrows(@ForAll("depths") int depth) {
        check(SourceFile.of("Dockerfile", "FROM a\nCMD " + "[".repeat(depth) + "\nENV A=" + "${A:-".repeat(depth)
                + "x" + "}".repeat(depth) + "\n"));
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.integers().between(2_000, 30_000);
    }

    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> pieces = Arbitraries.of("FROM a AS b", "RUN ", "ONBUILD ", "COPY ", "ENV ", "LABEL ",
                "ARG ", "HEALTHCHECK ", "CMD ", "<<EOF", "<<-'X'", "3<<\"E F\"", "EOF", "X", "\t", " ", "\\",
                "`", "\n", "\r\n", "\r", "[", "]", "\"", "'", ",", "=", "--mount=type=cache,id=", "--", "#",
                "# escape=`", "# syntax=x", "${A:-b}", "$", "{", "}", "\\u00", "\uFEFF", "é", "\u00a0", "😀",
                "<< ", "<<- \"E\"", "--link=", "--from", "--chmod=1", "--bogus=1", "HEALTHCHECK NONE ");
        return pieces.list().ofMaxSize(40).map(list -> String.join("", list));
    }

    @Provide
    Arbitrary<String> fixtures() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String set : List.of("dump", "dump-negative")) {
            for (Path dir : DumpConformanceTest.cases(set)) {
                texts.add(Files.readString(dir.resolve("Dockerfile")));
            }
        }
        return Arbitraries.of(texts);
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1);
    }

    private static void check(SourceFile file) {
        Parsed<Dockerfile> parsed = DockerfileParser.parse(file);
        Dockerfile df = parsed.model();
        assertNotNull(df);
        int length = file.text().length();
        for (ParseProblem p : parsed.problems()) {
            inside(p.range(), length);
        }
        for (Directive d : df.directives()) {
            inside(d.range(), length);
            inside(d.valueRange(), length);
        }
        for (Instruction ins : df.instructions()) {
            instruction(ins, length);
        }
        for (Stage stage : df.stages()) {
            for (Instruction ins : stage.instructions()) {
                stage.scopeAt(ins).expand(ins.text().text());
            }
        }
        DockerfileDump.dump(df);
    }

    private static void instruction(Instruction ins, int length) {
        inside(ins.range(), length);
        inside(ins.keywordRange(), length);
        mapped(ins.text(), length);
        ins.args().forEach(w -> inside(w.range(), length));
        for (Flag f : ins.flags()) {
            inside(f.range(), length);
            inside(f.nameRange(), length);
            f.valueRange().ifPresent(r -> inside(r, length));
        }
        for (RunMount m : ins.mounts()) {
            for (MountOption o : m.options()) {
                inside(o.range(), length);
                inside(o.keyRange(), length);
                inside(o.valueRange(), length);
            }
        }
        for (Heredoc h : ins.heredocs()) {
            inside(h.range(), length);
            inside(h.markerRange(), length);
            mapped(h.body(), length);
        }
        ins.shellText().ifPresent(t -> mapped(t, length));
        if (ins.trigger() != null) {
            instruction(ins.trigger(), length);
        }
    }

    private static void mapped(MappedText text, int length) {
        for (int i = 0; i <= text.length(); i++) {
            int offset = text.fileOffset(i);
            assertTrue(offset >= 0 && offset <= length, "offset " + offset + " outside 0.." + length);
        }
        if (text.length() > 0) {
            inside(text.fileRange(0, text.length()), length);
        }
    }

    private static void inside(TextRange range, int length) {
        assertTrue(range.start() >= 0 && range.end() <= length, range + " outside 0.." + length);
    }
}
