package dev.vlint.rules.workflow;

import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.YamlNode;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * VL713: a {@code permissions:} GitHub refuses: an unknown scope, a level other than read, write or
 * none, or a whole-token value other than read-all, write-all or {}. Scopes and their levels follow
 * docs.github.com "Workflow syntax", permissions (checked 2026-12-03; also actionlint v1.7.12).
 */
public final class PermissionInvalid implements Rule, WorkflowVisitor {
    private static final RuleMeta META = new RuleMeta("VL713", "permission-invalid", Severity.ERROR,
            "A permissions: entry names an unknown scope or an access level the scope does not have.",
            Fixability.NONE, EnumSet.of(FileKind.WORKFLOW), List.of("ci", "workflow", "security"),
            List.of("actionlint:permissions"));
    private static final Set<String> LEVELS = Set.of("read", "write", "none");
    private static final Map<String, Set<String>> SCOPES = Map.ofEntries(
            Map.entry("actions", LEVELS), Map.entry("artifact-metadata", LEVELS), Map.entry("attestations", LEVELS),
            Map.entry("checks", LEVELS), Map.entry("contents", LEVELS), Map.entry("deployments", LEVELS),
            Map.entry("discussions", LEVELS), Map.entry("id-token", Set.of("write", "none")),
            Map.entry("issues", LEVELS), Map.entry("models", Set.of("read", "none")), Map.entry("packages", LEVELS),
            Map.entry("pages", LEVELS), Map.entry("pull-requests", LEVELS), Map.entry("repository-projects", LEVELS),
            Map.entry("security-events", LEVELS), Map.entry("statuses", LEVELS));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void startFile(Workflow workflow, RuleContext context) {
        check(workflow.root().isMapping() ? workflow.root().get("permissions") : null, context);
    }

    @Override
    public void job(Job job, RuleContext context) {
        check(job.node().get("permissions"), context);
    }

    private static void check(YamlNode permissions, RuleContext context) {
        if (permissions == null || permissions.alias() || Workflows.isExpression(permissions)) {
            return;
        }
        if (permissions.isScalar()) {
            String value = permissions.value().trim();
            if (!value.equals("read-all") && !value.equals("write-all") && !permissions.isNull()) {
                context.report(permissions.range(), "`permissions: " + value + "` is not a value for the whole token;"
                        + " write read-all, write-all, {} or a mapping of scopes to read, write or none.");
            }
            return;
        }
        for (YamlNode.Entry e : Workflows.entries(permissions)) {
            String scope = e.key().value();
            Set<String> levels = SCOPES.get(scope);
            if (levels == null) {
                String hint = Workflows.closest(scope, SCOPES.keySet()).map(c -> " Did you mean `" + c + "`?")
                        .orElse(" Scopes are " + String.join(", ", new TreeSet<>(SCOPES.keySet())) + ".");
                context.report(e.key().range(), "`" + scope + "` is not a permission scope, so GitHub refuses the"
                        + " workflow." + hint);
                continue;
            }
            YamlNode level = e.value();
            if (level == null || !level.isScalar() || Workflows.isDynamic(level)) {
                continue;
            }
            String value = level.value().trim();
            if (!LEVELS.contains(value)) {
                context.report(level.range(), "`" + value + "` is not an access level; " + scope + " takes "
                        + String.join(", ", new TreeSet<>(levels)) + ".");
            } else if (!levels.contains(value)) {
                context.report(Severity.WARNING, level.range(), "The " + scope + " scope has no `" + value
                        + "` level; it takes " + String.join(" or ", new TreeSet<>(levels)) + ".");
            }
        }
    }
}
