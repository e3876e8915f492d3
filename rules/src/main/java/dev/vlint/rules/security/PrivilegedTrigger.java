package dev.vlint.rules.security;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.RelatedLocation;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.source.SourceFile;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.YamlNode;
import dev.vlint.workflow.YamlScalars;
import dev.vlint.workflow.expr.Expr;
import dev.vlint.workflow.expr.Template;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * VL804: {@code pull_request_target} or {@code workflow_run}, which run with the repository's
 * secrets and a token that can write although forks trigger them; a warning where a step checks out
 * the pull request's code, which then runs with those privileges.
 */
public final class PrivilegedTrigger implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL804", "privileged-trigger", Severity.NOTE,
            "The workflow runs on pull_request_target or workflow_run, with secrets and a write token on events"
                    + " forks cause; a warning when it checks out the pull request's code.",
            Fixability.NONE, "dangerous-triggers");

    /** Contexts that name the head of a pull request or of the run that triggered workflow_run. */
    private static final Set<String> HEAD = Set.of("github.event.pull_request.head.sha",
            "github.event.pull_request.head.ref", "github.head_ref", "github.event.pull_request.head.repo.full_name",
            "github.event.workflow_run.head_sha", "github.event.workflow_run.head_branch",
            "github.event.workflow_run.head_commit.id", "github.event.workflow_run.head_repository.full_name");
    private static final Pattern FETCH_PR = Pattern.compile("\\bgh\\s+pr\\s+checkout\\b|\\bgit\\s+fetch\\b[^\\n]*\\bpull/");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void startFile(Workflow workflow, RuleContext context) {
        Events events = new Events(workflow);
        for (String event : List.of("pull_request_target", "workflow_run")) {
            if (!events.has(event) || event.equals("pull_request_target") && labelerOnly(workflow, context.file().source())) {
                continue;
            }
            YamlNode trigger = events.entry(event).key();
            YamlNode head = headCheckout(workflow, context.file().source());
            if (head != null) {
                context.report(context.finding(Severity.WARNING, head.range(), "This step checks out the code of the"
                        + (event.equals("workflow_run") ? " run that triggered the workflow" : " pull request")
                        + ", and the workflow runs on `" + event + "`, with the repository's secrets and, unless"
                        + " `permissions:` narrows it, a token that can write, for events a fork causes: any build, test or install after it runs the fork's"
                        + " code with those privileges. Check out the base instead, or move the job to `pull_request`"
                        + " and pass results on as artifacts.",
                        List.of(new RelatedLocation(context.file().source(), trigger.range(), "the privileged trigger")),
                        List.of()));
            } else {
                context.report(trigger.range(), "`" + event + "` runs with the repository's secrets and, unless"
                        + " `permissions:` narrows it, a token that can write, on events a fork causes: code from the fork must never run here, and values from"
                        + " the event must not reach scripts (VL801) or `GITHUB_ENV` (VL814). Prefer `pull_request`"
                        + (event.equals("workflow_run") ? " or `workflow_call`" : "") + " unless the job needs them.");
            }
        }
    }

    /** One job whose only step is actions/labeler: GitHub's documented use of pull_request_target. */
    private static boolean labelerOnly(Workflow workflow, SourceFile file) {
        List<Job> jobs = workflow.jobs();
        if (jobs.size() != 1 || jobs.get(0).steps().size() != 1) {
            return false;
        }
        YamlNode uses = jobs.get(0).steps().get(0).uses();
        Uses action = uses == null ? null : Uses.of(file, uses);
        return action != null && action.is("actions/labeler");
    }

    /** The first place a step fetches the head's code: checkout's ref or repository, or a run that fetches it. */
    private static YamlNode headCheckout(Workflow workflow, SourceFile file) {
        for (Job job : workflow.jobs()) {
            for (Step step : job.steps()) {
                Uses uses = step.uses() == null ? null : Uses.of(file, step.uses());
                if (uses != null && uses.is("actions/checkout")) {
                    for (String input : List.of("ref", "repository")) {
                        YamlNode value = step.with(input);
                        if (value != null && namesHead(file, value)) {
                            return value;
                        }
                    }
                }
                YamlNode run = step.run();
                if (run != null && run.isScalar() && FETCH_PR.matcher(run.value()).find()) {
                    return run;
                }
            }
        }
        return null;
    }

    private static boolean namesHead(SourceFile file, YamlNode value) {
        if (!value.isScalar()) {
            return false;
        }
        if (value.value().contains("refs/pull/")) {
            return true;
        }
        for (Template template : Template.find(YamlScalars.mappedText(file, value))) {
            if (template.expr() != null) {
                for (Expr access : Exprs.flowing(template.expr())) {
                    if (HEAD.contains(Exprs.path(access))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
