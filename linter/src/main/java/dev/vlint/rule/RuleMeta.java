package dev.vlint.rule;

import dev.vlint.project.FileKind;
import java.util.List;
import java.util.Set;

/**
 * Everything about a rule that is not its logic: the single place docs, SARIF and
 * {@code vlint rules} read from.
 *
 * @param id stable identifier, e.g. {@code VL101}
 * @param name kebab-case name, e.g. {@code cache-mount-shared-across-platforms}
 * @param severity default severity
 * @param summary one sentence: what the rule reports
 * @param fixability what {@code --fix} can do about it
 * @param kinds the kinds of file the rule looks at
 * @param tags SARIF tags (e.g. {@code docker}, {@code cuda}); {@code security} marks security rules
 */
public record RuleMeta(String id, String name, Severity severity, String summary, Fixability fixability,
        Set<FileKind> kinds, List<String> tags) {

    public RuleMeta {
        kinds = Set.copyOf(kinds);
        tags = List.copyOf(tags);
    }
}
