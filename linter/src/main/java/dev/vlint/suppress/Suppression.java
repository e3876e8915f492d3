package dev.vlint.suppress;

import dev.vlint.source.TextRange;
import java.util.List;

/**
 * One {@code vlint: ignore} (or hadolint) comment.
 *
 * @param ruleIds the vlint rule ids it silences, in the order written
 * @param idRanges where each id is written in the comment (parallel to {@code ruleIds})
 * @param reason the justification after the bracket, possibly empty
 * @param target what it covers: the lines it applies to, or null for a whole-file suppression
 * @param comment the comment itself, from its marker to the end of the line
 * @param removal what deleting the comment removes: the whole line when the comment is alone on it
 * @param foreign true for a hadolint comment, which is never reported as unused
 */
public record Suppression(List<String> ruleIds, List<TextRange> idRanges, String reason, TextRange target,
        TextRange comment, TextRange removal, boolean foreign) {

    public Suppression {
        ruleIds = List.copyOf(ruleIds);
        idRanges = List.copyOf(idRanges);
    }

    public boolean fileWide() {
        return target == null;
    }

    /** Whether this suppression silences a finding of {@code ruleId} starting at {@code offset}. */
    public boolean covers(String ruleId, int offset) {
        // The end is included: an empty finding at the end of the last line still belongs to it.
        return ruleIds.contains(ruleId) && (target == null || offset >= target.start() && offset <= target.end());
    }
}
