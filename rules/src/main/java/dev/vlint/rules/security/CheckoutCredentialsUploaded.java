package dev.vlint.rules.security;

import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
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
import dev.vlint.workflow.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * VL805: {@code actions/checkout} keeps the job's token on disk (its default
 * {@code persist-credentials: true}) and a later step of the job uploads the workspace as an
 * artifact, token included.
 */
public final class CheckoutCredentialsUploaded implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL805", "checkout-credentials-uploaded", Severity.WARNING,
            "actions/checkout keeps the token on disk and a later step uploads the workspace as an artifact.",
            Fixability.UNSAFE, "artipacked");
    private static final Set<String> WHOLE_WORKSPACE = Set.of(".", "./", "..", "../", "*", "./*");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void job(Job job, RuleContext context) {
        SourceFile file = context.file().source();
        List<Step> checkouts = new ArrayList<>();
        for (Step step : job.steps()) {
            Uses uses = step.uses() == null ? null : Uses.of(file, step.uses());
            if (uses == null) {
                continue;
            }
            if (uses.is("actions/checkout") && keepsCredentials(step)) {
                checkouts.add(step);
            } else if (uses.is("actions/upload-artifact") && uploadsWorkspace(step.with("path")) && !checkouts.isEmpty()) {
                for (Step checkout : checkouts) {
                    report(file, checkout, step, context);
                }
                checkouts.clear();
            }
        }
    }

    private static void report(SourceFile file, Step checkout, Step upload, RuleContext context) {
        Uses uses = Uses.of(file, checkout.uses());
        OptionalInt major = uses.major(file);
        boolean v6 = major.isPresent() && major.getAsInt() >= 6;
        String where = v6 ? "a credentials file under $RUNNER_TEMP, which the workspace upload holds if the path"
                + " reaches it" : "the workspace's `.git/config`";
        String message = "actions/checkout keeps the job's token in " + where + ", and the upload-artifact step below"
                + " packs the whole workspace (`path: " + upload.with("path").value().strip() + "`) into an artifact"
                + " that anyone who can see the run can download. Set `persist-credentials: false` on the checkout,"
                + " or upload only the files you mean to publish.";
        Edit edit = persistCredentialsFalse(file, checkout);
        context.report(context.finding(v6 ? Severity.NOTE : Severity.WARNING, uses.range(), message,
                List.of(new RelatedLocation(file, upload.with("path").range(), "the upload of the workspace")),
                edit == null ? List.of() : List.of(Fix.unsafe("Set persist-credentials: false", edit))));
    }

    /** Checkout's default: credentials persist unless {@code persist-credentials} is set (to anything). */
    private static boolean keepsCredentials(Step step) {
        YamlNode with = step.node().get("with");
        return with == null || with.isNull() || with.isMapping() && with.get("persist-credentials") == null;
    }

    /** A {@code path:} line that is the workspace itself: {@code .}, {@code ..}, {@code ${{ github.workspace }}}. */
    private static boolean uploadsWorkspace(YamlNode path) {
        if (path == null || !path.isScalar()) {
            return false;
        }
        for (String line : path.value().split("\n")) {
            String pattern = line.strip();
            if (WHOLE_WORKSPACE.contains(pattern) || pattern.matches("\\$\\{\\{\\s*github\\.workspace\\s*}}/?\\.?")) {
                return true;
            }
        }
        return false;
    }

    static Edit persistCredentialsFalse(SourceFile file, Step checkout) {
        YamlNode with = checkout.node().get("with");
        if (with == null) {
            return YamlEdits.addNested(file, checkout.node(), "with", "persist-credentials", "false");
        }
        return with.isMapping() ? YamlEdits.addEntry(file, with, "persist-credentials", "false") : null;
    }
}
