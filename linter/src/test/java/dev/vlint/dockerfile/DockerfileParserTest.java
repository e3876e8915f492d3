package dev.vlint.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.project.ParseProblem;
import dev.vlint.project.Parsed;
import dev.vlint.source.MappedText;
import dev.vlint.source.Position;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerfileParserTest {

    private static Parsed<Dockerfile> parse(String text) {
        return DockerfileParser.parse(SourceFile.of("Dockerfile", text));
    }

    private static Dockerfile model(String text) {
        Parsed<Dockerfile> parsed = parse(text);
        assertEquals(List.of(), parsed.problems());
        return parsed.model();
    }

    /** Position in the file of {@code needle} found in the shell text of instruction {@code index}. */
    private static Position shellWord(Dockerfile df, int index, String needle) {
        MappedText shell = df.instructions().get(index).shellText().orElseThrow();
        int at = shell.text().indexOf(needle);
        assertTrue(at >= 0, needle + " not in " + shell.text());
        TextRange range = shell.fileRange(at, at + needle.length());
        assertEquals(needle, df.source().slice(range));
        return df.source().position(range.start());
    }

    private static final String SIX_LINE_RUN = String.join("\n",
            "FROM alpine",
            "RUN apt-get update \\",
            "    && apt-get install -y \\",
            "    # the tools we need",
            "        curl \\",
            "      wget",
            "CMD [\"sh\"]",
            "");

    @Test
    void wordOnFourthLineOfRunMapsToItsLineAndColumn() {
        Dockerfile df = model(SIX_LINE_RUN);
        assertEquals(new Position(5, 9), shellWord(df, 1, "curl"));
        assertEquals(new Position(6, 7), shellWord(df, 1, "wget"));
        assertEquals(new Position(3, 8), shellWord(df, 1, "apt-get install"));
        Instruction run = df.instructions().get(1);
        assertEquals(new TextRange(12, SIX_LINE_RUN.indexOf("wget") + 4), run.range());
        assertEquals(new TextRange(12, 15), run.keywordRange());
    }

    @Test
    void crlfFileKeepsExactPositions() {
        String crlf = SIX_LINE_RUN.replace("\n", "\r\n");
        Dockerfile df = model(crlf);
        assertEquals(new Position(5, 9), shellWord(df, 1, "curl"));
        assertEquals(new Position(6, 7), shellWord(df, 1, "wget"));
        assertFalse(df.instructions().get(1).shellText().orElseThrow().text().contains("\r"));
        assertEquals("CMD", df.instructions().get(2).keyword());
    }

    @Test
    void backtickEscapeContinuesLinesAndLeavesBackslashAlone() {
        Dockerfile df = model("# escape=`\nFROM windows\nRUN dir c:\\ `\n  && echo `\n   done\n");
        assertEquals('`', df.escapeChar());
        assertEquals("escape", df.directives().get(0).name());
        assertEquals(new Position(5, 4), shellWord(df, 1, "done"));
        assertEquals(new Position(3, 9), shellWord(df, 1, "c:\\"));
    }

    @Test
    void heredocBodyIsMappedToTheFile() {
        String text = "FROM alpine\nRUN <<EOF\necho one\n  rm -rf /opt/hpcx\nEOF\nCMD x\n";
        Dockerfile df = model(text);
        Instruction run = df.instructions().get(1);
        Heredoc doc = run.heredocs().get(0);
        assertEquals("EOF", doc.delimiter());
        assertFalse(doc.quoted());
        assertEquals("echo one\n  rm -rf /opt/hpcx\n", doc.body().text());
        int at = doc.body().text().indexOf("/opt/hpcx");
        assertEquals(new Position(4, 10), df.source().position(doc.body().fileOffset(at)));
        assertEquals(new TextRange(text.indexOf("<<EOF"), text.indexOf("<<EOF") + 5), doc.markerRange());
        assertEquals(text.indexOf("\nCMD"), run.range().end());
        assertEquals("CMD", df.instructions().get(2).keyword());
    }

    @Test
    void blanksBetweenHeredocOperatorAndDelimiterAreAllowed() {
        String text = "FROM a\nRUN cat > /x << 'EOF'\necho hi\nEOF\nRUN <<  END  > /y\nEND\nCMD [\"x\"]\n";
        Dockerfile df = model(text);
        Heredoc doc = df.instructions().get(1).heredocs().get(0);
        assertEquals("EOF", doc.delimiter());
        assertTrue(doc.quoted());
        assertEquals("echo hi\n", doc.body().text());
        assertEquals("END", df.instructions().get(2).heredocs().get(0).delimiter());
        assertEquals(List.of("FROM", "RUN", "RUN", "CMD"), df.instructions().stream().map(Instruction::keyword).toList());
    }

    @Test
    void severalHeredocsOnOneLineTakeBodiesInOrder() {
        String text = "FROM a\nRUN <<A cat > /a && <<-\"B\" 3<<C python3\none\nA\n\t\ttwo\n\tB\nthree\nC\n";
        Dockerfile df = model(text);
        List<Heredoc> docs = df.instructions().get(1).heredocs();
        assertEquals(3, docs.size());
        assertEquals("one\n", docs.get(0).body().text());
        assertEquals("B", docs.get(1).delimiter());
        assertTrue(docs.get(1).quoted());
        assertTrue(docs.get(1).stripTabs());
        assertEquals("two\n", docs.get(1).body().text());
        assertEquals(text.indexOf("two"), docs.get(1).body().fileOffset(0));
        assertEquals(3, docs.get(2).fd());
        assertEquals("three\n", docs.get(2).body().text());
        assertEquals(-1, docs.get(0).fd());
    }

    @Test
    void blanksBetweenTheOperatorAndTheWordStillMakeAHeredoc() {
        // dockerfile 1.16 (BuildKit 0.22) reads `<< 'EOF'` as a heredoc; before it, the body became instructions.
        String text = "FROM a\nRUN cat > /usr/bin/info << 'EOF' && chmod +x /usr/bin/info\necho hi\nEOF\n"
                + "RUN <<  END\nls\nEND\nRUN echo << \n";
        Dockerfile df = model(text);
        assertEquals(List.of("FROM", "RUN", "RUN", "RUN"), df.instructions().stream().map(Instruction::keyword).toList());
        Heredoc doc = df.instructions().get(1).heredocs().get(0);
        assertEquals("EOF", doc.delimiter());
        assertTrue(doc.quoted());
        assertEquals("echo hi\n", doc.body().text());
        assertEquals("<< 'EOF'", df.source().slice(doc.markerRange()));
        assertEquals("ls\n", df.instructions().get(2).heredocs().get(0).body().text());
        assertTrue(df.instructions().get(3).heredocs().isEmpty());
    }

    @Test
    void heredocsOnlyInRunCopyAddAndNotInJson() {
        Dockerfile df = model("FROM a\nCMD <<EOF\nRUN [\"<<EOF\"]\nENV X=1\n");
        assertEquals(List.of("FROM", "CMD", "RUN", "ENV"),
                df.instructions().stream().map(Instruction::keyword).toList());
        assertTrue(df.instructions().get(2).jsonForm());
        assertTrue(df.instructions().get(2).heredocs().isEmpty());
    }

    @Test
    void unterminatedHeredocIsAProblemAtItsMarker() {
        String text = "FROM a\nRUN <<EOF cat\nno end\n";
        Parsed<Dockerfile> parsed = parse(text);
        assertEquals(List.of(new ParseProblem(new TextRange(11, 16), "unterminated heredoc")), parsed.problems());
        Heredoc doc = parsed.model().instructions().get(1).heredocs().get(0);
        assertFalse(doc.terminated());
        assertEquals("no end\n", doc.body().text());
    }

    @Test
    void execFormWordsCoverTheirJsonStrings() {
        String text = "FROM a\nENTRYPOINT [\"python3\", \"-m\"]\nCMD [\"a\", 1]\n";
        Parsed<Dockerfile> parsed = parse(text);
        Instruction entry = parsed.model().instructions().get(1);
        assertTrue(entry.jsonForm());
        assertTrue(entry.shellText().isEmpty());
        assertEquals(List.of("python3", "-m"), entry.args().stream().map(Word::text).toList());
        assertEquals("\"python3\"", parsed.model().source().slice(entry.args().get(0).range()));
        assertEquals(1, parsed.problems().size());
        assertEquals("1", parsed.model().source().slice(parsed.problems().get(0).range()));
    }

    @Test
    void multiLineJsonWithContinuation() {
        String text = "FROM a\nCMD [\"a\", \\\n  \"b\\u0041\"]\n";
        Dockerfile df = model(text);
        Instruction cmd = df.instructions().get(1);
        assertEquals(List.of("a", "bA"), cmd.args().stream().map(Word::text).toList());
        assertEquals(new Position(3, 3), df.source().position(cmd.args().get(1).range().start()));
    }

    @Test
    void runMountOptionsHaveValueRanges() {
        String text = "FROM a\nRUN --mount=type=cache,dst=/root/.cache,sharing=locked \\\n  --mount=type=secret,id=tok,ro --network=none make\n";
        Dockerfile df = model(text);
        Instruction run = df.instructions().get(1);
        assertEquals(List.of("mount", "mount", "network"), run.flags().stream().map(Flag::name).toList());
        List<RunMount> mounts = run.mounts();
        RunMount cache = mounts.get(0);
        assertEquals("cache", cache.type());
        assertTrue(cache.id().isEmpty());
        assertEquals("/root/.cache", cache.target().orElseThrow());
        MountOption dst = cache.option("destination").orElseThrow();
        assertEquals("dst", dst.key());
        assertEquals("/root/.cache", df.source().slice(dst.valueRange()));
        assertEquals("dst=/root/.cache", df.source().slice(dst.range()));
        assertEquals(text.indexOf(" \\"), cache.endOffset());
        RunMount secret = mounts.get(1);
        assertEquals("tok", secret.id().orElseThrow());
        assertEquals(new Position(3, 26), df.source().position(secret.option("id").orElseThrow().valueRange().start()));
        assertTrue(secret.option("readonly").isPresent());
        assertEquals("none", run.flag("network").orElseThrow().value().orElseThrow());
        assertEquals("none", df.source().slice(run.flag("network").orElseThrow().valueRange().orElseThrow()));
        assertEquals("make", run.shellText().orElseThrow().text());
        assertEquals("bind", RunMount.of(flag("RUN --mount=target=/x true")).type());
    }

    private static Flag flag(String line) {
        return model("FROM a\n" + line + "\n").instructions().get(1).flags().get(0);
    }

    @Test
    void quotedMountFieldKeepsMapping() {
        String text = "FROM a\nRUN --mount='type=cache,\"target=/a,b\",id=x' y\n";
        Dockerfile df = model(text);
        RunMount m = df.instructions().get(1).mounts().get(0);
        assertEquals("/a,b", m.target().orElseThrow());
        assertEquals("/a,b", df.source().slice(m.option("target").orElseThrow().valueRange()));
        assertEquals("x", m.id().orElseThrow());
    }

    @Test
    void directivesOnlyAtTheTopAndOnceEach() {
        Dockerfile df = model("# Syntax = docker/dockerfile:1\n#check=skip=all\n# foo=bar\n# escape=`\nFROM a\n");
        assertEquals(List.of("syntax", "check"), df.directives().stream().map(Directive::name).toList());
        assertEquals("docker/dockerfile:1", df.directive("syntax").orElseThrow().value());
        assertEquals('\\', df.escapeChar());
        Parsed<Dockerfile> dup = parse("# escape=`\n# ESCAPE=`\nFROM a\n");
        assertEquals("only one escape parser directive can be used", dup.problems().get(0).message());
        assertEquals(new TextRange(11, 21), dup.problems().get(0).range());
    }

    @Test
    void onbuildParsesItsTriggerAndRejectsChains() {
        Parsed<Dockerfile> parsed = parse("FROM a\nONBUILD RUN --mount=type=cache,target=/c make\nONBUILD ONBUILD RUN x\nONBUILD FROM b\n");
        Instruction onbuild = parsed.model().instructions().get(1);
        assertEquals("RUN", onbuild.trigger().keyword());
        assertEquals("make", onbuild.trigger().shellText().orElseThrow().text());
        assertEquals("/c", onbuild.trigger().mounts().get(0).target().orElseThrow());
        assertEquals(List.of("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
                "FROM isn't allowed as an ONBUILD trigger"),
                parsed.problems().stream().map(ParseProblem::message).toList());
        assertEquals(new TextRange(61, 68), parsed.problems().get(0).range());
    }

    @Test
    void flagsAreCheckedAsBuildKitDoes() {
        String text = "FROM --platform=linux/amd64 a\nCOPY --frobnicate=1 --from=b x y\nCOPY --link=maybe a b\n"
                + "ADD --link --checksum=sha256:0 x y\nRUN --mount=type=tmpfs,target=/t --mount=type=cache,target=/c --network x\n"
                + "COPY --from=a --from=b x y\nENV --x=1 A=b\nARG --ignored A\nHEALTHCHECK --interval=1s CMD x\n";
        Parsed<Dockerfile> parsed = parse(text);
        assertEquals(List.of("unknown flag: --frobnicate", "expecting boolean value for flag --link, not: maybe",
                "missing a value on flag: --network", "duplicate flag specified: --from", "unknown flag: --x"),
                parsed.problems().stream().map(ParseProblem::message).toList());
        assertEquals("--frobnicate=1", parsed.model().source().slice(parsed.problems().get(0).range()));
        assertEquals(9, parsed.model().instructions().size());
    }

    @Test
    void brokenInstructionsAreProblemsOnTheirLineAndTheRestIsParsed() {
        // BuildKit would stop at the first one; rules still see every instruction that parsed.
        String text = "RUN echo early\nFROM ubuntu:24.04 AS base\nFROBNICATE x\nONBUILD ONBUILD RUN y\n"
                + "COPY --bogus a b\nRUN --mount=type=cache,target=/root/.cache pip install torch\n";
        Parsed<Dockerfile> parsed = parse(text);
        assertEquals(List.of(1, 3, 4, 5), parsed.problems().stream()
                .map(p -> parsed.model().source().position(p.range().start()).line()).sorted().toList());
        Stage stage = parsed.model().stages().get(0);
        assertEquals(List.of("FROBNICATE", "ONBUILD", "COPY", "RUN"),
                stage.instructions().stream().map(Instruction::keyword).toList());
        assertEquals("pip install torch", stage.instructions().get(3).shellText().orElseThrow().text());
        assertEquals("/root/.cache", stage.instructions().get(3).mounts().get(0).target().orElseThrow());
    }

    @Test
    void stagesHaveNamesBasesAndInstructions() {
        Dockerfile df = model("ARG V=1\nFROM --platform=$BUILDPLATFORM img:${V} AS Build\nRUN a\nFROM build\nRUN b\nFROM scratch\n");
        assertEquals(3, df.stages().size());
        Stage build = df.stages().get(0);
        assertEquals("build", build.name());
        assertEquals("img:${V}", build.baseImage());
        assertEquals("img:1", build.expandedBaseImage());
        assertEquals(1, build.instructions().size());
        assertEquals(0, df.stages().get(1).baseStage());
        assertNull(df.stages().get(2).name());
        assertEquals(-1, df.stages().get(2).baseStage());
        assertEquals("$BUILDPLATFORM", build.from().flag("platform").orElseThrow().value().orElseThrow());
        assertEquals(build, df.stageOf(build.instructions().get(0)).orElseThrow());
    }

    @Test
    void envLegacyAndModernForms() {
        Dockerfile df = model("FROM a\nENV A=1 B=\"two words\"\nENV C three  words\n");
        List<Instruction.KeyValue> modern = df.instructions().get(1).keyValues();
        assertEquals("B", modern.get(1).key().text());
        assertEquals("\"two words\"", modern.get(1).value().text());
        assertTrue(modern.get(1).equalsSign());
        Instruction.KeyValue legacy = df.instructions().get(2).keyValues().get(0);
        assertEquals("three  words", legacy.value().text());
        assertFalse(legacy.equalsSign());
    }

    @Test
    void envWithoutValueIsOneProblemOnItsArguments() {
        String text = "FROM a\nENV PATH\nLABEL a=b c\nFOO bar\n";
        List<ParseProblem> problems = parse(text).problems();
        assertEquals(List.of(new ParseProblem(new TextRange(11, 15), "ENV must have two arguments"),
                new ParseProblem(new TextRange(26, 27),
                        "Syntax error - can't find = in \"c\". Must be of the form: name=value"),
                new ParseProblem(new TextRange(28, 31), "unknown instruction: FOO")), problems);
    }

    @Test
    void emptyAndCommentOnlyFilesAreProblems() {
        assertEquals("file with no instructions", parse("").problems().get(0).message());
        assertEquals("file with no instructions", parse("# a\n\n  # b\n").problems().get(0).message());
    }

    @Test
    void bomIsIgnored() {
        SourceFile file = SourceFile.of("Dockerfile", "\uFEFF# escape=`\nFROM a\n");
        Dockerfile df = DockerfileParser.parse(file).model();
        assertEquals('`', df.escapeChar());
        assertEquals(new TextRange(11, 15), df.instructions().get(0).keywordRange());
    }

    @Test
    void stageOfAndScopeAtFindEveryInstructionByIdentity() {
        Dockerfile df = model("ARG BASE=alpine\nFROM ${BASE} AS a\nENV X=1\nRUN echo $X\n"
                + "FROM a\nENV X=2\nRUN echo $X\nWORKDIR /w\nFROM scratch\nCOPY --from=a /w /w\n");
        Instruction globalArg = df.instructions().get(0);
        assertTrue(df.stageOf(globalArg).isEmpty(), "a global ARG belongs to no stage");
        for (Stage stage : df.stages()) {
            assertEquals(stage, df.stageOf(stage.from()).orElseThrow());
            for (int i = 0; i < stage.instructions().size(); i++) {
                Instruction instruction = stage.instructions().get(i);
                assertTrue(df.stageOf(instruction).orElseThrow() == stage, instruction.text().text());
                assertTrue(stage.scopeAt(instruction) == stage.scopes().get(i), instruction.text().text());
            }
        }
        Instruction run = df.stages().get(1).instructions().get(1);
        assertEquals("2", df.stages().get(1).scopeAt(run).variable("X").orElseThrow().value());
        Dockerfile twin = model("ARG BASE=alpine\nFROM ${BASE} AS a\nENV X=1\nRUN echo $X\n");
        assertTrue(df.stageOf(twin.stages().get(0).instructions().get(1)).isEmpty(),
                "an equal instruction from another parse is not this file's");
    }
}
