package dev.vlint.engine;

import dev.vlint.rule.RuleContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The rules taking part in one walk of one file, each with its context. A rule that throws is
 * reported once (a bug in that rule) and called no more for this file; the others go on.
 */
public final class Visitors<V> {
    /** One rule of the walk; {@code failed} is shared by every view that holds it. */
    private static final class Entry<V> {
        final String ruleId;
        final V visitor;
        final RuleContext context;
        boolean failed;

        Entry(String ruleId, V visitor, RuleContext context) {
            this.ruleId = ruleId;
            this.visitor = visitor;
            this.context = context;
        }
    }

    /** Receives the exception of a rule that failed. */
    @FunctionalInterface
    interface FailureSink {
        void failed(String ruleId, RuntimeException error);
    }

    private final List<Entry<V>> entries;
    private final FailureSink failures;

    private Visitors(List<Entry<V>> entries, FailureSink failures) {
        this.entries = entries;
        this.failures = failures;
    }

    static <V> Visitors<V> start(FailureSink failures) {
        return new Visitors<>(new ArrayList<>(), failures);
    }

    void add(String ruleId, V visitor, RuleContext context) {
        entries.add(new Entry<>(ruleId, visitor, context));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Calls {@code call} with every visitor still in the walk, in rule order. */
    public void each(BiConsumer<V, RuleContext> call) {
        for (Entry<V> entry : entries) {
            if (!entry.failed) {
                try {
                    call.accept(entry.visitor, entry.context);
                } catch (RuntimeException e) {
                    entry.failed = true;
                    failures.failed(entry.ruleId, e);
                }
            }
        }
    }

    /** The visitors of this walk for which {@code wanted} holds, sharing their failure state with this view. */
    public Visitors<V> filter(Predicate<V> wanted) {
        List<Entry<V>> kept = new ArrayList<>();
        for (Entry<V> entry : entries) {
            if (wanted.test(entry.visitor)) {
                kept.add(entry);
            }
        }
        return new Visitors<>(kept, failures);
    }

    /**
     * Dispatch tables: the visitors grouped by the keys each asks for ({@code keys} gives a
     * visitor's keys; an empty set means every node), so a walk calls for each node only the rules
     * that want it. Visitors asking for everything are in {@link ByKey#all}.
     */
    public <K> ByKey<K, V> byKey(Function<V, Set<K>> keys) {
        Map<K, List<Entry<V>>> grouped = new HashMap<>();
        List<Entry<V>> all = new ArrayList<>();
        for (Entry<V> entry : entries) {
            Set<K> wanted = keys.apply(entry.visitor);
            if (wanted.isEmpty()) {
                all.add(entry);
            } else {
                wanted.forEach(key -> grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(entry));
            }
        }
        Map<K, Visitors<V>> views = new HashMap<>();
        grouped.forEach((key, list) -> views.put(key, new Visitors<>(list, failures)));
        return new ByKey<>(views, new Visitors<>(all, failures), new Visitors<>(List.of(), failures));
    }

    /** See {@link #byKey}. */
    public static final class ByKey<K, V> {
        private final Map<K, Visitors<V>> byKey;
        private final Visitors<V> all;
        private final Visitors<V> none;

        private ByKey(Map<K, Visitors<V>> byKey, Visitors<V> all, Visitors<V> none) {
            this.byKey = byKey;
            this.all = all;
            this.none = none;
        }

        /** Calls the visitors that want every node, then those that asked for {@code key} (which may be null). */
        public void each(K key, BiConsumer<V, RuleContext> call) {
            all.each(call);
            byKey.getOrDefault(key, none).each(call);
        }
    }
}
