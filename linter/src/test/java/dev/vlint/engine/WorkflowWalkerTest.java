package dev.vlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vlint.config.Config;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.source.SourceFile;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.expr.Template;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkflowWalkerTest {
    private static final String WORKFLOW = """
            on:
              workflow_call:
                inputs:
                  tag: {type: string, default: "${{ github.ref_name }}"}
            run-name: ${{ github.actor }}
            env:
              TOKEN: ${{ secrets.T }}
            jobs:
              build:
                if: ${{ github.event_name == 'push' }}
                runs-on: ${{ matrix.os }}
                strategy:
                  matrix:
                    os: ${{ fromJSON(inputs.oses) }}
                container:
                  image: ${{ inputs.image }}
                services:
                  db:
                    env:
                      P: ${{ secrets.P }}
                steps:
                  - run: echo ${{ matrix.os }} ${{ steps.x.outputs.y }}
                  - uses: a/b@v1
                    if: success() && env.TOKEN != ''
                    with:
                      arg: ${{ env.TOKEN }}
            """;

    private static final String ACTION = """
            name: build
            runs:
              using: composite
              steps:
                - run: echo ${{ inputs.tag }}
                  if: inputs.tag != ''
                  shell: bash
                - uses: a/b@v1
            """;

    private static RuleMeta metaOf(String id) {
        return new RuleMeta(id, "walk-" + id, Severity.NOTE, "test", Fixability.NONE,
                Set.of(FileKind.WORKFLOW, FileKind.ACTION), List.of());
    }

    /** Reports each template with its generic key, its job and step, and each job and step. */
    private static final class Recorder implements Rule, WorkflowVisitor {
        @Override
        public RuleMeta meta() {
            return metaOf("VL991");
        }

        @Override
        public boolean visitsExpressions() {
            return true;
        }

        @Override
        public void job(Job job, RuleContext context) {
            context.report(job.key().range(), "job " + job.id());
        }

        @Override
        public void step(Step step, Job job, RuleContext context) {
            context.report(step.node().range(), "step " + step.index() + " of " + (job == null ? "the action" : job.id()));
        }

        @Override
        public void expression(Template template, Place place, RuleContext context) {
            String where = (place.job() == null ? "" : " in " + place.job().id())
                    + (place.step() == null ? "" : " step " + place.step().index());
            context.report(template.range(), context.file().source().slice(template.expr().range()) + " @ " + place.key() + where);
        }
    }

    /** Asks for no expressions: only jobs. */
    private static final class JobsOnly implements Rule, WorkflowVisitor {
        @Override
        public RuleMeta meta() {
            return metaOf("VL992");
        }

        @Override
        public void job(Job job, RuleContext context) {
            context.report(job.key().range(), "job " + job.id());
        }

        @Override
        public void expression(Template template, Place place, RuleContext context) {
            throw new AssertionError("not asked for");
        }
    }

    @Test
    void templatesComeWithTheKeyOfGitHubsAvailabilityTable() {
        ProjectFile file = new ProjectFile(Path.of("/p/.github/workflows/ci.yml"), FileKind.WORKFLOW,
                SourceFile.of(".github/workflows/ci.yml", WORKFLOW));
        List<Finding> findings = new Linter(List.of(new Recorder(), new JobsOnly()))
                .lint(new Project(Path.of("/p"), List.of(file), Config.DEFAULT), 1);
        assertEquals(List.of(
                "github.ref_name @ on.workflow_call.inputs.<inputs_id>.default",
                "github.actor @ run-name",
                "secrets.T @ env",
                "job build",
                "github.event_name == 'push' @ jobs.<job_id>.if in build",
                "matrix.os @ jobs.<job_id>.runs-on in build",
                "fromJSON(inputs.oses) @ jobs.<job_id>.strategy in build",
                "inputs.image @ jobs.<job_id>.container.image in build",
                "secrets.P @ jobs.<job_id>.services.<service_id>.env.<env_id> in build",
                "step 0 of build",
                "matrix.os @ jobs.<job_id>.steps.run in build step 0",
                "steps.x.outputs.y @ jobs.<job_id>.steps.run in build step 0",
                "step 1 of build",
                "success() && env.TOKEN != '' @ jobs.<job_id>.steps.if in build step 1",
                "env.TOKEN @ jobs.<job_id>.steps.with in build step 1"),
                findings.stream().filter(f -> f.ruleId().equals("VL991")).map(Finding::message).toList());
        assertEquals(List.of("job build"), findings.stream().filter(f -> f.ruleId().equals("VL992"))
                .map(Finding::message).toList());
    }

    @Test
    void compositeActionStepsAreWalkedWithoutAJob() {
        ProjectFile file = new ProjectFile(Path.of("/p/build/action.yml"), FileKind.ACTION,
                SourceFile.of("build/action.yml", ACTION));
        List<Finding> findings = new Linter(List.of(new Recorder(), new JobsOnly()))
                .lint(new Project(Path.of("/p"), List.of(file), Config.DEFAULT), 1);
        assertEquals(List.of("step 0 of the action", "inputs.tag @ null step 0",
                "inputs.tag != '' @ null step 0", "step 1 of the action"),
                findings.stream().map(Finding::message).toList());
    }
}
