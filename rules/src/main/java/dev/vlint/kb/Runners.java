package dev.vlint.kb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** GitHub-hosted runners and the ways workflows free disk space on them. */
public final class Runners {

    /**
     * A runner label. {@code diskGb} is the documented disk; {@code freeGb} the free space a job can
     * count on (the documented minimum); {@code maxFreeGb} the most free space measured, when known:
     * an estimate between the two may or may not fit. {@code container}: the runner is a container on
     * a shared VM (ubuntu-slim) rather than a VM of its own.
     */
    public record Runner(String label, String arch, int cpus, int ramGb, double diskGb, double freeGb,
                         OptionalDouble maxFreeGb, boolean publicReposOnly, boolean container, String source) {}

    /** One input of a cleanup action: how much it frees and whether it is on by default. */
    public record CleanupInput(String name, double gb, boolean enabledByDefault) {}

    /** An action such as jlumbroso/free-disk-space; {@code totalGb} is what it frees with defaults. */
    public record CleanupAction(String action, double totalGb, Map<String, CleanupInput> inputs, String source) {}

    /** A GitHub-hosted label whose machine is not modelled (Windows, macOS, larger sizes): {@code os} is linux, windows or macos. */
    public record HostedLabel(String label, String os, String source) {}

    /** A label of a runner image GitHub removed on {@code removed}; {@code use} is what replaces it. */
    public record RetiredLabel(String label, String removed, String use, String source) {}

    /** A directory commonly deleted by hand in a cleanup step. */
    public record CleanupPath(String path, double gb, String source) {}

    private final Map<String, Runner> runners = new LinkedHashMap<>();
    private final Map<String, CleanupAction> actions = new LinkedHashMap<>();
    private final List<CleanupPath> paths = new ArrayList<>();
    private final Map<String, HostedLabel> labels = new LinkedHashMap<>();
    private final Map<String, RetiredLabel> retired = new LinkedHashMap<>();

    Runners(JsonNode tree) {
        for (JsonNode n : tree.path("runners")) {
            Runner r = new Runner(n.path("label").asText(), n.path("arch").asText(), n.path("cpus").asInt(),
                    n.path("ram-gb").asInt(), n.path("disk-gb").asDouble(),
                    n.path("free-gb").asDouble(n.path("disk-gb").asDouble()),
                    n.hasNonNull("max-free-gb") ? OptionalDouble.of(n.get("max-free-gb").asDouble()) : OptionalDouble.empty(),
                    n.path("public-repos-only").asBoolean(false), n.path("container").asBoolean(false),
                    n.path("source").asText());
            runners.put(r.label().toLowerCase(Locale.ROOT), r);
        }
        for (JsonNode n : tree.path("cleanup-actions")) {
            Map<String, CleanupInput> inputs = new LinkedHashMap<>();
            n.path("inputs").fields().forEachRemaining(f -> inputs.put(f.getKey(), new CleanupInput(
                    f.getKey(), f.getValue().path("gb").asDouble(), f.getValue().path("default").asBoolean(true))));
            CleanupAction a = new CleanupAction(n.path("action").asText(), n.path("total-gb").asDouble(),
                    Map.copyOf(inputs), n.path("source").asText());
            actions.put(a.action().toLowerCase(Locale.ROOT), a);
        }
        for (JsonNode n : tree.path("labels")) {
            HostedLabel l = new HostedLabel(n.path("label").asText(), n.path("os").asText(), n.path("source").asText());
            labels.put(l.label().toLowerCase(Locale.ROOT), l);
        }
        for (JsonNode n : tree.path("retired-labels")) {
            RetiredLabel l = new RetiredLabel(n.path("label").asText(), n.path("removed").asText(), n.path("use").asText(),
                    n.path("source").asText());
            retired.put(l.label().toLowerCase(Locale.ROOT), l);
        }
        for (JsonNode n : tree.path("cleanup-paths")) {
            paths.add(new CleanupPath(n.path("path").asText(), n.path("gb").asDouble(), n.path("source").asText()));
        }
    }

    /** A runner by its {@code runs-on} label (case-insensitive); empty for self-hosted or unknown. */
    public Optional<Runner> runner(String label) {
        return Optional.ofNullable(runners.get(label.trim().toLowerCase(Locale.ROOT)));
    }

    public List<Runner> runners() {
        return List.copyOf(runners.values());
    }

    /** Whether GitHub hosts a runner under this label (case-insensitive): a modelled runner or another hosted label. */
    public boolean isHostedLabel(String label) {
        String key = label.trim().toLowerCase(Locale.ROOT);
        return runners.containsKey(key) || labels.containsKey(key);
    }

    /** Every GitHub-hosted label, modelled runners first. */
    public List<String> hostedLabels() {
        List<String> all = new ArrayList<>();
        runners.values().forEach(r -> all.add(r.label()));
        labels.values().forEach(l -> all.add(l.label()));
        return all;
    }

    /** The retired hosted label, if {@code label} is one. */
    public Optional<RetiredLabel> retiredLabel(String label) {
        return Optional.ofNullable(retired.get(label.trim().toLowerCase(Locale.ROOT)));
    }

    /** The hosted runners of an arch ("arm64") that run Docker builds natively: VMs, not the container runner. */
    public List<Runner> nativeBuildRunners(String arch) {
        return runners.values().stream().filter(r -> r.arch().equals(arch) && !r.container()).toList();
    }

    /** A cleanup action by its {@code uses:} value, with or without "@ref". */
    public Optional<CleanupAction> cleanupAction(String uses) {
        String name = uses.trim().toLowerCase(Locale.ROOT);
        int at = name.indexOf('@');
        return Optional.ofNullable(actions.get(at >= 0 ? name.substring(0, at) : name));
    }

    /**
     * GB freed by a cleanup action given its {@code with:} inputs ("false" turns one off,
     * anything else keeps it on, a missing input takes the action's default).
     */
    public static double freedGb(CleanupAction action, Map<String, String> with) {
        if (action.inputs().isEmpty()) {
            return action.totalGb();
        }
        double total = 0;
        for (CleanupInput in : action.inputs().values()) {
            String v = with.get(in.name());
            boolean on = v == null ? in.enabledByDefault() : !v.trim().equalsIgnoreCase("false");
            total += on ? in.gb() : 0;
        }
        return total;
    }

    /** The hand-deleted path that {@code rmPath} names, if known ("/usr/share/dotnet"). */
    public Optional<CleanupPath> cleanupPath(String rmPath) {
        String p = rmPath.trim().replaceAll("/+$", "");
        return paths.stream().filter(c -> c.path().equals(p)).findFirst();
    }

    public List<CleanupPath> cleanupPaths() {
        return List.copyOf(paths);
    }
}
