package dev.vlint.buildmodel;

import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.List;
import java.util.Set;

/**
 * One build of a Dockerfile found in the project.
 *
 * @param dockerfile the Dockerfile's project-relative path
 * @param context the build context, project-relative ("." for the root)
 * @param platforms the target platforms; empty means the builder's own platform (no
 *     {@code --platform}); null when an expression could not be resolved
 * @param target the stage built, or null for the last one
 * @param job the workflow job that runs the build, or null (a script no workflow calls)
 * @param stepIndex the job step that runs it (directly or through a script); -1 without a job
 * @param file the file holding the build step or command
 * @param range the step or command, for related locations
 */
public record BuildInvocation(String dockerfile, String context, Set<String> platforms, String target,
        BuildJob job, int stepIndex, SourceFile file, TextRange range) {

    public boolean platformsKnown() {
        return platforms != null;
    }

    /** True when the build is known to produce more than one platform. */
    public boolean multiPlatform() {
        return platforms != null && platforms.size() > 1;
    }

    public List<String> runnerLabels() {
        return job == null ? List.of() : job.runnerLabels();
    }

    /** The job's steps that run before this build, in order. */
    public List<JobStep> stepsBefore() {
        return job == null ? List.of() : job.steps().subList(0, Math.min(stepIndex, job.steps().size()));
    }

    /** Where the build happens, for messages: "{@code .github/workflows/x.yml job build}" or the script path. */
    public String where() {
        return job == null ? file.path() : job.workflow().path() + " job " + job.id();
    }
}
