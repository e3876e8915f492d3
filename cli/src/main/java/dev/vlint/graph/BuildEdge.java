package dev.vlint.graph;

import java.util.List;

/**
 * Something in the project that builds a Dockerfile: a workflow job, a bake target or a script.
 *
 * @param source the project-relative path of the workflow, bake file or script holding the build
 * @param job the job id or bake target name; null for a build no job runs (a script)
 * @param runsOn the job's runner labels; empty when unknown or not a job
 * @param dockerfilePath the Dockerfile built, project-relative and normalized
 * @param target the stage built; null for the last stage
 * @param platforms the target platforms as written; empty for the builder's own platform
 */
public record BuildEdge(String source, String job, List<String> runsOn, String dockerfilePath, String target,
        List<String> platforms) {

    public BuildEdge {
        runsOn = List.copyOf(runsOn);
        platforms = List.copyOf(platforms);
    }
}
