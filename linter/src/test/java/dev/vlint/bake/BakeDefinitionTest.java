package dev.vlint.bake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.project.Parsed;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class BakeDefinitionTest {
    private static BakeFile file(String text) {
        Parsed<BakeFile> parsed = BakeParserTest.parse(text);
        assertEquals(List.of(), parsed.problems());
        return parsed.model();
    }

    private static BakeDefinition definition(Function<String, HclValue> env, String... texts) {
        return new BakeDefinition(java.util.Arrays.stream(texts).map(BakeDefinitionTest::file).toList(), env);
    }

    private static BakeDefinition definition(String... texts) {
        return definition(name -> null, texts);
    }

    private static String show(BakeTarget target, String attribute) {
        HclValue value = target.attribute(attribute);
        return value == null ? null : HclExpressionTest.show(value);
    }

    @Test
    void inheritanceMergesArgsAppendsCacheFromAndReplacesTheRest() {
        BakeDefinition bake = definition("""
                target "base" {
                  context = "."
                  args = { A = "1", B = "2" }
                  cache-from = ["type=gha"]
                  platforms = ["linux/amd64", "linux/arm64"]
                }
                target "app" {
                  inherits = ["base"]
                  args = { B = "3", C = null }
                  cache-from = ["type=local"]
                  platforms = ["linux/amd64"]
                  dockerfile = null
                }
                """);
        BakeTarget app = bake.targets(List.of("app")).get(0);
        assertEquals("\".\"", show(app, "context"));
        assertEquals("{A = \"1\", B = \"3\"}", show(app, "args"));
        assertEquals("[\"type=gha\", \"type=local\"]", show(app, "cache-from"));
        assertEquals("[\"linux/amd64\"]", show(app, "platforms"));
        assertNull(app.attribute("dockerfile"), "null means not set");
        assertNull(app.attribute("inherits"));
    }

    @Test
    void matrixTargetsAreNamedByTheirCombinationsAndGroupedUnderTheLabel() {
        BakeDefinition bake = definition("""
                variable "VERSIONS" { default = ["12.8", "13.0"] }
                group "default" { targets = ["app"] }
                group "cu13" {
                  targets = [for v in VERSIONS: "app-${replace(v, ".", "")}-amd64" if v == "13.0"]
                }
                target "app" {
                  matrix = {
                    cuda = VERSIONS
                    arch = ["amd64", "arm64"]
                  }
                  name = "app-${replace(cuda, ".", "")}-${arch}"
                  platforms = ["linux/${arch}"]
                  args = { CUDA = cuda }
                }
                """);
        List<BakeTarget> all = bake.targets(List.of());
        assertEquals(List.of("app-128-amd64", "app-130-amd64", "app-128-arm64", "app-130-arm64"),
                all.stream().map(BakeTarget::name).toList());
        BakeTarget cu13 = bake.targets(List.of("cu13")).get(0);
        assertEquals("app-130-amd64", cu13.name());
        assertEquals("[\"linux/amd64\"]", show(cu13, "platforms"));
        assertEquals("{CUDA = \"13.0\"}", show(cu13, "args"));
    }

    @Test
    void environmentOverridesVariableDefaultsAsBuildxDoes() {
        String text = """
                variable "PLATFORM" { default = "linux/amd64" }
                variable "PUSH" { default = false }
                variable "LIST" { default = ["a"] }
                variable "UNSET" {}
                target "t" {
                  platforms = [PLATFORM]
                  labels = { push = PUSH, list = LIST[0], unset = UNSET }
                }
                """;
        BakeTarget byDefault = definition(text).targets(List.of("t")).get(0);
        assertEquals("[\"linux/amd64\"]", show(byDefault, "platforms"));
        assertEquals("{list = \"a\", push = false, unset = \"\"}", show(byDefault, "labels"));
        Map<String, HclValue> env = Map.of("PLATFORM", HclValue.of("linux/arm64"), "PUSH", HclValue.of("1"),
                "LIST", HclValue.of("b,c"));
        BakeTarget overridden = definition(env::get, text).targets(List.of("t")).get(0);
        assertEquals("[\"linux/arm64\"]", show(overridden, "platforms"));
        assertEquals("unknown", show(overridden, "labels"), "a list variable set from the environment is not parsed here");
        BakeTarget unknown = definition(name -> HclValue.UNKNOWN, text).targets(List.of("t")).get(0);
        assertEquals("unknown", show(unknown, "platforms"));
    }

    @Test
    void filesAreEvaluatedTogetherAndLaterBlocksWin() {
        BakeDefinition bake = definition("""
                OS = [{ name = "noble", version = "24.04" }]
                """, """
                target "x" {
                  matrix = { os = OS }
                  name = "x-${os.name}"
                  args = { V = os.version }
                  platforms = ["linux/amd64"]
                }
                """, """
                target "x" {
                  platforms = ["linux/arm64"]
                }
                """);
        BakeTarget x = bake.targets(List.of("x-noble")).get(0);
        assertEquals("{V = \"24.04\"}", show(x, "args"));
        assertEquals("[\"linux/arm64\"]", show(x, "platforms"));
    }

    @Test
    void userFunctionsAndTargetReferences() {
        BakeDefinition bake = definition("""
                function "tag" {
                  params = [name, version]
                  variadic_params = extra
                  result = "${name}:${version}${length(extra) > 0 ? "-${join("-", extra)}" : ""}"
                }
                target "base" { dockerfile = "docker/Dockerfile.base" }
                target "app" {
                  tags = [tag("app", "1.0"), tag("app", "1.0", "cuda", "x86")]
                  dockerfile = target.base.dockerfile
                }
                """);
        BakeTarget app = bake.targets(List.of("app")).get(0);
        assertEquals("[\"app:1.0\", \"app:1.0-cuda-x86\"]", show(app, "tags"));
        assertEquals("\"docker/Dockerfile.base\"", show(app, "dockerfile"));
    }

    @Test
    void whatCannotBeKnownStaysUnknown() {
        BakeDefinition bake = definition("""
                group "default" { targets = [for t in TARGETS: t] }
                target "child" { inherits = ["missing"] }
                target "loop" { inherits = ["loop"] }
                target "m" {
                  matrix = { v = UNDEFINED }
                  name = "m-${v}"
                }
                """);
        assertNull(bake.targets(List.of()), "a group whose members cannot be evaluated");
        BakeTarget child = bake.targets(List.of("child")).get(0);
        assertTrue(child.partial());
        assertEquals("unknown", show(child, "platforms"), "a parent that is not known may set anything");
        assertFalse(bake.targets(List.of("loop")).get(0).partial());
        BakeTarget m = bake.targets(List.of("m")).get(0);
        assertNull(m.name());
    }

    @Test
    void longVariableChainsAndBigMatricesStayBounded() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append("v").append(i).append(" = v").append(i + 1).append("\n");
        }
        text.append("target \"t\" { platforms = [v0] }\n");
        text.append("target \"m\" {\n  matrix = { a = range(100), b = range(100) }\n  name = \"m-${a}-${b}\"\n}\n");
        BakeDefinition bake = definition(text.toString());
        assertEquals("unknown", show(bake.targets(List.of("t")).get(0), "platforms"));
        assertNull(bake.targets(List.of("m")).get(0).name(), "10,000 combinations are not expanded");
    }
}
