package dev.vlint.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.project.Parsed;
import dev.vlint.source.MappedText;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class WorkflowParserPropertyTest {
    private static final String FIXTURE = """
            name: ci
            on: [push]
            env:
              A: "x\\ty"
            #  B: 1
            jobs:
              j:
                runs-on: [self-hosted, 'gpu']
                strategy: {matrix: {v: [1, 2], include: [{v: 3}]}}
                steps:
                  - uses: actions/checkout@v4
                  - run: |
                      echo "${{ matrix.v }}" # not a comment
                      ls
                  - run: >-
                      folded
                      text
                    shell: bash
            """;

    @Property
    void arbitraryTextNeverThrows(@ForAll String text) {
        check(SourceFile.of("w.yml", text));
    }

    @Property
    void yamlishTextNeverThrows(@ForAll("yamlish") String text) {
        check(SourceFile.of("w.yml", text));
    }

    @Property
    void randomBytesNeverThrow(@ForAll byte[] bytes) {
        check(SourceFile.decode("w.yml", bytes));
    }

    @Property
    void truncatedFixturesNeverThrow(@ForAll @IntRange(max = 1000) int cut, @ForAll boolean crlf) {
        String text = crlf ? FIXTURE.replace("\n", "\r\n") : FIXTURE;
        check(SourceFile.of("w.yml", text.substring(0, Math.min(cut, text.length()))));
    }

    @Provide
    Arbitrary<String> yamlish() {
        return Arbitraries.of("a", ":", " ", "  ", "\n", "\r\n", "- ", "|", ">-", "'", "\"", "\\", "#", "[", "]",
                "{", "}", ",", "&x ", "*x", "!t ", "run: ", "jobs:", "steps:", "😀", "\t", "---\n", "${{ x }}")
                .list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    private static void check(SourceFile file) {
        Parsed<Workflow> parsed = WorkflowParser.parse(file);
        int length = file.text().length();
        parsed.problems().forEach(p -> assertInside(p.range(), length));
        Workflow workflow = parsed.model();
        assertNotNull(workflow);
        checkNode(file, workflow.root());
        workflow.comments().forEach(c -> assertInside(c.range(), length));
        workflow.commentedOutEntries().forEach(e -> {
            assertInside(e.keyRange(), length);
            assertInside(e.valueRange(), length);
        });
        for (Job job : workflow.jobs()) {
            job.runsOn().forEach(n -> assertInside(n.range(), length));
            for (Step step : job.steps()) {
                ActionRef ref = step.action();
                if (ref != null) {
                    assertInside(ref.actionRange(), length);
                }
            }
        }
    }

    private static void checkNode(SourceFile file, YamlNode node) {
        if (node == null) {
            return;
        }
        int length = file.text().length();
        assertInside(node.range(), length);
        if (node.isScalar()) {
            MappedText mapped = YamlScalars.mappedText(file, node);
            if (mapped != null) {
                for (int i = 0; i <= mapped.length(); i++) {
                    assertTrue(mapped.fileOffset(i) >= 0 && mapped.fileOffset(i) <= length);
                }
                if (node.style() != YamlNode.Style.DOUBLE_QUOTED) {
                    // outside escapes, every character but a folded line break stands at its own offset
                    for (int i = 0; i < mapped.length(); i++) {
                        char c = mapped.text().charAt(i);
                        int at = mapped.fileOffset(i);
                        if (c != ' ' && c != '\n') {
                            assertEquals(c, file.text().charAt(at), () -> "value " + node.value() + " in " + file.text());
                        }
                    }
                }
            }
        }
        for (YamlNode.Entry e : node.entries()) {
            checkNode(file, e.key());
            checkNode(file, e.value());
        }
        node.items().forEach(item -> checkNode(file, item));
    }

    static void assertInside(TextRange range, int length) {
        assertTrue(range.start() >= 0 && range.end() <= length, () -> range + " outside 0.." + length);
    }
}
