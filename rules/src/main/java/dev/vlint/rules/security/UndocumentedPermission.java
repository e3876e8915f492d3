package dev.vlint.rules.security;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.source.SourceFile;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.YamlComment;
import dev.vlint.workflow.YamlNode;
import java.util.HashSet;
import java.util.Set;

/**
 * VL824 (off unless enabled): a permission other than {@code contents: read} without a comment on
 * its line saying why the job needs it.
 */
public final class UndocumentedPermission implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL824", "undocumented-permission", Severity.NOTE,
            "A permission other than contents: read has no comment saying why it is needed (off unless enabled in"
                    + " the config).",
            Fixability.NONE, "undocumented-permissions");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void startFile(Workflow workflow, RuleContext context) {
        if (!Audits.enabled(context, META)) {
            return;
        }
        SourceFile file = context.file().source();
        Set<Integer> commented = new HashSet<>();
        for (YamlComment comment : workflow.comments()) {
            if (!comment.text().isBlank()) {
                commented.add(file.lineIndex(comment.range().start()));
            }
        }
        check(workflow.root().get("permissions"), file, commented, context);
        for (Job job : workflow.jobs()) {
            check(job.node().get("permissions"), file, commented, context);
        }
    }

    private static void check(YamlNode permissions, SourceFile file, Set<Integer> commented, RuleContext context) {
        if (permissions == null || !permissions.isMapping()) {
            return;
        }
        for (YamlNode.Entry scope : permissions.entries()) {
            String value = scope.value() == null || !scope.value().isScalar() ? "" : scope.value().value();
            if (scope.key().value().equals("contents") && value.equals("read")) {
                continue;
            }
            if (!commented.contains(file.lineIndex(scope.key().range().start()))) {
                context.report(scope.key().range(), "`" + scope.key().value() + ": " + value + "` has no comment saying"
                        + " what needs it; without one, nobody can tell later whether it can go. Add a comment on its"
                        + " line (`# to upload the release assets`).");
            }
        }
    }
}
