package dev.vlint.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vlint.project.Project;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Severity;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Graphviz must accept every DOT graph; Mermaid output must keep to the statements we emit. */
class RenderedGraphsAreValidTest {
    /** A quoted label: anything but a raw quote (Mermaid has no escape for it, we write #quot;). */
    private static final String LABEL = "\"[^\"]*\"";
    private static final String ID = "[A-Za-z_][A-Za-z0-9_]*";
    private static final Pattern SUBGRAPH = Pattern.compile("  subgraph (" + ID + ")\\[" + LABEL + "]");
    private static final Pattern NODE = Pattern.compile(" {2,4}(" + ID + ")(\\[" + LABEL + "]|\\[\\(" + LABEL
            + "\\)]|\\{\\{" + LABEL + "}}|\\[\\[" + LABEL + "]]|\\(\\[" + LABEL + "]\\)|\\(" + LABEL + "\\))");
    private static final Pattern EDGE = Pattern.compile("  (" + ID + ") (-->|-\\.->|==>)\\|" + LABEL + "\\| (" + ID + ")");
    private static final Pattern CLASS_DEF = Pattern.compile("  classDef (error|warning) [a-z]+:#[0-9a-f]{3,6}(,[a-z-]+:#[0-9a-f]{3,6})*");
    private static final Pattern CLASS = Pattern.compile("  class (" + ID + "(?:," + ID + ")*) (error|warning)");

    @TempDir
    Path dir;

    static Stream<BuildGraph> graphs() {
        Project sample = GraphFixtures.sampleProject();
        SourceFile dockerfile = sample.file("docker/Dockerfile").source();
        int run = dockerfile.text().indexOf("RUN");
        List<Finding> findings = List.of(
                new Finding("XT001", Severity.ERROR, "x", dockerfile, new TextRange(run, run + 3)),
                new Finding("XT002", Severity.WARNING, "y", dockerfile, new TextRange(0, 1)));
        return Stream.of(RendererTest.SMALL, GraphFixtures.graph(sample, findings),
                GraphFixtures.graph(GraphFixtures.vllmDockerfile(), List.of()),
                new BuildGraph(List.of(), List.of(), List.of()));
    }

    @ParameterizedTest
    @MethodSource("graphs")
    void graphvizRendersTheDotAsSvg(BuildGraph graph) throws IOException, InterruptedException {
        assumeTrue(dotAvailable(), "Graphviz dot is not installed");
        Path input = dir.resolve("graph.dot");
        Files.writeString(input, DotRenderer.render(graph), StandardCharsets.UTF_8);
        Process dot = new ProcessBuilder("dot", "-Tsvg", input.toString()).redirectErrorStream(true).start();
        String svg = new String(dot.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(dot.waitFor(60, TimeUnit.SECONDS), "dot did not finish");
        assertEquals(0, dot.exitValue(), svg);
        assertTrue(svg.contains("<svg"), svg);
    }

    @ParameterizedTest
    @MethodSource("graphs")
    void mermaidKeepsToKnownStatementsAndDeclaredIds(BuildGraph graph) {
        List<String> lines = MermaidRenderer.render(graph).lines().toList();
        assertEquals("flowchart LR", lines.get(0));
        Set<String> declared = new HashSet<>();
        Deque<String> open = new ArrayDeque<>();
        for (String line : lines.subList(1, lines.size())) {
            Matcher m;
            if ((m = SUBGRAPH.matcher(line)).matches()) {
                assertTrue(declared.add(m.group(1)), "id declared twice: " + line);
                open.push(m.group(1));
            } else if (line.equals("  end")) {
                assertTrue(open.poll() != null, "end without subgraph");
            } else if ((m = NODE.matcher(line)).matches()) {
                assertTrue(declared.add(m.group(1)), "id declared twice: " + line);
            } else if ((m = EDGE.matcher(line)).matches()) {
                assertTrue(declared.contains(m.group(1)) && declared.contains(m.group(3)), "undeclared id: " + line);
            } else if ((m = CLASS.matcher(line)).matches()) {
                for (String id : m.group(1).split(",")) {
                    assertTrue(declared.contains(id), "undeclared id: " + line);
                }
            } else {
                assertTrue(CLASS_DEF.matcher(line).matches(), "unexpected line: " + line);
            }
        }
        assertTrue(open.isEmpty(), "unclosed subgraph");
        long marked = graph.nodes().stream()
                .filter(n -> n.findings().worst().filter(s -> s != Severity.NOTE).isPresent()).count();
        long classed = lines.stream().filter(l -> l.startsWith("  class "))
                .mapToLong(l -> l.split(" ")[3].split(",").length).sum();
        assertEquals(marked, classed, "every node with errors or warnings gets a class");
    }

    private static boolean dotAvailable() {
        try {
            Process p = new ProcessBuilder("dot", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
