package dev.vlint.rules.workflow;

import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.YamlNode;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * VL703: an {@code on:} GitHub refuses or that never fires as meant: an unknown event, activity
 * type or filter, a filter together with its {@code -ignore} twin, a malformed cron or one more
 * frequent than every 5 minutes, and malformed {@code workflow_dispatch} / {@code workflow_call}
 * inputs, outputs and secrets.
 *
 * <p>Events and activity types follow docs.github.com "Events that trigger workflows" as collected
 * in actionlint v1.7.12's webhook table (2026-04-19); filters and input keys follow "Workflow
 * syntax for GitHub Actions" (checked 2026-12-03: {@code merge_group} takes branch filters,
 * {@code workflow_dispatch} inputs take type {@code number}, schedules take {@code timezone}).
 */
public final class EventInvalid implements Rule, WorkflowVisitor {
    private static final RuleMeta META = new RuleMeta("VL703", "event-invalid", Severity.ERROR,
            "An on: trigger names an unknown event, activity type or filter, mixes a filter with its -ignore"
                    + " form, has a malformed or too frequent cron, or declares inputs GitHub refuses.",
            Fixability.NONE, EnumSet.of(FileKind.WORKFLOW), List.of("ci", "workflow"),
            List.of("actionlint:events", "actionlint:glob"));

    private static final List<String> PR_TYPES = List.of("assigned", "unassigned", "labeled", "unlabeled", "opened",
            "edited", "closed", "reopened", "synchronize", "converted_to_draft", "locked", "unlocked", "enqueued",
            "dequeued", "milestoned", "demilestoned", "ready_for_review", "review_requested", "review_request_removed",
            "auto_merge_enabled", "auto_merge_disabled");
    private static final List<String> CED = List.of("created", "edited", "deleted");
    /** Event → its activity types; an empty list: the event takes no types; null: any type (repository_dispatch). */
    private static final Map<String, List<String>> TYPES = new HashMap<>();

    static {
        TYPES.putAll(Map.ofEntries(
                Map.entry("branch_protection_rule", CED),
                Map.entry("check_run", List.of("created", "rerequested", "completed", "requested_action")),
                Map.entry("check_suite", List.of("completed")),
                Map.entry("discussion", List.of("created", "edited", "deleted", "transferred", "pinned", "unpinned",
                        "labeled", "unlabeled", "locked", "unlocked", "category_changed", "answered", "unanswered")),
                Map.entry("discussion_comment", CED), Map.entry("issue_comment", CED),
                Map.entry("issues", List.of("opened", "edited", "deleted", "transferred", "pinned", "unpinned", "closed",
                        "reopened", "assigned", "unassigned", "labeled", "unlabeled", "locked", "unlocked",
                        "milestoned", "demilestoned", "typed", "untyped")),
                Map.entry("label", CED), Map.entry("merge_group", List.of("checks_requested")),
                Map.entry("milestone", List.of("created", "closed", "opened", "edited", "deleted")),
                Map.entry("pull_request", PR_TYPES), Map.entry("pull_request_target", PR_TYPES),
                Map.entry("pull_request_review", List.of("submitted", "edited", "dismissed")),
                Map.entry("pull_request_review_comment", CED),
                Map.entry("registry_package", List.of("published", "updated")),
                Map.entry("release", List.of("published", "unpublished", "created", "edited", "deleted", "prereleased",
                        "released")),
                Map.entry("watch", List.of("started")),
                Map.entry("workflow_run", List.of("completed", "requested", "in_progress"))));
        for (String event : List.of("create", "delete", "deployment", "deployment_status", "fork", "gollum",
                "image_version", "page_build", "public", "push", "schedule", "status", "workflow_call",
                "workflow_dispatch")) {
            TYPES.put(event, List.of());
        }
        TYPES.put("repository_dispatch", null);
    }

    /** Filter keys beyond {@code types} that an event's mapping may hold. */
    private static final Map<String, Set<String>> FILTERS = Map.of(
            "push", Set.of("branches", "branches-ignore", "tags", "tags-ignore", "paths", "paths-ignore"),
            "pull_request", Set.of("branches", "branches-ignore", "paths", "paths-ignore"),
            "pull_request_target", Set.of("branches", "branches-ignore", "paths", "paths-ignore"),
            "merge_group", Set.of("branches", "branches-ignore"),
            "workflow_run", Set.of("workflows", "branches", "branches-ignore"),
            "workflow_dispatch", Set.of("inputs"),
            "workflow_call", Set.of("inputs", "outputs", "secrets"),
            "image_version", Set.of("names", "versions"));
    private static final Set<String> DISPATCH_INPUT = Set.of("description", "required", "default", "type", "options");
    private static final Set<String> DISPATCH_TYPES = Set.of("string", "boolean", "choice", "number", "environment");
    private static final Set<String> CALL_INPUT = Set.of("description", "required", "default", "type");
    private static final Set<String> CALL_TYPES = Set.of("string", "boolean", "number");
    private static final Set<String> CALL_OUTPUT = Set.of("description", "value");
    private static final Set<String> CALL_SECRET = Set.of("description", "required");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void startFile(Workflow workflow, RuleContext context) {
        YamlNode on = workflow.root().isMapping() ? workflow.root().get("on") : null;
        if (on == null || Workflows.isDynamic(on)) {
            return;
        }
        for (YamlNode.Entry trigger : workflow.triggers()) {
            YamlNode name = trigger.key();
            if (!name.isScalar() || name.value().equals("<<")) {
                continue;
            }
            String event = name.value();
            if (!TYPES.containsKey(event)) {
                String hint = Workflows.closest(event, TYPES.keySet()).map(c -> " Did you mean `" + c + "`?").orElse("");
                context.report(name.range(), "`" + event + "` is not an event that triggers workflows, so GitHub"
                        + " refuses the workflow." + hint);
                continue;
            }
            YamlNode config = trigger.value();
            if (event.equals("schedule")) {
                schedule(config, context);
            } else if (config != null && config.isMapping()) {
                event(event, config, context);
            }
        }
    }

    private static void event(String event, YamlNode config, RuleContext context) {
        Set<String> filters = FILTERS.getOrDefault(event, Set.of());
        for (YamlNode.Entry e : config.entries()) {
            String key = e.key().value();
            if (key.equals("types")) {
                types(event, e, context);
            } else if (!filters.contains(key) && !key.equals("<<")) {
                List<String> takers = FILTERS.entrySet().stream().filter(f -> f.getValue().contains(key))
                        .map(Map.Entry::getKey).sorted().toList();
                // GitHub ignores it (flash-attention releases from `create: tags:`), so the filter filters nothing.
                context.report(Severity.WARNING, e.key().range(), "`" + key + "` is not a filter of the " + event
                        + " event; GitHub ignores it, so the workflow runs on every " + event + " event."
                        + (takers.isEmpty() ? "" : " It belongs to " + String.join(", ", takers) + "."));
            }
        }
        for (String filter : List.of("branches", "tags", "paths")) {
            YamlNode.Entry ignore = config.entry(filter + "-ignore");
            if (config.entry(filter) != null && ignore != null) {
                context.report(ignore.key().range(), "`" + filter + "` and `" + filter + "-ignore` cannot both filter"
                        + " the " + event + " event, so GitHub refuses the workflow. Keep `" + filter
                        + "` and negate patterns with `!`.");
            }
            for (String key : List.of(filter, filter + "-ignore")) {
                YamlNode patterns = config.get(key);
                for (YamlNode pattern : Workflows.values(patterns)) {
                    String problem = pattern.isScalar() && !Workflows.isDynamic(pattern)
                            ? globProblem(pattern.value(), !filter.equals("paths")) : null;
                    if (problem != null) {
                        context.report(Severity.WARNING, pattern.range(), "The " + key + " pattern `" + pattern.value()
                                + "` " + problem);
                    }
                }
            }
        }
        if (event.equals("workflow_dispatch")) {
            dispatchInputs(config.get("inputs"), context);
        } else if (event.equals("workflow_call")) {
            callInputs(config.get("inputs"), context);
            for (YamlNode.Entry output : Workflows.entries(config.get("outputs"))) {
                keys(output.value(), CALL_OUTPUT, "workflow_call output `" + output.key().value() + "`", context);
                if (output.value() != null && output.value().isMapping() && output.value().get("value") == null) {
                    context.report(output.key().range(), "workflow_call output `" + output.key().value() + "` needs a"
                            + " value: (e.g. ${{ jobs.build.outputs.digest }}), so GitHub refuses the workflow.");
                }
            }
            for (YamlNode.Entry secret : Workflows.entries(config.get("secrets"))) {
                keys(secret.value(), CALL_SECRET, "workflow_call secret `" + secret.key().value() + "`", context);
            }
        }
    }

    private static void types(String event, YamlNode.Entry entry, RuleContext context) {
        List<String> known = TYPES.get(event);
        if (known == null) {
            return;
        }
        if (known.isEmpty()) {
            context.report(Severity.WARNING, entry.key().range(), "The " + event + " event has no activity types;"
                    + " GitHub ignores `types:` here and runs the workflow on every " + event + " event. Remove it.");
            return;
        }
        for (YamlNode type : Workflows.values(entry.value())) {
            if (!type.isScalar() || Workflows.isDynamic(type) || known.contains(type.value())) {
                continue;
            }
            String hint = Workflows.closest(type.value(), known).map(c -> " Did you mean `" + c + "`?")
                    .orElse(" It has " + String.join(", ", known) + ".");
            context.report(Severity.WARNING, type.range(), "`" + type.value() + "` is not an activity type of the "
                    + event + " event, so it never matches and the workflow does not run for it." + hint);
        }
    }

    private static void dispatchInputs(YamlNode inputs, RuleContext context) {
        for (YamlNode.Entry input : Workflows.entries(inputs)) {
            YamlNode def = input.value();
            String name = input.key().value();
            if (def == null || !def.isMapping()) {
                continue;
            }
            keys(def, DISPATCH_INPUT, "workflow_dispatch input `" + name + "`", context);
            String type = scalar(def.get("type"));
            if (type != null && !DISPATCH_TYPES.contains(type)) {
                context.report(def.get("type").range(), "`" + type + "` is not an input type of workflow_dispatch;"
                        + " use string, boolean, choice, number or environment.");
                continue;
            }
            YamlNode options = def.get("options");
            String fallback = scalar(def.get("default"));
            if ("choice".equals(type)) {
                if (options == null || Workflows.values(options).isEmpty()) {
                    context.report(input.key().range(), "Input `" + name + "` is a choice but has no options:, so"
                            + " GitHub refuses the workflow.");
                    continue;
                }
                Set<String> seen = new HashSet<>();
                for (YamlNode option : Workflows.values(options)) {
                    if (option.isScalar() && !seen.add(option.value())) {
                        context.report(option.range(), "Option `" + option.value() + "` of input `" + name
                                + "` is listed twice.");
                    }
                }
                if (fallback != null && !seen.contains(fallback) && !fallback.contains("${{")) {
                    context.report(def.get("default").range(), "The default `" + fallback + "` of input `" + name
                            + "` is not one of its options, so GitHub refuses the workflow.");
                }
            } else if (options != null) {
                context.report(def.entry("options").key().range(), "options: belongs to choice inputs, and input `"
                        + name + "` is " + (type == null ? "a string" : "of type " + type) + ".");
            }
            defaultValue(type, def.get("default"), name, context);
        }
    }

    private static void callInputs(YamlNode inputs, RuleContext context) {
        for (YamlNode.Entry input : Workflows.entries(inputs)) {
            YamlNode def = input.value();
            String name = input.key().value();
            if (def == null || !def.isMapping()) {
                continue;
            }
            keys(def, CALL_INPUT, "workflow_call input `" + name + "`", context);
            YamlNode typeNode = def.get("type");
            String type = scalar(typeNode);
            if (typeNode == null && def.entry("<<") == null) {
                context.report(input.key().range(), "workflow_call input `" + name + "` needs a type: (string,"
                        + " boolean or number), so GitHub refuses the workflow.");
            } else if (type != null && !CALL_TYPES.contains(type)) {
                context.report(typeNode.range(), "`" + type + "` is not an input type of workflow_call; use string,"
                        + " boolean or number.");
                continue;
            }
            defaultValue(type, def.get("default"), name, context);
        }
    }

    private static void defaultValue(String type, YamlNode fallback, String name, RuleContext context) {
        String value = scalar(fallback);
        if (value == null || value.contains("${{")) {
            return;
        }
        if ("boolean".equals(type) && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            context.report(fallback.range(), "Input `" + name + "` is a boolean, so its default must be true or false,"
                    + " not `" + value + "`.");
        } else if ("number".equals(type) && !value.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            context.report(fallback.range(), "Input `" + name + "` is a number, so its default must be one, not `"
                    + value + "`.");
        }
    }

    private static void keys(YamlNode mapping, Set<String> allowed, String where, RuleContext context) {
        if (mapping == null || !mapping.isMapping()) {
            return;
        }
        for (YamlNode.Entry e : mapping.entries()) {
            String key = e.key().value();
            if (!allowed.contains(key) && !key.equals("<<")) {
                String hint = Workflows.closest(key, allowed).map(c -> " Did you mean `" + c + "`?")
                        .orElse(" Expected one of " + String.join(", ", new TreeSet<>(allowed)) + ".");
                context.report(e.key().range(), "`" + key + "` is not a key of " + where + ", so GitHub refuses the"
                        + " workflow." + hint);
            }
        }
    }

    private static void schedule(YamlNode config, RuleContext context) {
        for (YamlNode item : Workflows.values(config)) {
            if (!item.isMapping()) {
                continue;
            }
            keys(item, Set.of("cron", "timezone"), "a schedule entry", context);
            YamlNode cron = item.get("cron");
            if (cron != null && cron.isScalar() && !Workflows.isDynamic(cron)) {
                String problem = Cron.problem(cron.value().trim());
                if (problem != null) {
                    context.report(cron.range(), "The cron `" + cron.value().trim() + "` " + problem);
                }
            }
            YamlNode zone = item.get("timezone");
            String tz = scalar(zone);
            if (tz != null && !tz.contains("${{") && !ZoneId.getAvailableZoneIds().contains(tz)) {
                context.report(zone.range(), "`" + tz + "` is not an IANA time zone name (such as Europe/Berlin or"
                        + " UTC), so GitHub refuses the schedule.");
            }
        }
    }

    /** Characters git refuses in ref names (git check-ref-format), besides the glob's own. */
    private static final String NOT_IN_REF_NAMES = "~^:";
    /** Regular-expression classes that people write in ref filters: {@code \d}, {@code \w}, ... */
    private static final String REGEX_CLASSES = "dDwWsSb";

    /**
     * Why a filter pattern does not match what it seems to, or null: an unclosed or empty {@code [},
     * a reversed range, a {@code +} or {@code ?} with nothing to repeat, or (for branches and tags)
     * a character no git ref name holds (git check-ref-format) or a regular-expression class.
     */
    static String globProblem(String pattern, boolean refName) {
        String body = pattern.startsWith("!") ? pattern.substring(1) : pattern;
        boolean afterRepeat = false; // the previous character was an unescaped *, + or ?
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                if (refName && i + 1 < body.length() && REGEX_CLASSES.indexOf(body.charAt(i + 1)) >= 0) {
                    String escape = body.substring(i, i + 2);
                    return "uses `" + escape + "`, a regular-expression class: filter patterns are globs, where \\"
                            + " only escapes the special characters *?+[]!\\, so `" + escape + "` does not match"
                            + (escape.equals("\\d") ? " a digit" : " what it would in a regular expression")
                            + ". Use `[0-9]`, `[a-z]` or `*`.";
                }
                i++;
            } else if (c == '+' || c == '?') {
                if (i == 0) {
                    return "has nothing before its `" + c + "` to repeat: `+` and `?` repeat the character or"
                            + " `[...]` just before them. Escape it (\\" + c + ") to match it literally.";
                }
                if (afterRepeat) {
                    return "has `" + c + "` right after `" + body.charAt(i - 1) + "`, which it cannot repeat:"
                            + " `+` and `?` repeat a character or `[...]`.";
                }
            } else if (c == '[') {
                int close = body.indexOf(']', i + 1);
                if (close < 0) {
                    return "has a `[` that is never closed, so it matches no name. Close it or escape it with \\.";
                }
                if (close == i + 1) {
                    return "has an empty `[]`, which matches no character.";
                }
                String set = body.substring(i + 1, close);
                for (int r = 1; r + 1 < set.length(); r++) {
                    if (set.charAt(r) == '-' && set.charAt(r - 1) > set.charAt(r + 1)) {
                        return "has the range `" + set.substring(r - 1, r + 2) + "` backwards, so it matches nothing.";
                    }
                }
                i = close;
            } else if (c == ' ' && refName) {
                return "holds a space, which no branch or tag name can, so it matches nothing.";
            } else if (refName && NOT_IN_REF_NAMES.indexOf(c) >= 0) {
                return "holds `" + c + "`, which no branch or tag name can (git check-ref-format), so it matches"
                        + " nothing" + (c == '^' && i == 0 ? "; filter patterns match whole names without an anchor."
                                : ".");
            }
            afterRepeat = (c == '*' || c == '+' || c == '?');
        }
        return null;
    }

    private static String scalar(YamlNode node) {
        return node != null && node.isScalar() && !node.alias() && !node.isNull() ? node.value().trim() : null;
    }

    /** The five-field POSIX cron GitHub accepts, and its shortest interval. */
    static final class Cron {
        private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
                "SEP", "OCT", "NOV", "DEC");
        private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

        private Cron() {}

        /** Why the expression is refused (a sentence tail), or null when GitHub accepts it. */
        static String problem(String expression) {
            String[] fields = expression.split("\\s+");
            if (fields.length != 5) {
                return "has " + fields.length + " fields; GitHub's cron has five (minute hour day month weekday).";
            }
            String[] names = {"minute", "hour", "day of month", "month", "day of week"};
            int[][] bounds = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 6}};
            boolean[][] sets = new boolean[5][];
            for (int i = 0; i < 5; i++) {
                sets[i] = field(fields[i].toUpperCase(Locale.ROOT), bounds[i][0], bounds[i][1],
                        i == 3 ? MONTHS : i == 4 ? DAYS : null, bounds[i][0]);
                if (sets[i] == null) {
                    return "has an invalid " + names[i] + " field `" + fields[i] + "` (allowed " + bounds[i][0] + "-"
                            + bounds[i][1] + ", *, lists, ranges and /steps), so GitHub refuses the workflow.";
                }
            }
            int gap = shortestGap(sets[0], sets[1]);
            if (gap < 5) {
                return "runs every " + gap + " minute" + (gap == 1 ? "" : "s") + "; GitHub runs schedules at most every"
                        + " 5 minutes and refuses shorter intervals. Use */5 or longer.";
            }
            return null;
        }

        /** The values a field matches, or null when it does not parse. */
        private static boolean[] field(String text, int min, int max, List<String> names, int offset) {
            boolean[] set = new boolean[max + 2];
            for (String part : text.split(",", -1)) {
                int step = 1;
                int slash = part.indexOf('/');
                if (slash >= 0) {
                    Integer parsed = number(part.substring(slash + 1), null, 0);
                    if (parsed == null || parsed < 1) {
                        return null;
                    }
                    step = parsed;
                    part = part.substring(0, slash);
                }
                int from;
                int to;
                if (part.equals("*")) {
                    from = min;
                    to = max;
                } else {
                    int dash = part.indexOf('-');
                    Integer a = number(dash >= 0 ? part.substring(0, dash) : part, names, offset);
                    Integer b = dash >= 0 ? number(part.substring(dash + 1), names, offset) : a;
                    if (a == null || b == null) {
                        return null;
                    }
                    from = a;
                    to = slash >= 0 && dash < 0 ? max : b;
                }
                boolean sunday7 = names == DAYS && to == 7;
                if (from < min || to > (sunday7 ? 7 : max) || from > to) {
                    return null;
                }
                for (int v = from; v <= to; v += step) {
                    set[v == 7 && sunday7 ? 0 : v] = true;
                }
            }
            return set;
        }

        private static Integer number(String text, List<String> names, int offset) {
            if (names != null && names.contains(text)) {
                return names.indexOf(text) + offset;
            }
            return text.matches("\\d{1,2}") ? Integer.valueOf(text) : null;
        }

        /** Shortest gap in minutes between two runs on a day the schedule matches. */
        private static int shortestGap(boolean[] minutes, boolean[] hours) {
            int best = Integer.MAX_VALUE;
            int previous = -1;
            for (int h = 0; h < 48; h++) { // two days, so the gap across midnight counts
                if (!hours[h % 24]) {
                    continue;
                }
                for (int m = 0; m < 60; m++) {
                    if (minutes[m]) {
                        int at = h * 60 + m;
                        if (previous >= 0) {
                            best = Math.min(best, at - previous);
                        }
                        previous = at;
                    }
                }
            }
            return best;
        }
    }
}
