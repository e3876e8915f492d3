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
 * @param blanket true for a comment that names no rule ({@code # vlint: ignore}): it silences every
 *     rule but the ones about suppressions themselves
 * @param unknownIds ids written in the comment that name no rule; they silence nothing
 * @param keyword the {@code ignore} or {@code ignore-file} word of a vlint comment, else null
 * @param idList the bracketed id list with its brackets, or where it would go when there is none;
 *     null for a hadolint comment
 */
public record Suppression(List<String> ruleIds, List<TextRange> idRanges, String reason, TextRange target,
        TextRange comment, TextRange removal, boolean foreign, boolean blanket, List<UnknownId> unknownIds,
        TextRange keyword, TextRange idList) {

    /** An id that no rule carries, with the known id closest to it (null when none is close). */
    public record UnknownId(String written, TextRange range, String closest) {}

    public Suppression {
        ruleIds = List.copyOf(ruleIds);
        idRanges = List.copyOf(idRanges);
        unknownIds = List.copyOf(unknownIds);
    }

    /** A suppression of the rules it names. */
    public Suppression(List<String> ruleIds, List<TextRange> idRanges, String reason, TextRange target,
            TextRange comment, TextRange removal, boolean foreign) {
        this(ruleIds, idRanges, reason, target, comment, removal, foreign, false, List.of(), null, null);
    }

    public boolean fileWide() {
        return target == null;
    }
}
