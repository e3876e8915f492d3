package dev.vlint.fixers;

import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Applies fixes to one text. Fixes are taken in the given order; a fix is applied only when none
 * of its edits conflicts with an edit of a fix already accepted, so every fix is applied whole or
 * not at all. A fix sees the pending declarations of the fixes accepted before it: an edit that
 * declares what an accepted edit already declares ({@link Edit#declares}) is left out. Text outside
 * the edited ranges is copied unchanged.
 */
public final class EditApplier {
    private static final Comparator<Edit> BY_RANGE = Comparator.comparing(Edit::range);

    /**
     * @param text the text with the fixes applied
     * @param applied the fixes whose edits are in {@code text}, in input order
     * @param deferred fixes that conflict with an applied one; they may apply in a later round
     * @param invalid fixes that can never apply: an edit outside the text, or edits of the
     *     same fix that conflict with each other
     */
    public record Result(String text, List<Fix> applied, List<Fix> deferred, List<Fix> invalid) {
        public Result {
            applied = List.copyOf(applied);
            deferred = List.copyOf(deferred);
            invalid = List.copyOf(invalid);
        }
    }

    private EditApplier() {}

    public static Result apply(String text, List<Fix> fixes) {
        List<Edit> accepted = new ArrayList<>();
        List<Fix> applied = new ArrayList<>();
        List<Fix> deferred = new ArrayList<>();
        List<Fix> invalid = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        for (Fix fix : fixes) {
            List<Edit> edits = fix.edits().stream()
                    .filter(edit -> edit.declares() == null || !declared.contains(edit.declares())).toList();
            if (!isValid(fix, text.length())) {
                invalid.add(fix);
            } else if (edits.stream().anyMatch(edit -> conflictsWithAny(edit, accepted))) {
                deferred.add(fix);
            } else {
                accepted.addAll(edits);
                edits.stream().map(Edit::declares).filter(Objects::nonNull).forEach(declared::add);
                applied.add(fix);
            }
        }
        accepted.sort(BY_RANGE);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (Edit edit : accepted) {
            out.append(text, copied, edit.range().start()).append(edit.replacement());
            copied = edit.range().end();
        }
        out.append(text, copied, text.length());
        return new Result(out.toString(), applied, deferred, invalid);
    }

    /**
     * Two edits conflict when their ranges share a character, or when they start at the same
     * offset and one of them is an insertion: the order of the two texts would be a guess.
     * Edits that only touch (one ends where the other starts) do not conflict.
     */
    static boolean conflict(Edit a, Edit b) {
        if (a.range().overlaps(b.range())) {
            return true;
        }
        return a.range().start() == b.range().start() && (a.range().isEmpty() || b.range().isEmpty());
    }

    private static boolean conflictsWithAny(Edit edit, List<Edit> others) {
        return others.stream().anyMatch(other -> conflict(edit, other));
    }

    private static boolean isValid(Fix fix, int textLength) {
        List<Edit> edits = fix.edits();
        for (int i = 0; i < edits.size(); i++) {
            if (edits.get(i).range().end() > textLength) {
                return false;
            }
            for (int j = i + 1; j < edits.size(); j++) {
                if (conflict(edits.get(i), edits.get(j))) {
                    return false;
                }
            }
        }
        return true;
    }
}
