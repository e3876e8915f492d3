package dev.vlint.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.project.Parsed;
import dev.vlint.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequirementsFileTest {
    private static final SourceFile FILE = SourceFile.of("requirements/build.txt", """
            # build requirements
            -r common.txt
            -c constraints.txt
            --index-url https://download.pytorch.org/whl/cu128
            --extra-index-url=https://pypi.org/simple
            --no-deps
            torch==2.9.1 ; platform_system == "Linux"  # pinned for CUDA
            numpy>=1.26,\\
                <2.0
            ninja --hash=sha256:abc
            ./wheels/flash_attn-2.7.0-cp312-cp312-linux_x86_64.whl
            -rextra.txt
            """);

    @Test
    void readsEveryKindOfLine() {
        Parsed<RequirementsFile> parsed = RequirementsFile.parse(FILE);
        assertTrue(parsed.problems().isEmpty(), parsed.problems().toString());
        RequirementsFile model = parsed.model();
        assertEquals(List.of("torch", "numpy", "ninja"), model.requirements().stream().map(Requirement::name).toList());
        assertEquals("common.txt", model.options("--requirement").get(0).value());
        assertEquals("extra.txt", FILE.slice(model.options("--requirement").get(1).valueRange()));
        assertEquals("constraints.txt", model.options("--constraint").get(0).value());
        assertEquals("https://download.pytorch.org/whl/cu128",
                FILE.slice(model.options("--index-url").get(0).valueRange()));
        assertEquals("https://pypi.org/simple", model.options("--extra-index-url").get(0).value());
        assertNull(model.options("--no-deps").get(0).value());
        assertEquals("platform_system == \"Linux\"", model.requirements().get(0).marker());
        assertTrue(model.entries().stream().anyMatch(e -> e instanceof RequirementsFile.Reference r
                && r.target().endsWith(".whl")));
    }

    @Test
    void continuationLinesKeepFileRanges() {
        Requirement numpy = RequirementsFile.parse(FILE).model().requirements().get(1);
        assertEquals(">=1.26,<2.0", numpy.specifier());
        assertEquals("<2.0", FILE.slice(numpy.specifiers().get(1).range()));
        assertEquals(9, FILE.position(numpy.specifiers().get(1).range().start()).line());
    }

    @Test
    void perRequirementOptionsStayWithTheRequirement() {
        RequirementsFile model = RequirementsFile.parse(FILE).model();
        RequirementsFile.RequirementLine ninja = (RequirementsFile.RequirementLine) model.entries().stream()
                .filter(e -> e instanceof RequirementsFile.RequirementLine l && l.requirement().name().equals("ninja"))
                .findFirst().orElseThrow();
        assertEquals("--hash", ninja.options().get(0).name());
        assertEquals("sha256:abc", ninja.options().get(0).value());
    }

    @Test
    void badLinesBecomeProblemsWithRanges() {
        SourceFile file = SourceFile.of("requirements.txt", "torch\n--frobnicate x\n=bad\n-r\ntorch>>2\n");
        Parsed<RequirementsFile> parsed = RequirementsFile.parse(file);
        assertEquals(List.of("--frobnicate", "=bad", "-r", ">>2"),
                parsed.problems().stream().map(p -> file.slice(p.range())).toList());
        assertInstanceOf(RequirementsFile.RequirementLine.class, parsed.model().entries().get(0));
    }
}
