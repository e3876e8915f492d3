package dev.vlint.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleDocsTest {
    /** Its prose is a test resource: dev/vlint/rules/docs/XT100.md. */
    private static final RuleMeta DOCUMENTED = new RuleMeta("XT100", "test-cache-mount", Severity.ERROR,
            "Cache mount without a platform id", Fixability.SAFE, Set.of(FileKind.WORKFLOW, FileKind.DOCKERFILE),
            List.of("docker", "a|b"));
    private static final RuleMeta UNDOCUMENTED = new RuleMeta("XT999", "test-undocumented", Severity.NOTE,
            "Nothing", Fixability.NONE, Set.of(FileKind.SHELL), List.of());

    @Test
    void pageHasTitleSummaryTableAndProse() {
        String page = RuleDocs.page(DOCUMENTED, RuleDocs.prose("XT100").orElseThrow());
        assertTrue(page.startsWith("""
                # XT100 test-cache-mount

                Cache mount without a platform id

                | | |
                |---|---|
                | Default severity | error |
                | Fix | safe |
                | File kinds | dockerfile, workflow |
                | Tags | docker, a\\|b |

                ## What it does
                """), page);
        assertTrue(page.endsWith("The fix only adds an `id`, so it is safe.\n"), page);
    }

    @Test
    void sectionsEndAtTheNextHeadingOutsideCodeFences() {
        String prose = RuleDocs.prose("XT100").orElseThrow();
        assertEquals(Optional.of("Two platforms would share one cache."), RuleDocs.section(prose, "Why is this bad?"));
        assertTrue(RuleDocs.section(prose, "Example").orElseThrow().contains("## not a heading inside a fence"));
        assertEquals(Optional.empty(), RuleDocs.section(prose, "References"));
    }

    @Test
    void fixableRulesNeedAFixSafetySection() {
        String withoutFixSafety = "## What it does\nx\n## Why is this bad?\nx\n## Example\nx\n## Use instead\nx\n";
        assertEquals(List.of("Fix safety"), RuleDocs.missingSections(DOCUMENTED, withoutFixSafety));
        assertEquals(List.of(), RuleDocs.missingSections(UNDOCUMENTED, withoutFixSafety));
        assertEquals(List.of("Why is this bad?", "Use instead"),
                RuleDocs.missingSections(UNDOCUMENTED, "## What it does\nx\n## Example\nx\n## Use instead\n"));
    }

    @Test
    void generateWritesOnePagePerRuleAndAnIndex() {
        Map<String, String> files = RuleDocs.generate(List.of(DOCUMENTED));
        assertEquals(Set.of("XT100.md", "README.md"), files.keySet());
        assertTrue(files.get("README.md").contains(
                "| [XT100](XT100.md) | test-cache-mount | error | safe | Cache mount without a platform id |"),
                files.get("README.md"));
    }

    @Test
    void generateRefusesRulesWithoutProse() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RuleDocs.generate(List.of(DOCUMENTED, UNDOCUMENTED)));
        assertEquals("XT999: no prose at dev/vlint/rules/docs/XT999.md", e.getMessage());
    }
}
