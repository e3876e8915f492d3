package dev.vlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vlint.rule.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every finding on the fixtures says: no internal notes ("seed 001") and no parentheses inside
 * parentheses, in the message and in fix titles.
 */
class MessageStyleTest {
    /**
     * Rules whose messages the knowledge-base work rewrites (VL106 quotes a note that names a seed,
     * VL401's disk table nests the sizes of removed folders); remove them from here once it has.
     */
    private static final Set<String> PENDING = Set.of("VL106", "VL401");

    @Test
    void messagesLeakNoNotesAndNestNoParentheses() {
        List<String> bad = new ArrayList<>();
        for (Path dir : Fixtures.cases()) {
            for (Finding finding : FixtureRunner.lint(FixtureRunner.load(dir))) {
                if (PENDING.contains(finding.ruleId())) {
                    continue;
                }
                List<String> texts = new ArrayList<>(List.of(finding.message()));
                finding.fixes().forEach(f -> texts.add(f.title()));
                for (String text : texts) {
                    if (text.matches("(?is).*\\bseeds? ?0\\d\\d.*") || nestsParentheses(text)) {
                        bad.add(finding.ruleId() + " " + dir.getFileName() + ": " + text);
                    }
                }
            }
        }
        assertEquals(List.of(), bad);
    }

    static boolean nestsParentheses(String text) {
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (c == '(' && ++depth > 1) {
                return true;
            }
            if (c == ')') {
                depth = Math.max(0, depth - 1);
            }
        }
        return false;
    }
}
