package dev.vlint.rule;

import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.YamlNode;
import dev.vlint.workflow.expr.Template;
import java.util.List;

/**
 * A workflow rule driven by the engine's one walk of the file: the file, each job, each of its
 * steps, every {@code ${{ }}} template (parsed once per file) with where it stands, then the end.
 * Rules whose kinds include {@code ACTION} are also walked over action metadata files: there are no
 * jobs, and {@link #step} is called for each composite step with a null job.
 */
public interface WorkflowVisitor {
    /**
     * Where a template stands.
     *
     * @param scalar the YAML scalar holding it
     * @param path the concrete key path of the scalar ({@code jobs, build, steps, 0, run}); list
     *     items are their index
     * @param key the generic key of GitHub's context availability table ({@code jobs.<job_id>.steps.run}),
     *     or null where the table says nothing
     * @param job the job it belongs to, else null
     * @param step the step it belongs to (a job's or a composite action's), else null
     */
    record Place(YamlNode scalar, List<String> path, String key, Job job, Step step) {}

    /** Whether the rule wants {@link #expression} calls; the walk skips finding templates otherwise. */
    default boolean visitsExpressions() {
        return false;
    }

    default void startFile(Workflow workflow, RuleContext context) {}

    default void job(Job job, RuleContext context) {}

    default void step(Step step, Job job, RuleContext context) {}

    default void expression(Template template, Place place, RuleContext context) {}

    default void endFile(Workflow workflow, RuleContext context) {}
}
