package dev.vlint.bake;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.project.Parsed;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
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
              tags = [for t in ["x"] : "${t}-${replace(TAG, "-", "")}"]
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
                "${", "%{", "<<EOT\n", "EOT", "#", "//", "/*", "*/", "\\", "inherits", "1")
                .list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    private static void check(String text) {
        Parsed<BakeFile> parsed = BakeParser.parse(SourceFile.of("docker-bake.hcl", text));
        int length = text.length();
        parsed.problems().forEach(p -> assertInside(p.range(), length));
        parsed.model().comments().forEach(c -> assertInside(c.range(), length));
        parsed.model().attributes().forEach(a -> checkAttribute(a, length));
        for (BakeBlock block : parsed.model().blocks()) {
            checkBlock(block, length);
            if (block.name() != null && block.type().equals("target")) {
                parsed.model().resolve(block.name()).values().forEach(a -> checkAttribute(a, length));
            }
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
        checkValue(attribute.value(), length);
    }

    private static void checkValue(BakeValue value, int length) {
        assertInside(value.range(), length);
        value.items().forEach(v -> checkValue(v, length));
        value.entries().forEach(e -> checkAttribute(e, length));
    }

    private static void assertInside(TextRange range, int length) {
        assertTrue(range.start() >= 0 && range.end() <= length, () -> range + " outside 0.." + length);
    }
}
