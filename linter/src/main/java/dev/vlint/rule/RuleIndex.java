package dev.vlint.rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds rules by the names users write: the id, the kebab-case name or an alias, in any letter
 * case ({@code VL102}, {@code vl102}, {@code cleanup-in-later-layer}, {@code DL3008}), or a member
 * id of a rule that owns another tool's namespace ({@code SC2086}, see {@link Rule#member}). Every
 * place that accepts a rule id (command line, config, suppression comments, {@code explain}) asks here.
 */
public final class RuleIndex {
    private final List<Rule> owners;
    private final List<RuleMeta> rules;
    private final Map<String, RuleMeta> byName = new HashMap<>();

    public RuleIndex(List<? extends Rule> rules) {
        this.owners = List.copyOf(rules);
        this.rules = rules.stream().map(Rule::meta).toList();
        for (RuleMeta meta : this.rules) {
            byName.put(key(meta.id()), meta);
            byName.putIfAbsent(key(meta.name()), meta);
            meta.aliases().forEach(alias -> byName.putIfAbsent(key(alias), meta));
        }
    }

    public List<RuleMeta> all() {
        return rules;
    }

    /** The rule named {@code text} by id, name, alias or member id, ignoring case. */
    public Optional<RuleMeta> find(String text) {
        RuleMeta meta = byName.get(key(text));
        return meta != null ? Optional.of(meta) : owner(text).flatMap(rule -> rule.member(text.strip()));
    }

    /** The rule whose namespace holds the member id {@code text} ({@code SC2086}), if any. */
    public Optional<Rule> owner(String text) {
        return owners.stream().filter(rule -> rule.member(text.strip()).isPresent()).findFirst();
    }

    /**
     * The rules of the index, then the member ids {@code findings} report under, each once in id
     * order with the severity of its first finding, so a report can list every id that appears.
     */
    public List<RuleMeta> withMembersOf(List<Finding> findings) {
        Map<String, RuleMeta> members = new TreeMap<>();
        for (Finding finding : findings) {
            if (!byName.containsKey(key(finding.ruleId())) && !members.containsKey(finding.ruleId())) {
                owner(finding.ruleId()).flatMap(rule -> rule.member(finding.ruleId())).ifPresent(meta ->
                        members.put(meta.id(), new RuleMeta(meta.id(), meta.name(), finding.severity(), meta.summary(),
                                meta.fixability(), meta.kinds(), meta.tags(), meta.aliases())));
            }
        }
        List<RuleMeta> all = new ArrayList<>(rules);
        all.addAll(members.values());
        return all;
    }

    /** The canonical id of the rule {@code text} names, if any. */
    public Optional<String> id(String text) {
        return find(text).map(RuleMeta::id);
    }

    /**
     * The known id or alias closest to {@code text} by edit distance, for "did you mean" hints;
     * empty when nothing is close (more than a third of the text would have to change).
     */
    public Optional<String> closest(String text) {
        String wanted = key(text);
        List<String> names = new ArrayList<>();
        for (RuleMeta meta : rules) {
            names.add(meta.id());
            names.addAll(meta.aliases());
        }
        return names.stream()
                .map(name -> Map.entry(name, distance(wanted, key(name))))
                .filter(e -> e.getValue() <= Math.max(1, wanted.length() / 3))
                .min(Comparator.comparingInt(Map.Entry<String, Integer>::getValue).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey);
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance, two rows. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
