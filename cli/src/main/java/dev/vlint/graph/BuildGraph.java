package dev.vlint.graph;

import dev.vlint.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a project builds, as a graph: the stages of each Dockerfile (grouped in one cluster per
 * file), the images they start from or copy out of, and the jobs and bake targets that build them.
 * Nodes and edges keep the order they were found in, so rendering is deterministic.
 */
public record BuildGraph(List<Cluster> clusters, List<Node> nodes, List<Edge> edges) {

    public BuildGraph {
        clusters = List.copyOf(clusters);
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public enum NodeKind { STAGE, IMAGE, JOB, BAKE_TARGET, SCRIPT, DOCKERFILE }

    public enum EdgeKind { FROM, COPY_FROM, MOUNT_FROM, BUILDS }

    /**
     * @param id unique key, e.g. {@code stage:docker/Dockerfile#1}; renderers derive their own ids from it
     * @param label the lines to show, the finding summary last when there are findings
     * @param cluster the id of the cluster (Dockerfile) holding the node, or null
     * @param findings the findings located in what the node stands for
     */
    public record Node(String id, NodeKind kind, List<String> label, String cluster, FindingCounts findings) {
        public Node {
            label = List.copyOf(label);
        }
    }

    /** One Dockerfile; {@code findings} are those outside every stage (global ARGs, directives). */
    public record Cluster(String id, String label, FindingCounts findings) {}

    /** An edge in the direction things flow: from the base or source to the stage that uses it. */
    public record Edge(String from, String to, EdgeKind kind, String label) {}

    /** How many findings of each severity something carries. */
    public record FindingCounts(int errors, int warnings, int notes) {
        public static final FindingCounts NONE = new FindingCounts(0, 0, 0);

        public FindingCounts plus(Severity severity) {
            return switch (severity) {
                case ERROR -> new FindingCounts(errors + 1, warnings, notes);
                case WARNING -> new FindingCounts(errors, warnings + 1, notes);
                case NOTE -> new FindingCounts(errors, warnings, notes + 1);
            };
        }

        /** The most serious severity present, if any. */
        public Optional<Severity> worst() {
            if (errors > 0) {
                return Optional.of(Severity.ERROR);
            }
            if (warnings > 0) {
                return Optional.of(Severity.WARNING);
            }
            return notes > 0 ? Optional.of(Severity.NOTE) : Optional.empty();
        }

        /** "2 errors · 1 note"; empty when there is nothing. */
        public String summary() {
            List<String> parts = new ArrayList<>();
            add(parts, errors, "error");
            add(parts, warnings, "warning");
            add(parts, notes, "note");
            return String.join(" · ", parts);
        }

        private static void add(List<String> parts, int count, String word) {
            if (count > 0) {
                parts.add(count + " " + word + (count == 1 ? "" : "s"));
            }
        }
    }
}
