package dev.vlint.rules.security;

import dev.vlint.config.Config;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import java.util.Map;

/**
 * VL802: a {@code uses:} that is pinned less firmly than the project's pinning policy asks. By
 * default a version tag or a commit hash is enough and a branch is reported; {@code workflows:
 * pinning:} in {@code .vlint.yaml} asks for hashes ({@code hash}), tags ({@code tag}) or nothing
 * ({@code any}) per action pattern.
 */
public final class ActionNotPinned implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL802", "action-not-pinned", Severity.NOTE,
            "A uses: follows a branch, or is pinned less firmly than the project's pinning policy asks.",
            Fixability.NONE, "unpinned-uses");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void step(Step step, Job job, RuleContext context) {
        check(step.uses() == null ? null : Uses.of(context.file().source(), step.uses()), context);
    }

    @Override
    public void job(Job job, RuleContext context) {
        check(job.uses() == null ? null : Uses.of(context.file().source(), job.uses()), context);
    }

    private static void check(Uses uses, RuleContext context) {
        if (uses == null || uses.ref().ref() == null || uses.ref().ref().isEmpty()) {
            return; // no ref at all is a syntax error GitHub reports itself
        }
        Policy policy = policy(context.config().workflows(), uses);
        String written = uses.action() + "@" + uses.ref().ref();
        if (policy.name().equals("hash") && !uses.hashPinned()) {
            context.report(policy.configured() ? Severity.WARNING : Severity.NOTE, uses.ref().refRange(),
                    "`" + written + "` is not pinned to a commit hash, which the pinning policy for `" + policy.pattern()
                            + "` in .vlint.yaml asks for: a tag or branch can be moved to other code at any time, and"
                            + " the workflow runs it with its token and secrets. Pin the full commit hash and keep the"
                            + " version in a comment (`@<40-hex hash> # v1.2.3`).");
        } else if (policy.name().equals("tag") && !uses.hashPinned() && !uses.versionRef()) {
            context.report(policy.configured() ? Severity.WARNING : Severity.NOTE, uses.ref().refRange(),
                    "`" + written + "` follows the branch `" + uses.ref().ref() + "`: every push to it changes the"
                            + " code this workflow runs with its token and secrets. Pin a release tag, or better a"
                            + " full commit hash with the version in a comment (`@<40-hex hash> # v1.2.3`).");
        }
    }

    /** The policy that applies, the pattern that chose it, and whether the config set it. */
    record Policy(String name, String pattern, boolean configured) {}

    static Policy policy(Config.Workflows workflows, Uses uses) {
        Policy best = new Policy("tag", "*", false);
        int bestRank = 0;
        for (Map.Entry<String, String> entry : workflows.pinning().entrySet()) {
            int rank = ActionPatterns.rank(entry.getKey(), uses);
            if (rank > 0 && rank >= bestRank) {
                best = new Policy(entry.getValue(), entry.getKey(), true);
                bestRank = rank;
            }
        }
        return best;
    }
}
