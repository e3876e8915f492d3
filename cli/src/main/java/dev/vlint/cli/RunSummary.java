package dev.vlint.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.vlint.fix.Applicability;
import dev.vlint.rule.Finding;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The totals vlint prints for people: the summary line and the {@code --statistics} table. */
final class RunSummary {
    private RunSummary() {}

    /** What fixing already did, so the summary offers only the fixes still possible. */
    enum Fixing { NONE, SAFE, UNSAFE }

    /**
     * E.g. {@code Checked 12 files in 0.41s: 2 errors, 1 warning, 0 notes (1 fixable with --fix, 1 with
     * --unsafe-fixes)}; a finding counts as fixable with --fix when it has a safe fix.
     */
    static String line(int files, Duration elapsed, List<Finding> active, Fixing fixing) {
        // Seconds with two decimals, without String.format: its first call costs a short run 3 ms.
        long hundredths = Math.round(elapsed.toMillis() / 10.0);
        StringBuilder out = new StringBuilder("Checked ").append(count(files, "file"))
                .append(" in ").append(hundredths / 100).append('.').append(hundredths % 100 < 10 ? "0" : "")
                .append(hundredths % 100).append("s: ");
        List<String> levels = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            levels.add(count((int) active.stream().filter(f -> f.severity() == severity).count(), severity.label()));
        }
        out.append(String.join(", ", levels));
        long safe = fixing == Fixing.NONE ? active.stream().filter(RunSummary::safelyFixable).count() : 0;
        long unsafe = fixing == Fixing.UNSAFE ? 0 : active.stream().filter(RunSummary::onlyUnsafelyFixable).count();
        List<String> fixable = new ArrayList<>();
        if (safe > 0) {
            fixable.add(safe + " fixable with --fix");
        }
        if (unsafe > 0) {
            fixable.add(unsafe + (safe > 0 ? " with" : " fixable with") + " --unsafe-fixes");
        }
        if (!fixable.isEmpty()) {
            out.append(" (").append(String.join(", ", fixable)).append(')');
        }
        return out.toString();
    }

    /** One row per rule that fired: count, id, name, fixable (safe, and unsafe on top). */
    record Row(String id, String name, int count, int fixable, int unsafeFixable) {}

    /** The rows, most frequent rule first, ties by id. */
    static List<Row> statistics(List<Finding> active, List<RuleMeta> rules) {
        Map<String, String> names = new LinkedHashMap<>();
        rules.forEach(meta -> names.put(meta.id(), meta.name()));
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Finding finding : active) {
            int[] row = counts.computeIfAbsent(finding.ruleId(), id -> new int[3]);
            row[0]++;
            row[1] += safelyFixable(finding) ? 1 : 0;
            row[2] += onlyUnsafelyFixable(finding) ? 1 : 0;
        }
        return counts.entrySet().stream()
                .map(e -> new Row(e.getKey(), names.getOrDefault(e.getKey(), ""), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2]))
                .sorted(Comparator.comparingInt(Row::count).reversed().thenComparing(Row::id))
                .toList();
    }

    /** The rows as an aligned table with a header; empty when nothing fired. */
    static String table(List<Row> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"COUNT", "ID", "NAME", "FIXABLE"});
        for (Row row : rows) {
            String fixable = row.fixable() + (row.unsafeFixable() > 0 ? " (+" + row.unsafeFixable() + " unsafe)" : "");
            cells.add(new String[] {String.valueOf(row.count()), row.id(), row.name(), fixable});
        }
        int[] widths = new int[4];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : cells) {
            String text = String.format(Locale.ROOT, "%" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2]
                    + "s  %s", (Object[]) line);
            out.append(text.stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** The rows as a JSON array of {@code {id, name, count, fixable, unsafeFixable}}. */
    static String json(List<Row> rows) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        for (Row row : rows) {
            array.addObject().put("id", row.id()).put("name", row.name()).put("count", row.count())
                    .put("fixable", row.fixable()).put("unsafeFixable", row.unsafeFixable());
        }
        try {
            return mapper.writeValueAsString(array) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean safelyFixable(Finding finding) {
        return finding.fixes().stream().anyMatch(fix -> fix.applicability() == Applicability.SAFE);
    }

    private static boolean onlyUnsafelyFixable(Finding finding) {
        return !safelyFixable(finding)
                && finding.fixes().stream().anyMatch(fix -> fix.applicability() == Applicability.UNSAFE);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
