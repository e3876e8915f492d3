package dev.vlint.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.source.SourceFile;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SetupPyFactsTest {
    private static SetupPyFacts facts(SourceFile file) {
        return SetupPyFacts.parse(file).model();
    }

    @Test
    void findsCallsWithAndWithoutDistName() {
        SourceFile file = SourceFile.of("setup.py", """
                from setuptools_scm import get_version

                def get_vllm_version() -> str:
                    # get_version(dist_name="x") in a comment does not count
                    version = get_version(write_to="vllm/_version.py")
                    other = get_version(
                        root="..", dist_name="vllm")
                    return "get_version()" + version
                """);
        SetupPyFacts facts = facts(file);
        assertTrue(facts.importsSetuptoolsScm());
        assertEquals(2, facts.getVersionCalls().size());
        SetupPyFacts.GetVersionCall first = facts.getVersionCalls().get(0);
        assertFalse(first.passesDistName());
        assertEquals("get_version", file.slice(first.nameRange()));
        assertEquals("get_version(write_to=\"vllm/_version.py\")", file.slice(first.range()));
        SetupPyFacts.GetVersionCall second = facts.getVersionCalls().get(1);
        assertEquals("dist_name", file.slice(second.distNameRange()));
        assertEquals(7, file.position(second.distNameRange().start()).line());
    }

    @Test
    void qualifiedCallsNeedTheModuleImport() {
        SourceFile file = SourceFile.of("setup.py", """
                import setuptools_scm
                v = setuptools_scm.get_version(**kwargs)
                w = other.get_version()
                """);
        SetupPyFacts facts = facts(file);
        assertEquals(1, facts.getVersionCalls().size());
        assertTrue(facts.getVersionCalls().get(0).passesKeywordDict());
        assertEquals("get_version", file.slice(facts.getVersionCalls().get(0).nameRange()));
    }

    @Test
    void ownGetVersionIsNotSetuptoolsScm() {
        SourceFile file = SourceFile.of("setup.py", "def get_version():\n    return '1'\nsetup(version=get_version())\n");
        SetupPyFacts facts = facts(file);
        assertFalse(facts.importsSetuptoolsScm());
        assertTrue(facts.getVersionCalls().isEmpty());
    }

    @Test
    void nestedDistNameBelongsToTheInnerCall() {
        SourceFile file = SourceFile.of("setup.py",
                "from setuptools_scm import get_version\nv = get_version(root=f(dist_name='x'))\n");
        assertFalse(facts(file).getVersionCalls().get(0).passesDistName());
    }

    @Property
    void maskKeepsLength(@ForAll String text) {
        assertEquals(text.length(), SetupPyFacts.maskStringsAndComments(text).length());
        SetupPyFacts.parse(SourceFile.of("setup.py", "from setuptools_scm import get_version\n" + text));
    }
}
