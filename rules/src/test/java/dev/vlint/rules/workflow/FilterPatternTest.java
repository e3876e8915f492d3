package dev.vlint.rules.workflow;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FilterPatternTest {
    @Test
    void acceptsGitHubsPatterns() {
        for (String ok : new String[] {"main", "release/**", "!release/old", "v[0-9]+.*", "feature/[ab]*",
                "docs/\\[draft\\]", "**.md", "v[0-9]+.[0-9]?", "build\\+1", "rc\\*"}) {
            assertNull(EventInvalid.globProblem(ok, true), ok);
        }
        assertNull(EventInvalid.globProblem("docs/my notes/**", false), "paths may hold spaces");
    }

    @Test
    void reportsPatternsThatMatchNothing() {
        assertTrue(EventInvalid.globProblem("v[0-9", true).contains("never closed"));
        assertTrue(EventInvalid.globProblem("x[]", true).contains("empty"));
        assertTrue(EventInvalid.globProblem("v[9-0]*", true).contains("backwards"));
        assertTrue(EventInvalid.globProblem("my branch", true).contains("space"));
        assertTrue(EventInvalid.globProblem("v\\d+", true).contains("`\\d` does not match a digit"));
        assertTrue(EventInvalid.globProblem("^v1", true).contains("`^`"));
        assertTrue(EventInvalid.globProblem("!+x", true).contains("nothing before"));
        assertTrue(EventInvalid.globProblem("v*+", true).contains("right after `*`"));
        assertNull(EventInvalid.globProblem("src/\\d+", false), "paths are not ref names");
    }
}
