package dev.vlint.rules.security;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.YamlNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * VL831: actions/create-github-app-token asked for more than a job needs: a token that outlives the
 * job ({@code skip-token-revoke: true}), one for every repository of the owner ({@code owner:}
 * without {@code repositories:}), or one with all of the app's permissions (no
 * {@code permission-*} input).
 */
public final class AppTokenTooBroad implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL831", "app-token-too-broad", Severity.NOTE,
            "actions/create-github-app-token issues a token that is not revoked, reaches every repository of the"
                    + " owner, or carries all of the app's permissions.",
            Fixability.NONE, "github-app");
    /**
     * Permissions that only make sense for the owner's organization itself, so a token with only
     * these needs no {@code repositories:} (the organization inputs of the action's action.yml,
     * as zizmor's github-app audit lists them).
     */
    private static final Set<String> ORGANIZATION_PERMISSIONS = Set.of("permission-members",
            "permission-custom-properties-for-organizations", "permission-enterprise-custom-properties-for-organizations");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void step(Step step, Job job, RuleContext context) {
        Uses uses = step.uses() == null ? null : Uses.of(context.file().source(), step.uses());
        if (uses == null || !uses.is("actions/create-github-app-token")) {
            return;
        }
        YamlNode skip = step.with("skip-token-revoke");
        if (skip != null && skip.isScalar()) {
            String value = skip.value().trim().toLowerCase(Locale.ROOT);
            if (value.equals("true") || value.contains("${{")) {
                context.report(value.equals("true") ? Severity.WARNING : Severity.NOTE, skip.range(),
                        "`skip-token-revoke` " + (value.equals("true") ? "keeps" : "may keep") + " the app token"
                                + " valid after the job ends, for up to an hour, for whoever got hold of it in a log,"
                                + " an artifact or a compromised step. Drop the input so the action revokes it.");
            }
        }
        List<String> permissions = step.with().stream().map(e -> e.key().value())
                .filter(k -> k.startsWith("permission-")).toList();
        YamlNode owner = step.with("owner");
        boolean organizationOnly = !permissions.isEmpty() && permissions.stream()
                .allMatch(p -> p.startsWith("permission-organization-") || ORGANIZATION_PERMISSIONS.contains(p));
        if (owner != null && step.with("repositories") == null && !organizationOnly) {
            context.report(owner.range(), "`owner:` without `repositories:` gives the app token every repository"
                    + " the app is installed on for " + (owner.isScalar() ? "`" + owner.value() + "`" : "the owner")
                    + ", not just the ones this job works on. List them in `repositories:`.");
        }
        if (permissions.isEmpty()) {
            context.report(uses.range(), "Without a `permission-<name>` input the app token carries every"
                    + " permission the app was installed with, which may be far more than this job needs. Ask only"
                    + " for what it uses, such as `permission-contents: read`.");
        }
    }
}
