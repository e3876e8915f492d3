package dev.vlint.bake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.project.ParseProblem;
import dev.vlint.project.Parsed;
import dev.vlint.source.SourceFile;
import java.util.List;
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
              platforms = ["linux/amd64"]
            }

            target "cpu" {
              inherits = ["_common"]
              dockerfile = "docker/Dockerfile.cpu"
              platforms = PLATFORMS
              tags = ["repo/vllm:${TAG}-cpu", "repo/vllm:${replace(TAG, "-", "_")}"]
              dockerfile-inline = <<-EOT
                FROM ubuntu
                RUN echo "${TAG}"
                EOT
              target = "runtime"
            }
            """;

    static Parsed<BakeFile> parse(String text) {
        return BakeParser.parse(SourceFile.of("docker-bake.hcl", text));
    }

    private static List<String> messages(String text) {
        return parse(text).problems().stream().map(ParseProblem::message).toList();
    }

    @Test
    void readsBlocksAttributesCommentsAndRanges() {
        Parsed<BakeFile> parsed = parse(BAKE);
        assertEquals(List.of(), parsed.problems());
        BakeFile bake = parsed.model();
        assertEquals(List.of("TAG", "PLATFORMS"), bake.variables().stream().map(BakeBlock::name).toList());
        BakeBlock cpu = bake.target("cpu");
        BakeAttribute dockerfile = cpu.attribute("dockerfile");
        HclExpr.Template value = assertInstanceOf(HclExpr.Template.class, dockerfile.expr());
        assertEquals("docker/Dockerfile.cpu", BAKE.substring(value.contentRange().start(), value.contentRange().end()));
        assertEquals("dockerfile", BAKE.substring(dockerfile.nameRange().start(), dockerfile.nameRange().end()));
        assertEquals("cpu", BAKE.substring(cpu.labelRanges().get(0).start(), cpu.labelRanges().get(0).end()));
        assertInstanceOf(HclExpr.Variable.class, cpu.attribute("platforms").expr());
        assertEquals(List.of(" shared settings", " parallelism"),
                bake.comments().stream().map(BakeComment::text).filter(t -> !t.contains("common")).toList());
        assertEquals(3, bake.comments().size());
    }

    @Test
    void forExpressionsAllowNewlinesAfterTheColonAndBeforeIf() {
        // the shape of runpod/containers' group targets: a newline after ':' and an 'if' on its own line
        String text = """
                group "cu1281" {
                  targets = [
                    for build in BUILDS:
                      "app-${build.name}-cu${build.cuda}"
                      if build.cuda == "1281"
                  ]
                }
                variable "PAIRS" {
                  default = flatten([
                    for a in A : [
                      for b in B : {
                        x = a.v
                        y = replace(b.v, ".", "")
                      } if contains(a.list, b.v)
                    ]
                  ])
                }
                """;
        assertEquals(List.of(), messages(text));
        BakeBlock group = parse(text).model().groups().get(0);
        HclExpr.For loop = assertInstanceOf(HclExpr.For.class, group.attribute("targets").expr());
        assertEquals("build", loop.valueVar());
        assertNotNull(loop.condition());
    }

    @Test
    void oneLineBlocksCrlfAndHeredocsEndAttributes() {
        String text = "target \"x\" { context = \"c\" }\r\ntarget \"y\" {\r\n  inline = <<EOT\r\nFROM a\r\nEOT\r\n"
                + "  target = \"t\"\r\n}\r\n";
        Parsed<BakeFile> parsed = parse(text);
        assertEquals(List.of(), parsed.problems());
        assertEquals(List.of("inline", "target"),
                parsed.model().target("y").attributes().stream().map(BakeAttribute::name).toList());
    }

    @Test
    void syntaxErrorsAreOneProblemPerItemAndParsingResumes() {
        String text = "target \"a\" {\n  context = \"open\n  = 3\n  dockerfile = \"D\"\n  tags = [\"x\" \"y\"]\n"
                + "  platforms = [\"linux/amd64\"]\n}\ntarget \"b\" {\n";
        Parsed<BakeFile> parsed = parse(text);
        assertEquals(List.of("unterminated string", "expected an argument or block definition, found '='",
                "expected ',' or ']' in the list, found '\"'", "block 'target' is not closed with '}'"),
                parsed.problems().stream().map(ParseProblem::message).toList());
        assertEquals(text.indexOf("\"open"), parsed.problems().get(0).range().start());
        BakeBlock a = parsed.model().target("a");
        assertEquals(List.of("context", "dockerfile", "platforms"),
                a.attributes().stream().map(BakeAttribute::name).toList());
        assertNotNull(parsed.model().target("b"));
    }

    @Test
    void invalidSyntaxIsReported() {
        assertEquals(List.of("arguments are separated by new lines, not commas"), messages("a = 1, b = 2\n"));
        assertEquals(List.of("expected an expression, found 'new line'"), messages("a = 1 +\n2\n"));
        assertEquals(List.of("expected '=' after the key 'x'"), messages("a = {\n x\n}\n"));
        assertEquals(List.of("'%{ if }' is never closed with '%{ endif }'"), messages("a = \"%{ if true }x\"\n"));
        assertEquals(List.of("heredoc '<<EOT' is never closed"), messages("a = <<EOT\nbody\n"));
        assertEquals(List.of("invalid escape '\\q' in a string"), messages("a = \"\\q\"\n"));
        assertEquals(List.of("argument names must not be quoted"), messages("\"a\" = 1\n"));
        assertTrue(messages("a = [for x in y: x => x]\n").get(0).startsWith("a list for expression"));
    }
}
