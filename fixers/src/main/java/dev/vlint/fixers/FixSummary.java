package dev.vlint.fixers;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Counts for the one-line summary after fixing.
 *
 * @param fixedByRule applied fixes per rule id, sorted by rule id
 * @param unsafeFixable findings left that {@code --unsafe-fixes} could fix (0 in that mode)
 */
public record FixSummary(int fixed, int files, Map<String, Integer> fixedByRule, int left, int unsafeFixable) {
    public FixSummary {
        fixedByRule = new TreeMap<>(fixedByRule);
    }

    /** E.g. {@code Fixed 3 findings in 2 files (VL101 x2, VL301 x1); 4 findings left, 1 fixable with --unsafe-fixes}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (fixed == 0) {
            out.append("No fixes applied");
        } else {
            out.append("Fixed ").append(count(fixed, "finding")).append(" in ").append(count(files, "file"))
                    .append(fixedByRule.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                            .collect(Collectors.joining(", ", " (", ")")));
        }
        out.append("; ").append(left == 0 ? "no findings" : count(left, "finding")).append(" left");
        if (unsafeFixable > 0) {
            out.append(", ").append(unsafeFixable).append(" fixable with --unsafe-fixes");
        }
        return out.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
