package dev.vlint.buildmodel;

import dev.vlint.project.Project;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which Dockerfile is built by what, for which platforms, on which runner, after which steps:
 * read from workflow steps (docker/build-push-action, docker/bake-action, {@code docker build}
 * in {@code run:} and in the scripts a step runs), scripts no workflow runs, and
 * {@code docker-bake.hcl} targets. Computed once per project.
 */
public final class BuildModel {
    private final List<BuildInvocation> invocations;
    private final List<BuildJob> jobs;
    // Indexes, so rules that ask per file or per job do not scan the whole project each time.
    private final Map<String, List<BuildInvocation>> byDockerfile;
    private final Map<String, List<BuildInvocation>> byFile;
    private final Map<BuildJob, List<BuildInvocation>> byJob = new IdentityHashMap<>();
    private final Map<String, List<BuildJob>> jobsByWorkflow;
    private final Set<String> namedFiles;

    BuildModel(List<BuildInvocation> invocations, List<BuildJob> jobs, Set<String> namedFiles) {
        this.namedFiles = Set.copyOf(namedFiles);
        this.invocations = List.copyOf(invocations);
        this.jobs = List.copyOf(jobs);
        byDockerfile = this.invocations.stream().collect(Collectors.groupingBy(BuildInvocation::dockerfile));
        byFile = this.invocations.stream().collect(Collectors.groupingBy(i -> i.file().path()));
        for (BuildInvocation invocation : this.invocations) {
            if (invocation.job() != null) {
                byJob.computeIfAbsent(invocation.job(), j -> new ArrayList<>()).add(invocation);
            }
        }
        jobsByWorkflow = this.jobs.stream().collect(Collectors.groupingBy(j -> j.workflow().path()));
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

    /** The jobs of the workflow at this project-relative path. */
    public List<BuildJob> jobsIn(String workflowPath) {
        return jobsByWorkflow.getOrDefault(workflowPath, List.of());
    }

    /** The builds written in the file (workflow, script or bake file) at this project-relative path. */
    public List<BuildInvocation> invocationsIn(String filePath) {
        return byFile.getOrDefault(filePath, List.of());
    }

    /** The builds of the Dockerfile at this project-relative path. */
    public List<BuildInvocation> buildsOf(String dockerfilePath) {
        return byDockerfile.getOrDefault(Paths.normalize(dockerfilePath), List.of());
    }

    /**
     * Every project-relative path a build names as its Dockerfile or bake file, whether the
     * project holds such a file or not: what file discovery looks for among unclassified files.
     */
    public Set<String> namedFiles() {
        return namedFiles;
    }

    /** The builds that run in this job. */
    public List<BuildInvocation> buildsIn(BuildJob job) {
        return byJob.getOrDefault(job, List.of());
    }
}
