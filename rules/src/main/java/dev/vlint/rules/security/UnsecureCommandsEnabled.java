package dev.vlint.rules.security;

import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.YamlNode;

/**
 * VL809: {@code ACTIONS_ALLOW_UNSECURE_COMMANDS} turned on, which lets any output line set
 * environment variables and the PATH through the removed {@code ::set-env} and {@code ::add-path}.
 */
public final class UnsecureCommandsEnabled implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL809", "unsecure-commands-enabled", Severity.WARNING,
            "ACTIONS_ALLOW_UNSECURE_COMMANDS re-enables ::set-env and ::add-path, which any printed line can use.",
            Fixability.UNSAFE, "insecure-commands");
    private static final String NAME = "ACTIONS_ALLOW_UNSECURE_COMMANDS";

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void startFile(Workflow workflow, RuleContext context) {
        check(workflow.root().get("env"), context);
    }

    @Override
    public void job(Job job, RuleContext context) {
        check(job.node().get("env"), context);
    }

    @Override
    public void step(Step step, Job job, RuleContext context) {
        check(step.node().get("env"), context);
    }

    private static void check(YamlNode env, RuleContext context) {
        YamlNode.Entry entry = env == null ? null : env.entry(NAME);
        if (entry == null || entry.value() == null || !entry.value().isScalar()
                || !entry.value().value().trim().equalsIgnoreCase("true")) {
            return;
        }
        String message = "`" + NAME + "` turns the `::set-env` and `::add-path` commands back on, which GitHub"
                + " removed in 2020 because any line a step prints (a test's output, a log of a pull request's title)"
                + " can then set `LD_PRELOAD` or the PATH of later steps. Write to `$GITHUB_ENV` and `$GITHUB_PATH`"
                + " instead and drop the variable.";
        TextRange range = entry.key().range().union(entry.value().range());
        Edit removal = removeEntry(context.file().source(), env, entry);
        if (removal == null) {
            context.report(range, message);
        } else {
            context.report(range, message, Fix.unsafe("Remove " + NAME, removal));
        }
    }

    /** Deletes the entry's lines; the whole {@code env:} when it is the only entry. Null for flow mappings. */
    private static Edit removeEntry(SourceFile file, YamlNode env, YamlNode.Entry entry) {
        if (env.style() == YamlNode.Style.FLOW) {
            return null;
        }
        int line = file.lineIndex(entry.key().range().start());
        int last = file.lineIndex(Math.max(entry.value().range().start(), entry.value().range().end() - 1));
        if (env.entries().size() > 1) {
            return Edit.delete(new TextRange(file.lineStart(line), lineAfter(file, last)));
        }
        return null;
    }

    private static int lineAfter(SourceFile file, int line) {
        return line + 1 < file.lineCount() ? file.lineStart(line + 1) : file.text().length();
    }
}
