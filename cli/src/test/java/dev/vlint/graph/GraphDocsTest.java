package dev.vlint.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.engine.Linter;
import dev.vlint.project.Project;
import dev.vlint.rules.BuiltinRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The examples in docs/graph.md are real output: regenerate them when this fails. */
class GraphDocsTest {
    private static final Path DOC = Path.of("../docs/graph.md");

    @Test
    void sampleProjectExampleIsCurrent() throws IOException {
        assertEquals(codeBlock("mermaid"), MermaidRenderer.render(lintedGraph(GraphFixtures.sampleProject())));
    }

    @Test
    void vllmExampleIsCurrent() throws IOException {
        assertEquals(codeBlock("dot"), DotRenderer.render(lintedGraph(GraphFixtures.vllmDockerfile())));
    }

    private static BuildGraph lintedGraph(Project project) {
        return GraphFixtures.graph(project, new Linter(BuiltinRules.all()).lint(project));
    }

    /** The body of the first fenced block with this language, ending in a newline. */
    private static String codeBlock(String language) throws IOException {
        String text = Files.readString(DOC);
        int open = text.indexOf("```" + language + "\n");
        assertTrue(open >= 0, "no ```" + language + " block in " + DOC);
        int start = open + language.length() + 4;
        return text.substring(start, text.indexOf("```\n", start));
    }
}
