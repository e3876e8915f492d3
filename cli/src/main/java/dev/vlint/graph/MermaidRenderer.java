package dev.vlint.graph;

import dev.vlint.graph.BuildGraph.Cluster;
import dev.vlint.graph.BuildGraph.Edge;
import dev.vlint.graph.BuildGraph.Node;
import dev.vlint.rule.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Renders a {@link BuildGraph} as a Mermaid {@code flowchart LR}, one Dockerfile per subgraph. */
public final class MermaidRenderer {
    private MermaidRenderer() {}

    public static String render(BuildGraph graph) {
        Ids ids = new Ids();
        StringBuilder out = new StringBuilder("flowchart LR\n");
        for (Cluster cluster : graph.clusters()) {
            String title = cluster.findings().summary().isEmpty() ? cluster.label()
                    : cluster.label() + " · " + cluster.findings().summary();
            out.append("  subgraph ").append(ids.of(cluster.id())).append("[\"").append(escape(title)).append("\"]\n");
            for (Node node : graph.nodes()) {
                if (cluster.id().equals(node.cluster())) {
                    out.append("    ").append(node(ids, node)).append('\n');
                }
            }
            out.append("  end\n");
        }
        for (Node node : graph.nodes()) {
            if (node.cluster() == null) {
                out.append("  ").append(node(ids, node)).append('\n');
            }
        }
        for (Edge edge : graph.edges()) {
            out.append("  ").append(ids.of(edge.from())).append(' ').append(arrow(edge))
                    .append("|\"").append(escape(edge.label())).append("\"| ").append(ids.of(edge.to())).append('\n');
        }
        out.append("  classDef error fill:#fde2e2,stroke:#c62828,color:#000\n");
        out.append("  classDef warning fill:#fff4d6,stroke:#b26a00,color:#000\n");
        appendClass(out, ids, graph, Severity.ERROR, "error");
        appendClass(out, ids, graph, Severity.WARNING, "warning");
        return out.toString();
    }

    private static String node(Ids ids, Node node) {
        String label = "\"" + String.join("<br/>", node.label().stream().map(MermaidRenderer::escape).toList()) + "\"";
        String shaped = switch (node.kind()) {
            case STAGE -> "[" + label + "]";
            case IMAGE -> "[(" + label + ")]";
            case JOB -> "{{" + label + "}}";
            case BAKE_TARGET -> "[[" + label + "]]";
            case SCRIPT -> "([" + label + "])";
            case DOCKERFILE -> "(" + label + ")";
        };
        return ids.of(node.id()) + shaped;
    }

    private static String arrow(Edge edge) {
        return switch (edge.kind()) {
            case FROM -> "-->";
            case COPY_FROM, MOUNT_FROM -> "-.->";
            case BUILDS -> "==>";
        };
    }

    private static void appendClass(StringBuilder out, Ids ids, BuildGraph graph, Severity severity, String name) {
        List<String> members = new ArrayList<>();
        for (Node node : graph.nodes()) {
            if (node.findings().worst().filter(s -> s == severity).isPresent()) {
                members.add(ids.of(node.id()));
            }
        }
        if (!members.isEmpty()) {
            out.append("  class ").append(String.join(",", members)).append(' ').append(name).append('\n');
        }
    }

    /**
     * Text inside a quoted Mermaid label: {@code #} starts an entity code, so it and the characters
     * Mermaid could read as quotes, HTML or shape brackets ({@code ${{ matrix.os }}}) are written as
     * entity codes.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '#' -> out.append("#35;");
                case '"' -> out.append("#quot;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                case '&' -> out.append("#amp;");
                case '{' -> out.append("#123;");
                case '}' -> out.append("#125;");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Mermaid ids: letters, digits and underscores only, kept unique. They are the node key's kind
     * and its last path segment ({@code stage:docker/Dockerfile#1} becomes {@code stage_Dockerfile_1}),
     * so no id is a Mermaid keyword such as {@code end}.
     */
    private static final class Ids {
        private final Map<String, String> byKey = new HashMap<>();
        private final Set<String> used = new HashSet<>();

        String of(String key) {
            return byKey.computeIfAbsent(key, k -> {
                int colon = k.indexOf(':');
                String kind = colon < 0 ? "node" : k.substring(0, colon);
                String rest = k.substring(colon + 1);
                String base = kind + "_" + rest.substring(rest.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9_]+", "_");
                String id = base;
                for (int n = 2; !used.add(id); n++) {
                    id = base + "_" + n;
                }
                return id;
            });
        }
    }
}
