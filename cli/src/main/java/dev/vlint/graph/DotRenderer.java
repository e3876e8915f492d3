package dev.vlint.graph;

import dev.vlint.graph.BuildGraph.Cluster;
import dev.vlint.graph.BuildGraph.Edge;
import dev.vlint.graph.BuildGraph.Node;

/** Renders a {@link BuildGraph} as a Graphviz {@code digraph}, one Dockerfile per cluster. */
public final class DotRenderer {
    private DotRenderer() {}

    public static String render(BuildGraph graph) {
        StringBuilder out = new StringBuilder("digraph vlint {\n");
        out.append("  rankdir=LR;\n");
        out.append("  graph [fontname=\"Helvetica\"];\n");
        out.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\"];\n");
        out.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
        for (int i = 0; i < graph.clusters().size(); i++) {
            Cluster cluster = graph.clusters().get(i);
            String title = cluster.findings().summary().isEmpty() ? cluster.label()
                    : cluster.label() + "\n" + cluster.findings().summary();
            out.append("  subgraph \"cluster_").append(i).append("\" {\n");
            out.append("    label=").append(quote(title)).append(";\n");
            for (Node node : graph.nodes()) {
                if (cluster.id().equals(node.cluster())) {
                    out.append("    ").append(node(node)).append('\n');
                }
            }
            out.append("  }\n");
        }
        for (Node node : graph.nodes()) {
            if (node.cluster() == null) {
                out.append("  ").append(node(node)).append('\n');
            }
        }
        for (Edge edge : graph.edges()) {
            out.append("  ").append(quote(edge.from())).append(" -> ").append(quote(edge.to()))
                    .append(" [label=").append(quote(edge.label())).append(", style=").append(style(edge))
                    .append("];\n");
        }
        out.append("}\n");
        return out.toString();
    }

    private static String node(Node node) {
        StringBuilder attributes = new StringBuilder("label=").append(quote(String.join("\n", node.label())));
        String shape = switch (node.kind()) {
            case STAGE -> null;
            case IMAGE -> "cylinder";
            case JOB -> "hexagon";
            case BAKE_TARGET -> "component";
            case SCRIPT -> "note";
            case DOCKERFILE -> "folder";
        };
        if (shape != null) {
            attributes.append(", shape=").append(shape);
        }
        node.findings().worst().ifPresent(severity -> {
            switch (severity) {
                case ERROR -> attributes.append(", color=\"#c62828\", fillcolor=\"#fde2e2\"");
                case WARNING -> attributes.append(", color=\"#b26a00\", fillcolor=\"#fff4d6\"");
                case NOTE -> { }
            }
        });
        return quote(node.id()) + " [" + attributes + "];";
    }

    private static String style(Edge edge) {
        return switch (edge.kind()) {
            case FROM -> "solid";
            case COPY_FROM -> "dashed";
            case MOUNT_FROM -> "dotted";
            case BUILDS -> "bold";
        };
    }

    /** A DOT double-quoted string; line breaks become DOT's centred {@code \n} escape. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> { }
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
