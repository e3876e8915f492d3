package dev.vlint.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

class WorkflowParserTest {
    private static final String BUILD = """
            name: build
            on:
              push:
                branches: [main]
              workflow_dispatch:
            env:
              REGISTRY: docker.io
            #  FREE_DISK_SPACE: true
            jobs:
              pack:
                runs-on: ${{ matrix.runner }}
                strategy:
                  matrix:
                    variant: [cpu, nvidia]
                    runner: [ubuntu-24.04]
                    include:
                      - variant: rocm
                        runner: ubuntu-24.04-arm
                env:
                  BUILDKIT: "1"
                  # FREE_DISK_SPACE: true
                steps:
                  - uses: actions/checkout@v4
                    with:
                      fetch-depth: 0
                  - name: Pack
                    id: pack
                    if: github.event_name == 'push'
                    shell: bash
                    run: |
                      set -eu
                      echo start
                        indented
                      make   pack VARIANT=${{ matrix.variant }}
              call:
                defaults:
                  run:
                    shell: pwsh
                uses: ./.github/workflows/reuse.yml
                with:
                  target: cpu
            """;

    private static Workflow parse(String text) {
        Parsed<Workflow> parsed = WorkflowParser.parse(SourceFile.of(".github/workflows/b.yml", text));
        assertEquals(List.of(), parsed.problems());
        return parsed.model();
    }

    private static String slice(Workflow w, TextRange range) {
        return w.file().slice(range);
    }

    @Test
    void typedViewKeepsValuesAndRanges() {
        Workflow w = parse(BUILD);
        assertEquals("build", w.name().value());
        assertEquals(List.of("push", "workflow_dispatch"), w.triggers().stream().map(e -> e.key().value()).toList());
        assertEquals("docker.io", slice(w, w.env().get(0).value().range()));
        Job pack = w.job("pack");
        assertEquals("${{ matrix.runner }}", pack.runsOn().get(0).value());
        assertEquals(List.of("cpu", "nvidia", "rocm"), pack.matrixValues("variant").stream().map(YamlNode::value).toList());
        assertEquals("ubuntu-24.04-arm", slice(w, pack.matrixValues("runner").get(1).range()));
        assertEquals("\"1\"", slice(w, pack.env().get(0).value().range()));
        assertEquals(YamlNode.Style.DOUBLE_QUOTED, pack.env().get(0).value().style());

        Step checkout = pack.steps().get(0);
        ActionRef ref = checkout.action();
        assertEquals("actions/checkout", ref.action());
        assertEquals("v4", slice(w, ref.refRange()));
        assertEquals("0", checkout.with("fetch-depth").value());

        Step packStep = pack.steps().get(1);
        assertEquals("pack", packStep.id().value());
        assertEquals("bash", packStep.shell().value());
        assertEquals("github.event_name == 'push'", packStep.ifCondition().value());
        assertEquals(YamlNode.Style.LITERAL, packStep.run().style());

        Job call = w.job("call");
        assertTrue(call.calledWorkflow().isLocal());
        assertEquals("pwsh", call.defaultShell().value());
        assertNull(pack.defaultShell());
        assertNull(w.defaultShell());
        assertEquals("cpu", call.with().get(0).value().value());
        assertTrue(call.steps().isEmpty());
    }

    @Test
    void runBlockWordsMapToTheirFileLineAndColumn() {
        for (String lineBreak : List.of("\n", "\r\n")) {
            SourceFile file = SourceFile.of("w.yml", BUILD.replace("\n", lineBreak));
            Step step = WorkflowParser.parse(file).model().job("pack").steps().get(1);
            MappedText script = step.script();
            assertEquals("set -eu\necho start\n  indented\nmake   pack VARIANT=${{ matrix.variant }}\n", script.text());
            int word = script.text().indexOf("VARIANT");
            TextRange range = script.fileRange(word, word + "VARIANT".length());
            assertEquals("VARIANT", file.slice(range));
            assertEquals(new Position(34, 23), file.position(range.start()), lineBreak.length() + "-char breaks");
            int indented = script.text().indexOf("  indented");
            assertEquals(new Position(33, 11), file.position(script.fileOffset(indented)));
        }
    }

    @Test
    void scalarStylesMapBackToTheFile() {
        String text = """
                a: "x\\ty \\"q\\" z"
                b: 'it''s here'
                c: >-
                  folded
                  words here
                d: plain
                  continued word
                e: |-
                  keep
                """;
        Workflow w = parse(text);
        assertMapped(w, "a", "x\ty \"q\" z", "z");
        assertMapped(w, "b", "it's here", "here");
        assertMapped(w, "c", "folded words here", "here");
        assertMapped(w, "d", "plain continued word", "word");
        assertMapped(w, "e", "keep", "keep");
        assertEquals(YamlNode.Style.FOLDED, w.root().get("c").style());
    }

    private static void assertMapped(Workflow w, String key, String value, String word) {
        MappedText mapped = YamlScalars.mappedText(w.file(), w.root().get(key));
        assertEquals(value, mapped.text());
        int at = value.lastIndexOf(word);
        assertEquals(word, w.file().slice(mapped.fileRange(at, at + word.length())));
    }

    @Test
    void commentsAndCommentedOutEntries() {
        Workflow w = parse(BUILD + "# url: 'http://x/#y' # tail\n");
        List<CommentedOutEntry> entries = w.commentedOutEntries();
        assertEquals(3, entries.size(), entries::toString);
        CommentedOutEntry top = entries.get(0);
        assertEquals("FREE_DISK_SPACE", top.key());
        assertEquals("true", top.value());
        assertEquals("FREE_DISK_SPACE", w.file().slice(top.keyRange()));
        assertEquals("true", w.file().slice(top.valueRange()));
        assertEquals(List.of("env"), top.path());
        assertEquals(List.of("jobs", "pack", "env"), entries.get(1).path());
        assertEquals("'http://x/#y' # tail", entries.get(2).value());
        assertTrue(w.comments().stream().allMatch(c -> w.file().slice(c.range()).startsWith("#")));
        // a '#' inside a run block or a quoted value is no comment
        String text = "a: 'x #y'\nb: | # header\n  echo # not a comment\nc: 1 # real\n";
        List<YamlComment> comments = parse(text).comments();
        assertEquals(List.of(" header", " real"), comments.stream().map(YamlComment::text).toList());
        assertFalse(comments.get(1).ownLine(SourceFile.of("w.yml", text)));
    }

    @Test
    void syntaxErrorsBecomeProblemsAtTheirPlaceAndKeepWhatWasRead() {
        String text = "name: x\njobs:\n  a:\n    runs-on: [ubuntu\n  b: {\n";
        Parsed<Workflow> parsed = WorkflowParser.parse(SourceFile.of("w.yml", text));
        assertEquals(1, parsed.problems().size());
        assertEquals(text.indexOf("[ubuntu"), parsed.problems().get(0).range().start(), "at the '[' never closed");
        assertEquals("x", parsed.model().name().value());
    }

    @Test
    void aliasesAreKeptNotExpanded() {
        Workflow w = parse("x: &a {k: v}\ny: *a\n");
        YamlNode y = w.root().get("y");
        assertTrue(y.alias());
        assertEquals("a", y.value());
        assertEquals("a", w.root().get("x").anchor());
        assertEquals("{k: v}", w.file().slice(w.root().get("x").range()));
    }

    @Test
    void rangesCountUtf16UnitsAfterAstralCharacters() {
        Workflow w = parse("a: \"😀\"\nb: after\n");
        assertEquals("after", w.file().slice(w.root().get("b").range()));
        assertEquals("b", w.file().slice(w.root().entry("b").key().range()));
    }

    @Test
    void deepNestingIsAProblemNotACrash() {
        String text = "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        Parsed<Workflow> parsed = WorkflowParser.parse(SourceFile.of("w.yml", text));
        assertFalse(parsed.problems().isEmpty());
        assertNotNull(parsed.model());
    }

    @Test
    void scalarsKeepTheirWrittenText() {
        Workflow w = parse("python: [3.10, 0x1F, 1e3, true, ~]\n");
        assertEquals(List.of("3.10", "0x1F", "1e3", "true", "~"),
                w.root().get("python").items().stream().map(YamlNode::value).toList());
        assertTrue(w.root().get("python").items().get(4).isNull());
    }

    @Test
    void anEmptyWorkflowIsAProblemWithAModelWithoutRoot() {
        for (String text : List.of("", "# only a comment\n", "~\n")) {
            Parsed<Workflow> parsed = WorkflowParser.parse(SourceFile.of("w.yml", text));
            assertEquals(List.of(new ParseProblem(TextRange.at(0), "the workflow is empty: GitHub rejects a workflow"
                    + " file without at least 'on:' and 'jobs:' and shows a failed run for it; delete the file, or"
                    + " disable the workflow in GitHub, rather than commenting it out")), parsed.problems(), text);
            assertTrue(parsed.model().jobs().isEmpty());
        }
        assertNull(WorkflowParser.parse(SourceFile.of("w.yml", "")).model().root());
        assertEquals("a workflow must be a mapping of keys such as 'on:' and 'jobs:', not a list",
                problems("- on: push\n").get(0));
    }

    /** Each problem as "line:column: message". */
    private static List<String> located(String text) {
        SourceFile file = SourceFile.of("w.yml", text);
        return WorkflowParser.parse(file).problems().stream().map(p -> {
            Position at = file.position(p.range().start());
            return at.line() + ":" + at.column() + ": " + p.message();
        }).toList();
    }

    private static List<String> problems(String text) {
        return WorkflowParser.parse(SourceFile.of("w.yml", text)).problems().stream().map(ParseProblem::message).toList();
    }

    @Test
    void duplicateKeysAndUndefinedAliasesAreProblems() {
        assertEquals(List.of("3:1: duplicate key 'name': it is already set at line 1, column 1, and a mapping must"
                + " not repeat a key"), located("name: a\non: push\nname: b\njobs: {}\n"));
        assertEquals(List.of("4:14: the alias *nope refers to no anchor: define &nope on a node before it"),
                located("on: push\njobs:\n  a:\n    runs-on: *nope\n    steps: []\n"));
        assertEquals(List.of(), problems("on: push\nx: &v {a: 1}\njobs:\n  a: {runs-on: *v, steps: [&s x, *s]}\n"));
    }

    @Test
    void syntaxErrorsAreToldInOurWordsAtTheOneRightPlace() {
        assertEquals(List.of("5:14: this '[' is never closed: expected ',' or ']' but found ':' at line 6, column 10"),
                located("name: ci\non: push\njobs:\n  build:\n    runs-on: [ubuntu\n    steps: []\n"));
        assertEquals(List.of("1:4: this quoted value is never closed: add the closing \""), located("a: \"open\nb: 1\n"));
        assertEquals(List.of("3:2: expected another key of the mapping that starts at line 1, column 1, or its end,"
                + " but found a key: check the indentation of this line"), located("a:\n  - b\n c: 1\n"));
        assertEquals(List.of("1:1: a tab cannot indent YAML or separate a key from its value here; use spaces"),
                located("\t- a\n"));
        assertEquals(List.of("1:5: unexpected ':' here: quote a value that contains ': ', or check the indentation of"
                + " this line"), located("a: b: c\n"));
        for (String text : List.of("a: [b\n", "a: {b: 1\n", "a: 'x\n", "a: @b\n", "- a\nb: 1\n", "a: \"\\q\"\n",
                "key\nother: 1\n", "a: 1\n- b\n", "a: [b]]\n")) {
            List<String> problems = problems(text);
            assertEquals(1, problems.size(), text);
            assertFalse(problems.get(0).contains("reader") || problems.get(0).contains("while ")
                    || problems.get(0).contains("<"), text + ": " + problems);
        }
    }
}
