package dev.vlint.rules.security;

import dev.vlint.kb.KnowledgeBase;
import dev.vlint.kb.WorkflowSecurity;
import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** What the workflow security rules share: their metadata shape and the facts they read. */
final class Audits {
    private Audits() {}

    /** Metadata of a security rule; {@code audit} is zizmor's name for the same check, or null. */
    static RuleMeta meta(String id, String name, Severity severity, String summary, Fixability fixability,
            String audit) {
        return new RuleMeta(id, name, severity, summary, fixability, EnumSet.of(FileKind.WORKFLOW),
                List.of("security", "workflow"), audit == null ? List.of() : List.of("zizmor:" + audit));
    }

    static WorkflowSecurity facts() {
        return KnowledgeBase.bundled().workflowSecurity();
    }

    /**
     * Whether a rule that is off by default (zizmor's pedantic and auditor checks) was turned on:
     * the config gives it a level ({@code rules: {VL822: note}}).
     */
    static boolean enabled(RuleContext context, RuleMeta meta) {
        Optional<Severity> level = context.config().ruleLevels().get(meta.id());
        return level != null && level.isPresent();
    }
}
