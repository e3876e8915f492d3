package dev.vlint.bake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.project.Parsed;
import dev.vlint.source.SourceFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BakeParserTest {
    private static final String BAKE = """
            # shared settings
            variable "TAG" {
              default = "latest"
            }
            variable "PLATFORMS" { default = ["linux/amd64", "linux/arm64"] }

            group "default" {
              targets = ["cpu", "nvidia"]
            }

            /* common base
               for all variants */
            target "_common" {
              context = "."
              args = {
                PYTHON_VERSION = "3.12"
                "max_jobs" = 2 // parallelism
              }
              labels = { "org.opencontainers.image.source" = "https://example.com/${TAG}" }
              platforms = ["linux/amd64"]
            }

            target "cpu" {
              inherits = ["_common"]
              dockerfile = "docker/Dockerfile.cpu"
              args = { VLLM_TARGET_DEVICE = "cpu", max_jobs = 4 }
              platforms = PLATFORMS
              tags = ["repo/vllm:${TAG}-cpu", "repo/vllm:${replace(TAG, "-", "_")}"]
              dockerfile-inline = <<-EOT
                FROM ubuntu
                RUN echo "${TAG}"
                EOT
              target = "runtime"
            }
            """;

    private static Parsed<BakeFile> parse(String text) {
        return BakeParser.parse(SourceFile.of("docker-bake.hcl", text));
    }

    @Test
    void readsBlocksAttributesAndRanges() {
        Parsed<BakeFile> parsed = parse(BAKE);
        assertEquals(List.of(), parsed.problems());
        BakeFile bake = parsed.model();
        assertEquals(List.of("TAG", "PLATFORMS"), bake.variables().stream().map(BakeBlock::name).toList());
        assertEquals(List.of("cpu", "nvidia"), bake.groups().get(0).attribute("targets").value().strings());
        BakeBlock cpu = bake.target("cpu");
        BakeAttribute dockerfile = cpu.attribute("dockerfile");
        assertEquals("docker/Dockerfile.cpu", dockerfile.value().text());
        assertEquals("docker/Dockerfile.cpu", BAKE.substring(dockerfile.value().range().start(), dockerfile.value().range().end()));
        assertEquals("dockerfile", BAKE.substring(dockerfile.nameRange().start(), dockerfile.nameRange().end()));
        assertEquals("cpu", BAKE.substring(cpu.labelRanges().get(0).start(), cpu.labelRanges().get(0).end()));
        assertEquals(BakeValue.Kind.EXPRESSION, cpu.attribute("platforms").value().kind());
        assertEquals("PLATFORMS", cpu.attribute("platforms").value().text());
        List<String> tags = cpu.attribute("tags").value().strings();
        assertEquals(List.of("repo/vllm:${TAG}-cpu", "repo/vllm:${replace(TAG, \"-\", \"_\")}"), tags);
        assertFalse(cpu.attribute("tags").value().items().get(0).isLiteral());
        assertTrue(dockerfile.value().isLiteral());
        BakeValue inline = cpu.attribute("dockerfile-inline").value();
        assertTrue(inline.text().contains("RUN echo \"${TAG}\""), inline.text());
        assertEquals("runtime", cpu.attribute("target").value().text());
        assertEquals(List.of(" shared settings", " parallelism"),
                bake.comments().stream().map(BakeComment::text).filter(t -> !t.contains("common")).toList());
        assertEquals(3, bake.comments().size());
    }

    @Test
    void inheritanceMergesArgsAndReplacesPlatforms() {
        BakeFile bake = parse(BAKE).model();
        Map<String, BakeAttribute> cpu = bake.resolve("cpu");
        assertEquals(".", cpu.get("context").value().text());
        BakeValue args = cpu.get("args").value();
        assertEquals(List.of("PYTHON_VERSION", "max_jobs", "VLLM_TARGET_DEVICE"),
                args.entries().stream().map(BakeAttribute::name).toList());
        assertEquals("4", args.entry("max_jobs").value().text());
        assertEquals("3.12", args.entry("PYTHON_VERSION").value().text());
        assertEquals("PLATFORMS", cpu.get("platforms").value().text());
        assertFalse(cpu.containsKey("inherits"));
        assertTrue(bake.resolve("nvidia").isEmpty());
    }

    @Test
    void cyclicInheritanceTerminates() {
        BakeFile bake = parse("target \"a\" {\n inherits = [\"b\"]\n x = 1\n}\ntarget \"b\" {\n inherits = [\"a\"]\n y = 2\n}\n").model();
        assertEquals(List.of("y", "x"), List.copyOf(bake.resolve("a").keySet()));
    }

    @Test
    void errorsAreProblemsAndParsingResumes() {
        String text = "target \"a\" {\n  context = \"open\n  = 3\n  dockerfile = \"D\"\n}\ntarget \"b\" {\n";
        Parsed<BakeFile> parsed = parse(text);
        List<String> messages = parsed.problems().stream().map(p -> p.message()).toList();
        assertEquals(List.of("unterminated string", "expected an attribute or block name, found '='",
                "block 'target' is not closed with '}'"), messages);
        assertEquals(text.indexOf("\"open"), parsed.problems().get(0).range().start());
        assertEquals("D", parsed.model().target("a").attribute("dockerfile").value().text());
        assertNull(parsed.model().target("b").attribute("context"));
    }

    @Test
    void crlfAndOneLineBlocks() {
        BakeFile bake = parse("target \"x\" { context = \"c\" }\r\ntarget \"y\" {\r\n  target = \"t\"\r\n}\r\n").model();
        assertEquals("c", bake.target("x").attribute("context").value().text());
        assertEquals("t", bake.target("y").attribute("target").value().text());
    }
}
