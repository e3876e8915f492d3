package dev.vlint.bake;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.project.Parsed;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class BakeParserPropertyTest {
    private static final String FIXTURE = """
            variable "TAG" { default = "x" }
            target "a" {
              args = { A = "1", "B" = "${TAG}" }
              platforms = ["linux/amd64"] # comment
              dockerfile-inline = <<EOT
            FROM x
            EOT
            }
            target "b" {
              inherits = ["a", "b"]
              tags = [for t in ["x"] :
                "${t}-${replace(TAG, "-", "")}" if t != "y"]
              matrix = { v = [1, 2] }
              name = "b-${v}"
              labels = { for k, v in { a = 1 } : k => v... }
              note = "%{ if true ~} x %{~ else }y%{ endif }${[1, 2][*]}"
              x = a.*.b[0] + -1 * (2 > 1 ? 3 : 4) && !false || max([1]...) == 1
            }
            """;

    @Property
    void arbitraryTextNeverThrows(@ForAll String text) {
        check(text);
    }

    @Property
    void hclLikeTextNeverThrows(@ForAll("hclLike") String text) {
        check(text);
    }

    @Property
    void truncatedFixturesNeverThrow(@ForAll @IntRange(max = 400) int cut) {
        check(FIXTURE.substring(0, Math.min(cut, FIXTURE.length())));
    }

    @Provide
    Arbitrary<String> hclLike() {
        return Arbitraries.of("target", "\"a\"", "\"", "{", "}", "[", "]", "(", ")", "=", ":", ",", "\n", " ", "x",
                "${", "%{", "<<EOT\n", "<<-EOT\n", "EOT", "#", "//", "/*", "*/", "\\", "inherits", "1", "for ", " in ",
                " if ", "=>", "...", "?", ".*", "[*]", "~}", "%{ endif }", "%{ for a in b }", "matrix", "name")
                .list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    private static void check(String text) {
        Parsed<BakeFile> parsed = BakeParser.parse(SourceFile.of("docker-bake.hcl", text));
        int length = text.length();
        parsed.problems().forEach(p -> assertInside(p.range(), length));
        parsed.model().comments().forEach(c -> assertInside(c.range(), length));
        parsed.model().attributes().forEach(a -> checkAttribute(a, length));
        parsed.model().blocks().forEach(b -> checkBlock(b, length));
        // Evaluation never throws either, whatever the file holds.
        List<BakeTarget> targets = new BakeDefinition(List.of(parsed.model()), name -> null).targets(List.of());
        if (targets != null) {
            targets.forEach(t -> assertTrue(t.attributes().values().stream().allMatch(v -> v != null)));
        }
    }

    private static void checkBlock(BakeBlock block, int length) {
        assertInside(block.range(), length);
        block.labelRanges().forEach(r -> assertInside(r, length));
        block.attributes().forEach(a -> checkAttribute(a, length));
        block.blocks().forEach(b -> checkBlock(b, length));
    }

    private static void checkAttribute(BakeAttribute attribute, int length) {
        assertInside(attribute.range(), length);
        assertInside(attribute.nameRange(), length);
        assertInside(attribute.expr().range(), length);
    }

    private static void assertInside(TextRange range, int length) {
        assertTrue(range.start() >= 0 && range.end() <= length, () -> range + " outside 0.." + length);
    }
}
