package dev.vlint.rules.security;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.source.TextRange;
import dev.vlint.workflow.ActionRef;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.YamlNode;

/**
 * VL819: a job container, a service or a {@code docker://} step whose image has no tag or the
 * {@code latest} tag, so each run may get a different image.
 */
public final class ContainerImageUnpinned implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL819", "container-image-unpinned", Severity.NOTE,
            "A container, service or docker:// image has no tag or the latest tag.", Fixability.NONE, "unpinned-images");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void job(Job job, RuleContext context) {
        check(image(job.node().get("container")), "the job's container", context);
        YamlNode services = job.node().get("services");
        if (services != null) {
            for (YamlNode.Entry service : services.entries()) {
                check(image(service.value()), "service `" + service.key().value() + "`", context);
            }
        }
    }

    @Override
    public void step(Step step, Job job, RuleContext context) {
        ActionRef ref = ActionRef.of(context.file().source(), step.uses());
        if (ref != null && ref.isDocker()) {
            String name = ref.action().substring("docker://".length());
            TextRange range = new TextRange(ref.actionRange().start() + "docker://".length(), ref.actionRange().end());
            report(name, range, "this step's image", context);
        }
    }

    private static YamlNode image(YamlNode container) {
        if (container == null) {
            return null;
        }
        return container.isMapping() ? container.get("image") : container;
    }

    private static void check(YamlNode image, String what, RuleContext context) {
        if (image != null && image.isScalar()) {
            report(image.value().trim(), image.range(), what, context);
        }
    }

    private static void report(String image, TextRange range, String what, RuleContext context) {
        if (image.isEmpty() || image.contains("${{") || image.contains("@sha256:")) {
            return;
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        String tag = colon < 0 ? null : last.substring(colon + 1);
        if (tag != null && !tag.equals("latest")) {
            return;
        }
        context.report(range, "`" + image + "`, " + what + ", " + (tag == null ? "has no tag, which means `latest`"
                : "uses the `latest` tag") + ": whoever controls the image can change what the job runs at any time,"
                + " and runs stop being reproducible. Pin a version tag, or better a digest (`@sha256:...`).");
    }
}
