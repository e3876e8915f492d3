package dev.vlint.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.kb.WorkflowSecurity.Trust;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowSecurityTest {
    private final WorkflowSecurity facts = KnowledgeBase.bundled().workflowSecurity();

    private Trust trust(String path) {
        return facts.trust(path).map(WorkflowSecurity.ContextRule::trust).orElse(null);
    }

    @Test
    void githubsUntrustedInputsAreAttackerControlled() {
        for (String path : List.of("github.event.issue.title", "github.event.issue.body", "github.event.pull_request.title",
                "github.event.pull_request.body", "github.event.comment.body", "github.event.review.body",
                "github.event.pages.*.page_name", "github.event.commits.*.message", "github.event.head_commit.message",
                "github.event.head_commit.author.email", "github.event.head_commit.author.name",
                "github.event.pull_request.head.ref", "github.event.pull_request.head.label",
                "github.event.pull_request.head.repo.default_branch", "github.head_ref",
                "github.event.workflow_run.head_branch", "GitHub.Event.Issue.Title")) {
            assertEquals(Trust.ATTACKER, trust(path), path);
        }
    }

    @Test
    void theRepositoryItsBaseAndMaintainerSetValuesAreNot() {
        assertEquals(Trust.TRUSTED, trust("github.event.repository.name"));
        assertEquals(Trust.TRUSTED, trust("github.event.pull_request.base.repo.name"));
        assertEquals(Trust.TRUSTED, trust("github.event.pull_request.base.ref"));
        assertEquals(Trust.COLLABORATOR, trust("github.event.release.name"));
        assertEquals(Trust.COLLABORATOR, trust("github.event.pull_request.labels.*.name"));
        assertEquals(Trust.COLLABORATOR, trust("github.event.inputs.tag"));
        assertEquals(null, trust("github.event.pull_request.number"), "numbers are not text anyone types");
        assertEquals(null, trust("github.sha"));
        assertEquals(null, trust("github.event"), "a pattern with ** needs a segment there");
    }

    @Test
    void actionsAreLookedUpWithoutCase() {
        assertEquals(List.of("script"), facts.codeInputs("Actions/GitHub-Script"));
        assertTrue(facts.cacheAction("actions/setup-go").orElseThrow().onByDefault());
        assertFalse(facts.cacheAction("actions/setup-python").orElseThrow().onByDefault());
        assertTrue(facts.cacheAction("actions/cache").orElseThrow().trueTurnsOff());
        assertTrue(facts.archived("actions/create-release").isPresent());
        assertTrue(facts.popularActions().contains("actions/checkout"));
        assertEquals("GITHUB_HEAD_REF", facts.defaultVariable("github.head_ref").orElseThrow());
    }
}
