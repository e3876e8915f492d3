package dev.vlint.rule;

import dev.vlint.fix.Fix;
import dev.vlint.source.Position;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.List;

/**
 * One problem found in one file.
 *
 * @param suppression the justification of a matching {@code vlint: ignore} comment, or null
 */
public record Finding(String ruleId, Severity severity, String message, SourceFile file, TextRange range,
        List<RelatedLocation> related, List<Fix> fixes, String suppression) {

    public Finding {
        related = List.copyOf(related);
        fixes = List.copyOf(fixes);
    }

    public Finding(String ruleId, Severity severity, String message, SourceFile file, TextRange range) {
        this(ruleId, severity, message, file, range, List.of(), List.of(), null);
    }

    public Position start() {
        return file.position(range.start());
    }

    /** Position of the last character of the range (the start itself for an empty range). */
    public Position endInclusive() {
        return file.position(range.isEmpty() ? range.start() : range.end() - 1);
    }

    public boolean suppressed() {
        return suppression != null;
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, message, file, range, related, fixes, suppression);
    }

    public Finding withSuppression(String justification) {
        return new Finding(ruleId, severity, message, file, range, related, fixes, justification);
    }

    /** Orders findings by file, then position, then rule. */
    public static int compare(Finding a, Finding b) {
        int c = a.file.path().compareTo(b.file.path());
        if (c == 0) {
            c = a.range.compareTo(b.range);
        }
        return c != 0 ? c : a.ruleId.compareTo(b.ruleId);
    }
}
