package dev.vlint.suppress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The suppressions of a file by rule, each rule's sorted by where their targets start, so finding
 * those that cover a finding takes a binary search instead of a scan of every comment (a file of
 * n findings and n comments would otherwise cost n^2).
 */
final class SuppressionIndex {
    /** The key of comments without rule ids, which cover every rule but those about suppressions. */
    private static final String BLANKET = "*";

    private final Map<String, Targets> byRule = new HashMap<>();

    SuppressionIndex(List<Suppression> suppressions) {
        Map<String, List<Integer>> indexes = new HashMap<>();
        for (int i = 0; i < suppressions.size(); i++) {
            Suppression s = suppressions.get(i);
            for (String key : s.blanket() ? List.of(BLANKET) : new LinkedHashSet<>(s.ruleIds())) {
                indexes.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        indexes.forEach((key, list) -> byRule.put(key, new Targets(suppressions, list)));
    }

    /** The indexes (in increasing order) of the suppressions that cover a finding of {@code ruleId} at {@code offset}. */
    List<Integer> covering(String ruleId, int offset) {
        List<Integer> found = new ArrayList<>();
        Targets named = byRule.get(ruleId);
        if (named != null) {
            named.covering(offset, found);
        }
        Targets blanket = Suppressions.ABOUT_SUPPRESSIONS.contains(ruleId) ? null : byRule.get(BLANKET);
        if (blanket != null) {
            blanket.covering(offset, found);
            found.sort(null);
        }
        return found;
    }

    /** Targets sorted by start, with the largest end so far, so a search stops at the first that cannot reach. */
    private static final class Targets {
        private final int[] starts;
        private final int[] ends;
        private final int[] indexes;
        private final int[] maxEndUpTo;

        Targets(List<Suppression> suppressions, List<Integer> of) {
            Integer[] sorted = of.toArray(Integer[]::new);
            Arrays.sort(sorted, Comparator.comparingInt(i -> start(suppressions.get(i))));
            int n = sorted.length;
            starts = new int[n];
            ends = new int[n];
            indexes = new int[n];
            maxEndUpTo = new int[n];
            for (int k = 0; k < n; k++) {
                Suppression s = suppressions.get(sorted[k]);
                starts[k] = start(s);
                ends[k] = s.fileWide() ? Integer.MAX_VALUE : s.target().end();
                indexes[k] = sorted[k];
                maxEndUpTo[k] = Math.max(ends[k], k == 0 ? Integer.MIN_VALUE : maxEndUpTo[k - 1]);
            }
        }

        private static int start(Suppression s) {
            return s.fileWide() ? Integer.MIN_VALUE : s.target().start();
        }

        /**
         * Adds the suppressions whose target holds {@code offset}; the end is included, so an empty
         * finding at the end of the last line still belongs to it.
         */
        void covering(int offset, List<Integer> into) {
            int low = 0;
            int high = starts.length - 1;
            while (low <= high) { // the last target starting at or before the offset
                int middle = (low + high) >>> 1;
                if (starts[middle] <= offset) {
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            for (int k = high; k >= 0 && maxEndUpTo[k] >= offset; k--) {
                if (ends[k] >= offset) {
                    into.add(indexes[k]);
                }
            }
        }
    }
}
