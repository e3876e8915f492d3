package dev.vlint.rules.security;

import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.source.TextRange;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import java.util.Locale;

/**
 * VL812: an action whose {@code owner/repo} is one typing mistake (a character left out, added,
 * changed or two swapped) away from a much-used action, under another owner.
 */
public final class ActionTyposquat implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL812", "action-typosquat", Severity.WARNING,
            "An action's owner/repo is one typing mistake away from a much-used action of another owner.",
            Fixability.UNSAFE, "typosquat-uses");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void step(Step step, Job job, RuleContext context) {
        Uses uses = step.uses() == null ? null : Uses.of(context.file().source(), step.uses());
        if (uses == null) {
            return;
        }
        String slug = uses.lowerSlug();
        String owner = uses.owner().toLowerCase(Locale.ROOT);
        String lookalike = null;
        for (String popular : Audits.facts().popularActions()) {
            String candidate = popular.toLowerCase(Locale.ROOT);
            if (candidate.equals(slug)) {
                return;
            }
            if (lookalike == null && !candidate.startsWith(owner + "/") && oneEditApart(slug, candidate)) {
                lookalike = popular;
            }
        }
        if (lookalike != null) {
            int start = uses.ref().actionRange().start();
            TextRange range = new TextRange(start, start + uses.slug().length());
            String replacement = lookalike + uses.action().substring(uses.slug().length());
            context.report(range, "`" + uses.slug() + "` is one character away from the much-used `" + lookalike
                    + "` but belongs to another owner: if it is a typo, this runs a stranger's code, who may have"
                    + " registered the name for that purpose. Check the name; most likely you meant `" + lookalike + "`.",
                    Fix.unsafe("Use " + lookalike, new Edit(uses.ref().actionRange(), replacement)));
        }
    }

    /** Optimal string alignment distance of exactly one: one insertion, deletion, substitution or swap. */
    static boolean oneEditApart(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (a.length() == b.length()) {
            if (a.substring(i + 1).equals(b.substring(i + 1))) {
                return true;
            }
            return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2));
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = a.length() > b.length() ? b : a;
        return longer.substring(i + 1).equals(shorter.substring(i));
    }
}
