package dev.vlint.rules.security;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.YamlNode;

/**
 * VL830: a job's {@code container:} or one of its {@code services:} logs in to its registry with a
 * password written in the workflow instead of taken from a secret.
 */
public final class RegistryPasswordInWorkflow implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL830", "registry-password-in-workflow", Severity.WARNING,
            "A job container or service logs in to its registry with a password written in the workflow.",
            Fixability.NONE, "hardcoded-container-credentials");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void job(Job job, RuleContext context) {
        check(job.node().get("container"), "the job's container", context);
        YamlNode services = job.node().get("services");
        if (services != null && services.isMapping()) {
            for (YamlNode.Entry service : services.entries()) {
                check(service.value(), "service `" + service.key().value() + "`", context);
            }
        }
    }

    private static void check(YamlNode container, String what, RuleContext context) {
        YamlNode credentials = container == null || !container.isMapping() ? null : container.get("credentials");
        YamlNode password = credentials == null || !credentials.isMapping() ? null : credentials.get("password");
        if (password == null || !password.isScalar() || password.value().isEmpty() || wholeExpression(password.value())) {
            return;
        }
        context.report(password.range(), "The registry password of " + what + " is written in the workflow, so"
                + " everyone who can read the repository can log in to that registry as this user. Store it as a"
                + " secret and write `password: ${{ secrets.REGISTRY_PASSWORD }}`; change the password, since it has"
                + " been published.");
    }

    /** The value is one {@code ${{ }}} expression, such as a secret. */
    private static boolean wholeExpression(String value) {
        String text = value.trim();
        return text.startsWith("${{") && text.endsWith("}}") && text.indexOf("${{", 3) < 0;
    }
}
