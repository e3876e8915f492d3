package dev.vlint.rules.workflow;

import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.YamlNode;
import java.util.EnumSet;
import java.util.List;

/**
 * VL712: a registry password written into {@code container.credentials} or a service's
 * {@code credentials} instead of read from a secret. Anyone who can read the repository can read
 * the password.
 */
public final class ContainerPasswordHardcoded implements Rule, WorkflowVisitor {
    private static final RuleMeta META = new RuleMeta("VL712", "container-password-hardcoded", Severity.WARNING,
            "A container or service credentials.password is written in the workflow instead of read from a secret.",
            Fixability.NONE, EnumSet.of(FileKind.WORKFLOW), List.of("ci", "workflow", "security"),
            List.of("actionlint:credentials", "zizmor:hardcoded-container-credentials"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void job(Job job, RuleContext context) {
        check(job.node().get("container"), "container", context);
        for (YamlNode.Entry service : Workflows.entries(job.node().get("services"))) {
            check(service.value(), "service `" + service.key().value() + "`", context);
        }
    }

    private static void check(YamlNode container, String what, RuleContext context) {
        YamlNode credentials = container == null || !container.isMapping() ? null : container.get("credentials");
        YamlNode password = credentials == null || !credentials.isMapping() ? null : credentials.get("password");
        if (password == null || !password.isScalar() || password.isNull() || Workflows.isDynamic(password)
                || password.value().isBlank()) {
            return;
        }
        context.report(password.range(), "The password of the " + what + " credentials is written in the workflow,"
                + " where everyone who can read the repository sees it. Store it as a secret and write"
                + " ${{ secrets.REGISTRY_PASSWORD }}.");
    }
}
