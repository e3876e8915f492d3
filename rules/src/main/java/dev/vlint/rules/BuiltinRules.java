package dev.vlint.rules;

import dev.vlint.rule.Rule;
import java.util.List;

/** The one list of built-in rules; a test checks it against the rule classes, docs and fixtures. */
public final class BuiltinRules {
    private BuiltinRules() {}

    public static List<Rule> all() {
        return List.of();
    }
}
