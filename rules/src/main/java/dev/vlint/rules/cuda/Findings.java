package dev.vlint.rules.cuda;

import dev.vlint.fix.Fix;
import dev.vlint.project.FileKind;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.Severity;
import dev.vlint.source.TextRange;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Reports each (range, message) once per check: one ARG default can reach several stages or
 * settings, and each place is worth one finding.
 */
final class Findings {
    static final EnumSet<FileKind> ARCH_LIST_KINDS = EnumSet.of(FileKind.DOCKERFILE, FileKind.WORKFLOW, FileKind.SHELL);

    private final RuleContext context;
    private final Set<String> seen = new HashSet<>();

    Findings(RuleContext context) {
        this.context = context;
    }

    void report(TextRange range, String message, Fix... fixes) {
        if (seen.add(range.start() + ":" + range.end() + ":" + message)) {
            context.report(range, message, fixes);
        }
    }

    void report(Severity severity, TextRange range, String message, Fix... fixes) {
        if (seen.add(range.start() + ":" + range.end() + ":" + message)) {
            context.report(severity, range, message, fixes);
        }
    }
}
