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
 * @param aliases the ids other tools give the same check ({@code DL3008}, {@code UndefinedVar},
 *     {@code zizmor:artipacked}), accepted wherever a rule id is and shown in SARIF
 * @param enabledByDefault false for a rule that runs only when a config level or {@code --select}
 *     turns it on (hadolint's rules of level "ignore")
 */
public record RuleMeta(String id, String name, Severity severity, String summary, Fixability fixability,
        Set<FileKind> kinds, List<String> tags, List<String> aliases, boolean enabledByDefault) {

    public RuleMeta {
        kinds = Set.copyOf(kinds);
        tags = List.copyOf(tags);
        aliases = List.copyOf(aliases);
    }

    public RuleMeta(String id, String name, Severity severity, String summary, Fixability fixability,
            Set<FileKind> kinds, List<String> tags, List<String> aliases) {
        this(id, name, severity, summary, fixability, kinds, tags, aliases, true);
    }

    /** This rule, run only when turned on. */
    public RuleMeta offByDefault() {
        return new RuleMeta(id, name, severity, summary, fixability, kinds, tags, aliases, false);
    }

    /** A rule no other tool knows under another id. */
    public RuleMeta(String id, String name, Severity severity, String summary, Fixability fixability,
            Set<FileKind> kinds, List<String> tags) {
        this(id, name, severity, summary, fixability, kinds, tags, List.of());
    }
}
