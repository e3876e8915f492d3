package dev.vlint.bake;

import dev.vlint.bake.HclEvaluator.Scope;
import dev.vlint.bake.HclExpr.Variable;
import dev.vlint.bake.HclValue.Obj;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The bake files of one {@code docker buildx bake} evaluated together, as buildx does: top-level
 * attributes and {@code variable} blocks (a variable's default replaced by the environment variable
 * of its name), {@code function} blocks, {@code target} blocks with {@code matrix} and
 * {@code name}, {@code inherits}, and {@code group} blocks. Blocks of the same name in several
 * files merge, the later attribute winning. Every value that cannot be determined is
 * {@link HclValue#UNKNOWN}.
 */
public final class BakeDefinition implements HclEvaluator.Globals {
    /** Map attributes that inheritance merges key by key, and list attributes it appends to (buildx {@code Target.Merge}). */
    private static final Set<String> MERGED_MAPS = Set.of("args", "contexts", "labels", "extra-hosts");
    private static final Set<String> APPENDED_LISTS = Set.of("annotations", "attest", "policy", "secret", "ssh",
            "cache-from", "no-cache-filter", "ulimits", "entitlements");
    private static final Set<String> NOT_INHERITED = Set.of("inherits", "matrix", "name");
    /** Matrices with more combinations than this are not expanded: their targets are unknown. */
    private static final int MAX_COMBINATIONS = 1000;
    private static final int MAX_CALL_DEPTH = 32;

    private final Map<String, BakeAttribute> attributes = new HashMap<>();
    private final Map<String, BakeBlock> variables = new HashMap<>();
    private final Map<String, BakeBlock> functions = new HashMap<>();
    private final Map<String, List<BakeBlock>> targetBlocks = new LinkedHashMap<>();
    private final Map<String, List<BakeBlock>> groupBlocks = new LinkedHashMap<>();
    private final Function<String, HclValue> environment;
    private final HclEvaluator evaluator = new HclEvaluator(this);
    private final Map<String, HclValue> values = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();
    private int callDepth;

    /** One combination of a target block's matrix (the whole block when it has none); compared by identity. */
    private static final class Instance {
        final String label;
        final String name;
        final Scope scope;

        Instance(String label, String name, Scope scope) {
            this.label = label;
            this.name = name;
            this.scope = scope;
        }
    }

    private List<Instance> instances;
    /** Targets by name; a matrix target's label also names all of its combinations, as buildx groups them. */
    private final Map<String, List<Instance>> byName = new HashMap<>();
    private final Map<String, List<Instance>> byLabel = new HashMap<>();
    private final Map<Instance, BakeTarget> resolved = new IdentityHashMap<>();

    /**
     * @param files the files in the order given to bake
     * @param environment the value an environment variable has for bake: null when it is not set,
     *     {@link HclValue#UNKNOWN} when it is set to something that cannot be known
     */
    public BakeDefinition(List<BakeFile> files, Function<String, HclValue> environment) {
        this.environment = environment;
        for (BakeFile file : files) {
            file.attributes().forEach(a -> attributes.put(a.name(), a));
            for (BakeBlock block : file.blocks()) {
                if (block.name() == null) {
                    continue;
                }
                switch (block.type()) {
                    case "variable" -> variables.put(block.name(), block);
                    case "function" -> functions.put(block.name(), block);
                    case "target" -> targetBlocks.computeIfAbsent(block.name(), k -> new ArrayList<>()).add(block);
                    case "group" -> groupBlocks.computeIfAbsent(block.name(), k -> new ArrayList<>()).add(block);
                    default -> { }
                }
            }
        }
    }

    /**
     * The targets {@code docker buildx bake NAMES...} builds, groups expanded; with no names the
     * {@code default} group or target, or every target when there is neither (a file nothing
     * invokes). Null when a group's members cannot be evaluated.
     */
    public List<BakeTarget> targets(List<String> names) {
        List<String> wanted = names;
        if (wanted.isEmpty()) {
            wanted = groupBlocks.containsKey("default") || targetBlocks.containsKey("default") ? List.of("default")
                    : new ArrayList<>(targetBlocks.keySet());
        }
        Set<Instance> selected = Collections.newSetFromMap(new LinkedHashMap<>());
        for (String name : wanted) {
            if (!expand(name, selected, new HashSet<>())) {
                return null;
            }
        }
        return selected.stream().map(this::resolve).toList();
    }

    /** Adds the instances a group or target name stands for; false when that cannot be known. */
    private boolean expand(String name, Set<Instance> into, Set<String> seen) {
        if (!seen.add(name)) {
            return true;
        }
        List<BakeBlock> groups = groupBlocks.get(name);
        if (groups != null) {
            HclValue members = own(groups, "targets", Scope.EMPTY);
            List<String> list = members == null ? List.of() : members.asStrings().orElse(null);
            if (list == null) {
                return false;
            }
            for (String member : list) {
                if (!expand(member, into, seen)) {
                    return false;
                }
            }
            return true;
        }
        instances();
        List<Instance> found = byName.getOrDefault(name, byLabel.getOrDefault(name, List.of()));
        into.addAll(found);
        return true;
    }

    private List<Instance> instances() {
        if (instances != null) {
            return instances;
        }
        instances = new ArrayList<>();
        for (Map.Entry<String, List<BakeBlock>> entry : targetBlocks.entrySet()) {
            String label = entry.getKey();
            List<BakeBlock> blocks = entry.getValue();
            for (Scope scope : matrix(blocks)) {
                String name = has(blocks, "name") ? own(blocks, "name", scope).asString().orElse(null) : label;
                Instance instance = new Instance(label, name, scope);
                instances.add(instance);
                if (name != null) {
                    byName.computeIfAbsent(name, k -> new ArrayList<>()).add(instance);
                }
                byLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(instance);
            }
        }
        return instances;
    }

    /** The scopes of a matrix's combinations; one scope of unknowns when the matrix cannot be evaluated. */
    private List<Scope> matrix(List<BakeBlock> blocks) {
        if (!has(blocks, "matrix")) {
            return List.of(Scope.EMPTY);
        }
        HclValue matrix = own(blocks, "matrix", Scope.EMPTY);
        List<Scope> scopes = List.of(Scope.EMPTY);
        if (!(matrix instanceof Obj o)) {
            return scopes;
        }
        for (Map.Entry<String, HclValue> axis : o.attributes().entrySet()) {
            if (!(axis.getValue() instanceof HclValue.Tuple values)
                    || (long) scopes.size() * values.items().size() > MAX_COMBINATIONS) {
                return List.of(unknownScope(o));
            }
            List<Scope> next = new ArrayList<>();
            for (Scope scope : scopes) {
                for (HclValue value : values.items()) {
                    next.add(scope.with(axis.getKey(), value));
                }
            }
            scopes = next;
        }
        return scopes;
    }

    private static Scope unknownScope(Obj matrix) {
        Scope scope = Scope.EMPTY;
        for (String axis : matrix.attributes().keySet()) {
            scope = scope.with(axis, HclValue.UNKNOWN);
        }
        return scope;
    }

    /** buildx's target resolution: the parents in {@code inherits} order, then the target's own attributes. */
    private BakeTarget resolve(Instance instance) {
        BakeTarget done = resolved.get(instance);
        if (done != null) {
            return done;
        }
        resolved.put(instance, new BakeTarget(instance.name, firstBlock(instance), Map.of(), false)); // cycles see nothing
        Map<String, HclValue> merged = new LinkedHashMap<>();
        boolean partial = false;
        List<BakeBlock> blocks = targetBlocks.get(instance.label);
        HclValue inherits = own(blocks, "inherits", instance.scope);
        List<String> parents = inherits == null ? List.of() : inherits.asStrings().orElse(null);
        if (parents == null) {
            partial = true;
        } else {
            for (String parentName : parents) {
                instances();
                List<Instance> found = byName.getOrDefault(parentName, List.of());
                if (found.size() != 1) {
                    partial = true; // buildx fails on an unknown parent; it may come from a file not linted
                    continue;
                }
                BakeTarget parent = resolve(found.get(0));
                partial |= parent.partial();
                parent.attributes().forEach((k, v) -> merge(merged, k, v));
            }
        }
        Set<String> names = new LinkedHashSet<>();
        blocks.forEach(b -> b.attributes().forEach(a -> names.add(a.name())));
        for (String name : names) {
            if (!NOT_INHERITED.contains(name)) {
                HclValue value = own(blocks, name, instance.scope);
                if (!(value instanceof HclValue.Null)) {
                    merge(merged, name, value);
                }
            }
        }
        BakeTarget target = new BakeTarget(instance.name, firstBlock(instance), merged, partial);
        resolved.put(instance, target);
        return target;
    }

    private static boolean has(List<BakeBlock> blocks, String name) {
        return blocks.stream().anyMatch(b -> b.attribute(name) != null);
    }

    private BakeBlock firstBlock(Instance instance) {
        return targetBlocks.get(instance.label).get(0);
    }

    private static void merge(Map<String, HclValue> into, String name, HclValue value) {
        HclValue earlier = into.get(name);
        if (earlier != null && MERGED_MAPS.contains(name) && !(value instanceof HclValue.Null)) {
            if (earlier instanceof Obj a && value instanceof Obj b) {
                Map<String, HclValue> both = new LinkedHashMap<>(a.attributes());
                b.attributes().forEach((k, v) -> {
                    if (!(v instanceof HclValue.Null)) {
                        both.put(k, v);
                    }
                });
                value = HclValue.object(both);
            } else {
                value = HclValue.UNKNOWN;
            }
        } else if (earlier != null && APPENDED_LISTS.contains(name)) {
            if (earlier instanceof HclValue.Tuple a && value instanceof HclValue.Tuple b) {
                List<HclValue> both = new ArrayList<>(a.items());
                both.addAll(b.items());
                value = HclValue.tuple(both);
            } else {
                value = HclValue.UNKNOWN;
            }
        }
        into.put(name, value);
    }

    /** The attribute as the last of the blocks that sets it defines it, evaluated in {@code scope}; null when none does. */
    private HclValue own(List<BakeBlock> blocks, String name, Scope scope) {
        BakeAttribute found = null;
        for (BakeBlock block : blocks) {
            BakeAttribute a = block.attribute(name);
            found = a != null ? a : found;
        }
        return found == null ? null : evaluator.eval(found.expr(), scope);
    }

    // ---- HclEvaluator.Globals ----

    @Override
    public HclValue variable(String name) {
        HclValue cached = values.get(name);
        if (cached != null) {
            return cached;
        }
        if (evaluating.size() > MAX_CALL_DEPTH * 8 || !evaluating.add(name)) {
            return HclValue.UNKNOWN; // a cycle is an error in bake; a very long chain is cut off
        }
        HclValue value = computeVariable(name);
        evaluating.remove(name);
        values.put(name, value);
        return value;
    }

    private HclValue computeVariable(String name) {
        BakeAttribute attribute = attributes.get(name);
        if (attribute != null) {
            return evaluator.eval(attribute.expr(), Scope.EMPTY);
        }
        BakeBlock block = variables.get(name);
        if (block == null) {
            return HclValue.UNKNOWN; // BAKE_LOCAL_PLATFORM and other built-ins depend on the machine
        }
        BakeAttribute typeAttribute = block.attribute("type");
        boolean typed = typeAttribute != null && !(typeAttribute.expr() instanceof Variable v && v.name().equals("string"));
        BakeAttribute defaultAttribute = block.attribute("default");
        HclValue value = defaultAttribute == null ? (typed ? HclValue.NULL : HclValue.of(""))
                : evaluator.eval(defaultAttribute.expr(), Scope.EMPTY);
        HclValue override = environment.apply(name);
        if (override == null) {
            return value;
        }
        if (!override.isKnown() || typed) {
            return HclValue.UNKNOWN;
        }
        String text = override.asString().orElse("");
        if (value instanceof HclValue.Num) {
            try {
                return new HclValue.Num(new BigDecimal(text.strip()));
            } catch (NumberFormatException e) {
                return HclValue.UNKNOWN;
            }
        }
        if (value instanceof HclValue.Bool) {
            return switch (text) {
                case "1", "t", "T", "TRUE", "true", "True" -> HclValue.of(true);
                case "0", "f", "F", "FALSE", "false", "False" -> HclValue.of(false);
                default -> HclValue.UNKNOWN;
            };
        }
        return value instanceof HclValue.Str || value instanceof HclValue.Null && !typed ? HclValue.of(text)
                : HclValue.UNKNOWN;
    }

    @Override
    public HclValue callUserFunction(String name, List<HclValue> args) {
        BakeBlock function = functions.get(name);
        if (function == null) {
            return null;
        }
        BakeAttribute params = function.attribute("params");
        BakeAttribute variadic = function.attribute("variadic_params");
        BakeAttribute result = function.attribute("result");
        if (result == null || params == null || !(params.expr() instanceof HclExpr.Tuple names)
                || callDepth >= MAX_CALL_DEPTH) {
            return HclValue.UNKNOWN;
        }
        int fixed = names.items().size();
        if (args.size() < fixed || args.size() > fixed && variadic == null) {
            return HclValue.UNKNOWN;
        }
        Scope scope = Scope.EMPTY;
        for (int i = 0; i < fixed; i++) {
            if (!(names.items().get(i) instanceof Variable param)) {
                return HclValue.UNKNOWN;
            }
            scope = scope.with(param.name(), args.get(i));
        }
        if (variadic != null) {
            if (!(variadic.expr() instanceof Variable rest)) {
                return HclValue.UNKNOWN;
            }
            scope = scope.with(rest.name(), HclValue.tuple(args.subList(fixed, args.size())));
        }
        callDepth++;
        try {
            return evaluator.eval(result.expr(), scope);
        } finally {
            callDepth--;
        }
    }

    @Override
    public HclValue blockAttribute(String type, String name, String attribute) {
        List<BakeBlock> blocks = (type.equals("target") ? targetBlocks : groupBlocks).get(name);
        String key = type + "." + name + "." + attribute;
        if (blocks == null || !evaluating.add(key)) {
            return HclValue.UNKNOWN;
        }
        try {
            HclValue value = own(blocks, attribute, Scope.EMPTY);
            return value == null || has(blocks, "matrix") ? HclValue.UNKNOWN : value;
        } finally {
            evaluating.remove(key);
        }
    }
}
