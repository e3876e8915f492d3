package dev.vlint.buildmodel;

import dev.vlint.project.Project;
import java.util.List;

/**
 * Which Dockerfile is built by what, for which platforms, on which runner, after which steps:
 * read from workflow steps (docker/build-push-action, docker/bake-action, {@code docker build}
 * in {@code run:} and in the scripts a step runs), scripts no workflow runs, and
 * {@code docker-bake.hcl} targets. Computed once per project.
 */
public final class BuildModel {
    private final List<BuildInvocation> invocations;
    private final List<BuildJob> jobs;

    BuildModel(List<BuildInvocation> invocations, List<BuildJob> jobs) {
        this.invocations = List.copyOf(invocations);
        this.jobs = List.copyOf(jobs);
    }

    public static BuildModel of(Project project) {
        return project.derived(BuildModel.class, p -> new BuildModelReader(p).read());
    }

    public List<BuildInvocation> invocations() {
        return invocations;
    }

    /** Every workflow job that has steps, whether or not it builds anything. */
    public List<BuildJob> jobs() {
        return jobs;
    }

    /** The builds of the Dockerfile at this project-relative path. */
    public List<BuildInvocation> buildsOf(String dockerfilePath) {
        String path = Paths.normalize(dockerfilePath);
        return invocations.stream().filter(i -> i.dockerfile().equals(path)).toList();
    }

    /** The builds that run in this job. */
    public List<BuildInvocation> buildsIn(BuildJob job) {
        return invocations.stream().filter(i -> i.job() == job).toList();
    }
}
