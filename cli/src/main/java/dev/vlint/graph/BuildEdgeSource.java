package dev.vlint.graph;

import dev.vlint.project.Project;
import java.util.List;

/** Finds what builds which Dockerfile across a project; the graph draws each answer as a "builds" edge. */
@FunctionalInterface
public interface BuildEdgeSource {
    List<BuildEdge> edges(Project project);
}
