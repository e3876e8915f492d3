package dev.vlint.report;

import dev.vlint.rule.Finding;
import dev.vlint.rule.RuleMeta;
import java.util.List;

/**
 * What one lint run produced, as reporters see it.
 *
 * @param findings every finding in report order, suppressed ones included
 * @param rules every rule that could fire in this run, in the order reports should list them
 * @param toolVersion the vlint version, e.g. {@code 0.1.0}
 */
public record RunResult(List<Finding> findings, List<RuleMeta> rules, String toolVersion) {
    public RunResult {
        findings = List.copyOf(findings);
        rules = List.copyOf(rules);
    }

    /** The findings that were not suppressed by a {@code vlint: ignore} comment. */
    public List<Finding> active() {
        return findings.stream().filter(f -> !f.suppressed()).toList();
    }
}
