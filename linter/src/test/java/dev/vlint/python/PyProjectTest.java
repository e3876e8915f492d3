package dev.vlint.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.project.Parsed;
import dev.vlint.source.SourceFile;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PyProjectTest {
    private static final SourceFile FILE = SourceFile.of("pyproject.toml", """
            [build-system]
            # torch is pinned for the CUDA build
            requires = [
                "cmake>=3.26.1",
                'ninja',  # literal string
                "setuptools>=77.0.3,<81.0.0",
                "torch == 2.9.1 ; platform_system == \\"Linux\\"",
            ]
            build-backend = "setuptools.build_meta"

            [project]
            name = "vllm"
            dynamic = ["version", "dependencies"]
            license = "Apache-2.0"
            license-files = ["LICENSE", "licenses/*.txt"]
            dependencies = ["numpy>=1.26"]

            [tool.setuptools_scm]
            version_file = "vllm/_version.py"
            """);

    private static PyProject model() {
        Parsed<PyProject> parsed = PyProject.parse(FILE);
        assertTrue(parsed.problems().isEmpty(), parsed.problems().toString());
        return parsed.model();
    }

    @Test
    void valuesComeWithTheRangeOfTheValue() {
        PyProject p = model();
        assertEquals("\"setuptools.build_meta\"", FILE.slice(p.buildBackend().orElseThrow().range()));
        assertEquals("vllm", p.name().orElseThrow().value());
        assertEquals("\"vllm\"", FILE.slice(p.name().orElseThrow().range()));
        assertTrue(p.version().isEmpty());
        assertEquals(List.of("version", "dependencies"), p.dynamic().stream().map(PyProject.StringValue::value).toList());
        assertEquals("\"dependencies\"", FILE.slice(p.dynamic().get(1).range()));
        assertEquals("'ninja'", FILE.slice(p.rangeOf("build-system.requires[1]").orElseThrow()));
        assertEquals(List.of("LICENSE", "licenses/*.txt"),
                p.licenseFiles().stream().map(PyProject.StringValue::value).toList());
    }

    @Test
    void requirementsPointInsideTheirStrings() {
        PyProject p = model();
        assertEquals(List.of("cmake", "ninja", "setuptools", "torch"),
                p.buildRequires().stream().map(Requirement::name).toList());
        Requirement setuptools = p.buildRequires().get(2);
        assertEquals("<81.0.0", FILE.slice(setuptools.specifiers().get(1).range()));
        assertEquals(6, FILE.position(setuptools.nameRange().start()).line());
        Requirement torch = p.buildRequires().get(3);
        assertEquals("2.9.1", FILE.slice(torch.specifiers().get(0).versionRange()));
        assertEquals("platform_system == \"Linux\"", torch.marker());
        assertEquals("platform_system == \\\"Linux\\\"", FILE.slice(torch.markerRange()));
        assertEquals("numpy", p.dependencies().get(0).name());
    }

    @Test
    void licenseForms() {
        PyProject.License expression = model().license().orElseThrow();
        assertEquals(PyProject.License.Form.EXPRESSION, expression.form());
        assertEquals("\"Apache-2.0\"", FILE.slice(expression.range()));
        SourceFile table = SourceFile.of("pyproject.toml", "[project]\nlicense = { text = \"MIT\" }\n");
        PyProject.License text = PyProject.parse(table).model().license().orElseThrow();
        assertEquals(PyProject.License.Form.TEXT, text.form());
        assertEquals("MIT", text.value());
        assertEquals("{ text = \"MIT\" }", table.slice(text.range()));
        SourceFile file = SourceFile.of("pyproject.toml", "[project.license]\nfile = \"LICENSE\"\n");
        assertEquals(PyProject.License.Form.FILE, PyProject.parse(file).model().license().orElseThrow().form());
    }

    @Test
    void setuptoolsScmPresence() {
        PyProject p = model();
        assertTrue(p.usesSetuptoolsScm());
        assertEquals("[tool.setuptools_scm]", FILE.slice(p.setuptoolsScmRange().orElseThrow()));
        PyProject dotted = PyProject.parse(SourceFile.of("pyproject.toml", "tool.setuptools_scm = {}\n")).model();
        assertTrue(dotted.usesSetuptoolsScm());
        assertEquals("{}", dotted.rangeOf("tool.setuptools_scm").map(r -> "{}").orElseThrow());
        assertFalse(PyProject.parse(SourceFile.of("pyproject.toml", "[project]\nname='x'\n")).model()
                .usesSetuptoolsScm());
    }

    @Test
    void multiLineStringsAndArrayTables() {
        SourceFile file = SourceFile.of("pyproject.toml", """
                [project]
                description = \"\"\"
                two "quoted" lines\"\"\"
                version = "1.0"
                [[tool.x.item]]
                a = 1
                [[tool.x.item]]
                a = [1, [2, 3]]
                """);
        PyProject p = PyProject.parse(file).model();
        assertEquals("\"1.0\"", file.slice(p.version().orElseThrow().range()));
        assertEquals("[1, [2, 3]]", file.slice(p.rangeOf("tool.x.item[1].a").orElseThrow()));
        assertEquals("3", file.slice(p.rangeOf("tool.x.item[1].a[1][1]").orElseThrow()));
    }

    @Test
    void invalidTomlIsAProblemAtItsLine() {
        SourceFile file = SourceFile.of("pyproject.toml", "[project]\nname = \"x\"\nversion = = 2\n");
        Parsed<PyProject> parsed = PyProject.parse(file);
        assertNull(parsed.model());
        assertEquals(3, file.position(parsed.problems().get(0).range().start()).line());
        assertTrue(parsed.problems().get(0).message().startsWith("invalid TOML"));
    }

    @Test
    void badRequirementIsAProblemInsideItsString() {
        SourceFile file = SourceFile.of("pyproject.toml", "[build-system]\nrequires = [\"torch >> 2\"]\n");
        Parsed<PyProject> parsed = PyProject.parse(file);
        assertEquals(">> 2", file.slice(parsed.problems().get(0).range()));
    }

    @Property
    void neverThrows(@ForAll String text) {
        Parsed<PyProject> parsed = PyProject.parse(SourceFile.of("pyproject.toml", "[project]\nname = \"" + text));
        assertTrue(parsed.model() != null || !parsed.problems().isEmpty());
    }
}
