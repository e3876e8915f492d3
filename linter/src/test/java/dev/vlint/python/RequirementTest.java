package dev.vlint.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.project.Parsed;
import dev.vlint.source.MappedText;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class RequirementTest {
    private static SourceFile file(String text) {
        return SourceFile.of("requirements.txt", text);
    }

    private static Parsed<Requirement> parse(SourceFile file) {
        return Requirement.parse(MappedText.slice(file, new TextRange(0, file.text().length())));
    }

    @Test
    void fullSpecifier() {
        SourceFile file = file("Torch_Audio[cuda, dev] >=2.4 , <2.6 ; platform_machine == \"x86_64\" ");
        Parsed<Requirement> parsed = parse(file);
        Requirement r = parsed.model();
        assertTrue(parsed.problems().isEmpty(), parsed.problems().toString());
        assertEquals("Torch_Audio", file.slice(r.nameRange()));
        assertEquals("torch-audio", r.canonicalName());
        assertEquals(List.of("cuda", "dev"), r.extras());
        assertEquals(">=2.4,<2.6", r.specifier());
        assertEquals("2.6", file.slice(r.specifiers().get(1).versionRange()));
        assertEquals("<2.6", file.slice(r.specifiers().get(1).range()));
        assertEquals("platform_machine == \"x86_64\"", file.slice(r.markerRange()));
        assertEquals(file.text().strip(), file.slice(r.range()));
    }

    @Test
    void urlAndParenthesizedForms() {
        SourceFile file = file("pkg @ https://h/pkg-1.0-py3-none-any.whl ; python_version >= \"3.10\"");
        Requirement url = parse(file).model();
        assertEquals("https://h/pkg-1.0-py3-none-any.whl", file.slice(url.urlRange()));
        assertEquals("python_version >= \"3.10\"", url.marker());
        Requirement paren = parse(file("name (==1.0.*)")).model();
        assertEquals("==", paren.specifiers().get(0).operator());
        assertEquals("1.0.*", paren.specifiers().get(0).version());
        Requirement bare = parse(file("numpy")).model();
        assertTrue(bare.specifiers().isEmpty());
        assertNull(bare.marker());
    }

    @Test
    void problemsPointAtTheBadPart() {
        SourceFile file = file("torch >=2.4, ~2.5");
        Parsed<Requirement> parsed = parse(file);
        assertEquals("~2.5", file.slice(parsed.problems().get(0).range()));
        assertEquals(1, parsed.model().specifiers().size());
        Parsed<Requirement> noName = parse(file(">=1.0"));
        assertNull(noName.model());
        assertEquals(1, noName.problems().size());
        assertEquals(1, parse(file("torch ; ")).problems().size());
        assertEquals(1, parse(file("torch[cuda")).problems().size());
    }

    @Property
    void neverThrowsAndRangesStayInside(@ForAll String text) {
        Parsed<Requirement> parsed = parse(file(text));
        parsed.problems().forEach(p -> assertTrue(p.range().end() <= text.length()));
        if (parsed.model() != null) {
            assertTrue(parsed.model().range().end() <= text.length());
        }
    }
}
