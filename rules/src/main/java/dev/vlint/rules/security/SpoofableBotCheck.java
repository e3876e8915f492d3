package dev.vlint.rules.security;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.YamlNode;
import dev.vlint.workflow.expr.Expr;
import java.util.List;
import java.util.Set;

/**
 * VL813: an {@code if:} that trusts a bot by {@code github.actor}: the actor is whoever acted last
 * on the event, which an attacker can arrange to be the bot while the code comes from them.
 */
public final class SpoofableBotCheck implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL813", "spoofable-bot-check", Severity.WARNING,
            "An if: trusts a bot by github.actor, which is whoever acted last, not who wrote the code.",
            Fixability.NONE, "bot-conditions");
    private static final Set<String> ACTOR_NAMES = Set.of("github.actor", "github.triggering_actor");
    private static final Set<String> ACTOR_IDS = Set.of("github.actor_id");
    /** dependabot[bot]'s integration and user ids, dependabot-preview[bot], renovate[bot]. */
    private static final Set<String> BOT_IDS = Set.of("29110", "49699333", "27856297", "29139614");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void startFile(Workflow workflow, RuleContext context) {
        context.state(() -> new String[] {new Events(workflow).first(Events.PRIVILEGED)});
    }

    @Override
    public void job(Job job, RuleContext context) {
        check(job.ifCondition(), context);
    }

    @Override
    public void step(Step step, Job job, RuleContext context) {
        check(step.ifCondition(), context);
    }

    private static void check(YamlNode condition, RuleContext context) {
        List<Expr> exprs = Exprs.condition(context.file().source(), condition);
        String privileged = context.state(() -> new String[1])[0];
        for (Expr expr : exprs) {
            find(expr, true, privileged, context);
        }
    }

    /** Reports {@code actor == '...[bot]'}; {@code deciding}: no {@code &&}, {@code !} or call above it. */
    private static void find(Expr expr, boolean deciding, String privileged, RuleContext context) {
        if (expr instanceof Expr.Binary binary) {
            if (binary.op().equals("==") && botCheck(binary)) {
                boolean warn = deciding && privileged != null;
                String actor = context.file().source().slice((Exprs.path(binary.left()) != null ? binary.left() : binary.right()).range());
                context.report(warn ? Severity.WARNING : Severity.NOTE, binary.range(), "`" + actor + "` is whoever"
                        + " acted last on the event, not who wrote the code: an attacker can get the bot to act on"
                        + " their pull request (a rebase, a comment) and pass this check"
                        + (warn ? ", which decides this condition on `" + privileged + "`" : "") + ". Check who opened"
                        + " the pull request instead, `github.event.pull_request.user.login == 'dependabot[bot]'`.");
                return;
            }
            boolean or = binary.op().equals("||");
            find(binary.left(), deciding && or, privileged, context);
            find(binary.right(), deciding && or, privileged, context);
        } else if (expr instanceof Expr.Not not) {
            find(not.operand(), false, privileged, context);
        } else if (expr instanceof Expr.Call call) {
            call.args().forEach(arg -> find(arg, false, privileged, context));
        }
    }

    private static boolean botCheck(Expr.Binary binary) {
        return botCheck(binary.left(), binary.right()) || botCheck(binary.right(), binary.left());
    }

    private static boolean botCheck(Expr context, Expr value) {
        String path = Exprs.path(context);
        if (path == null || !(value instanceof Expr.Literal literal) || literal.value() == null) {
            return false;
        }
        String text = literal.value() instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue())
                : String.valueOf(literal.value());
        return ACTOR_NAMES.contains(path) && text.endsWith("[bot]") || ACTOR_IDS.contains(path) && BOT_IDS.contains(text);
    }
}
