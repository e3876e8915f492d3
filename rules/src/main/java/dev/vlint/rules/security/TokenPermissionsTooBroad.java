package dev.vlint.rules.security;

import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.source.SourceFile;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * VL803: the {@code GITHUB_TOKEN} gets more than its jobs need: {@code write-all} or
 * {@code read-all}, a write scope granted to every job at the workflow level, or no
 * {@code permissions:} at all in a workflow outsiders can trigger with a token that can write.
 */
public final class TokenPermissionsTooBroad implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL803", "token-permissions-too-broad", Severity.NOTE,
            "The workflow's token gets more than its jobs need: write-all, read-all, a workflow-wide write scope,"
                    + " or the default permissions where outsiders trigger it.",
            Fixability.UNSAFE, "excessive-permissions");

    /** Events outsiders can cause that run with the repository's token, which may write by default. */
    private static final Set<String> OUTSIDER_WRITE_TOKEN = Set.of("pull_request_target", "workflow_run",
            "issue_comment", "issues", "discussion", "discussion_comment", "fork", "watch");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void startFile(Workflow workflow, RuleContext context) {
        Events events = new Events(workflow);
        YamlNode top = workflow.root().isMapping() ? workflow.root().get("permissions") : null;
        List<Job> jobs = workflow.jobs();
        if (top != null) {
            blanket(top, "the workflow", context);
            boolean everyJobOwnsIt = jobs.stream().allMatch(j -> j.node().get("permissions") != null);
            if (top.isMapping() && jobs.size() > 1 && !everyJobOwnsIt && !events.reusableOnly()) {
                for (YamlNode.Entry scope : top.entries()) {
                    if (scope.value() != null && scope.value().isScalar() && scope.value().value().equals("write")) {
                        context.report(scope.key().range().union(scope.value().range()), "`" + scope.key().value()
                                + ": write` at the workflow level gives it to all " + jobs.size() + " jobs, also those"
                                + " that do not need it. Set `permissions: {}` here and grant the scope in the job"
                                + " that uses it.");
                    }
                }
            }
        }
        for (Job job : jobs) {
            YamlNode own = job.node().get("permissions");
            if (own != null) {
                blanket(own, "job `" + job.id() + "`", context);
            }
        }
        String event = events.first(OUTSIDER_WRITE_TOKEN);
        List<String> unset = new ArrayList<>();
        jobs.stream().filter(j -> j.node().get("permissions") == null && j.uses() == null).forEach(j -> unset.add(j.id()));
        YamlNode.Entry on = workflow.root().isMapping() ? workflow.root().entry("on") : null;
        if (top == null && event != null && !unset.isEmpty() && on != null) {
            Edit edit = topLevelPermissions(context.file().source(), workflow);
            String message = "The workflow runs on `" + event + "`, which anyone can cause, and sets no `permissions:`,"
                    + " so " + (unset.size() == 1 ? "job `" + unset.get(0) + "` gets" : "jobs " + String.join(", ", unset)
                    + " get") + " the repository's default token, which can write to the repository unless the"
                    + " repository or organization settings restrict it. Declare what the jobs need, starting from"
                    + " `contents: read`.";
            if (edit == null) {
                context.report(on.key().range(), message);
            } else {
                context.report(on.key().range(), message, Fix.unsafe("Add permissions: contents: read to the workflow", edit));
            }
        }
    }

    private static void blanket(YamlNode permissions, String owner, RuleContext context) {
        if (!permissions.isScalar()) {
            return;
        }
        switch (permissions.value()) {
            case "write-all" -> context.report(Severity.WARNING, permissions.range(), "`permissions: write-all` gives "
                    + owner + " a token that can write everything the token can reach: code, releases, packages,"
                    + " workflows' actions and more. List the scopes it needs instead, e.g. `contents: write`.");
            case "read-all" -> context.report(permissions.range(), "`permissions: read-all` lets " + owner
                    + " read every scope, including security events and packages. List the scopes it reads instead,"
                    + " usually just `contents: read`.");
            default -> { }
        }
    }

    /** Inserts {@code permissions: contents: read} as a top-level entry right before {@code jobs:}. */
    private static Edit topLevelPermissions(SourceFile file, Workflow workflow) {
        YamlNode.Entry jobs = workflow.root().entry("jobs");
        if (jobs == null || workflow.root().style() == YamlNode.Style.FLOW) {
            return null;
        }
        int start = jobs.key().range().start();
        int lineStart = file.lineStart(file.lineIndex(start));
        if (lineStart != start) {
            return null;
        }
        String lineBreak = file.lineBreak();
        return Edit.insert(lineStart, "permissions:" + lineBreak + "  contents: read" + lineBreak + lineBreak);
    }
}
