package dev.vlint.config;

import dev.vlint.rule.Severity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of one run, from {@code .vlint.yaml} and the command line.
 *
 * @param ruleLevels per-rule override: a severity, or empty when the rule is turned off
 * @param ignorePaths glob patterns of paths not to lint
 * @param targets what the images are built for
 * @param workflows how workflows may use actions
 */
public record Config(Map<String, Optional<Severity>> ruleLevels, List<String> ignorePaths, Targets targets,
        Workflows workflows) {
    public static final Config DEFAULT = new Config(Map.of(), List.of(), Targets.NONE);

    public Config {
        ruleLevels = Map.copyOf(ruleLevels);
        ignorePaths = List.copyOf(ignorePaths);
    }

    public Config(Map<String, Optional<Severity>> ruleLevels, List<String> ignorePaths, Targets targets) {
        this(ruleLevels, ignorePaths, targets, Workflows.NONE);
    }

    /**
     * The {@code workflows:} settings. Action patterns are {@code *}, {@code owner/*},
     * {@code owner/repo}, {@code owner/repo/*} or {@code owner/repo/path}.
     *
     * @param pinning pattern to how {@code uses:} must be pinned ({@code any}, {@code tag} or
     *     {@code hash}), in file order; empty for the default
     * @param allowedActions when not empty, the only actions workflows may use
     * @param forbiddenActions actions workflows must not use
     */
    public record Workflows(Map<String, String> pinning, List<String> allowedActions, List<String> forbiddenActions) {
        public static final Workflows NONE = new Workflows(Map.of(), List.of(), List.of());

        public Workflows {
            pinning = Collections.unmodifiableMap(new LinkedHashMap<>(pinning));
            allowedActions = List.copyOf(allowedActions);
            forbiddenActions = List.copyOf(forbiddenActions);
        }
    }

    /**
     * @param gpus declared target GPUs as written (names, {@code sm_XX} or {@code X.Y})
     * @param driverCuda newest CUDA version the host driver supports, or null
     * @param runnerDiskGb disk of self-hosted runners in GB, or null for the knowledge base's
     */
    public record Targets(List<String> gpus, String driverCuda, Integer runnerDiskGb) {
        public static final Targets NONE = new Targets(List.of(), null, null);

        public Targets {
            gpus = List.copyOf(gpus);
        }
    }
}
