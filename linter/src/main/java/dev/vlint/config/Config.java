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
 * @param images what a Dockerfile may use: trusted registries, required labels
 * @param failOn the {@code --fail-on} level when the command line gives none ({@code error},
 *     {@code warning}, {@code note} or {@code none}), or null for the default
 * @param workflows how workflows may use actions
 */
public record Config(Map<String, Optional<Severity>> ruleLevels, List<String> ignorePaths, Targets targets,
        ImagePolicy images, String failOn, Workflows workflows) {
    public static final Config DEFAULT = new Config(Map.of(), List.of(), Targets.NONE);

    public Config {
        ruleLevels = Map.copyOf(ruleLevels);
        ignorePaths = List.copyOf(ignorePaths);
    }

    public Config(Map<String, Optional<Severity>> ruleLevels, List<String> ignorePaths, Targets targets) {
        this(ruleLevels, ignorePaths, targets, ImagePolicy.NONE, null);
    }

    public Config(Map<String, Optional<Severity>> ruleLevels, List<String> ignorePaths, Targets targets,
            ImagePolicy images, String failOn) {
        this(ruleLevels, ignorePaths, targets, images, failOn, Workflows.NONE);
    }

    /** This config with other rule levels. */
    public Config withRuleLevels(Map<String, Optional<Severity>> levels) {
        return new Config(levels, ignorePaths, targets, images, failOn, workflows);
    }

    /**
     * The {@code workflows:} settings. Action patterns are {@code *}, {@code owner/*},
     * {@code owner/repo}, {@code owner/repo/*} or {@code owner/repo/path}.
     *
     * @param pinning pattern to how {@code uses:} must be pinned ({@code any}, {@code tag} or
     *     {@code hash}), in file order; empty for the default
     * @param allowedActions when not empty, the only actions workflows may use
     * @param forbiddenActions actions workflows must not use
     * @param repository this repository's {@code owner/name}, for reusable workflows called as
     *     {@code owner/name/.github/workflows/x.yml@ref}; null to read it from the git remote {@code origin}
     */
    public record Workflows(Map<String, String> pinning, List<String> allowedActions, List<String> forbiddenActions,
            String repository) {
        public static final Workflows NONE = new Workflows(Map.of(), List.of(), List.of(), null);

        public Workflows {
            pinning = Collections.unmodifiableMap(new LinkedHashMap<>(pinning));
            allowedActions = List.copyOf(allowedActions);
            forbiddenActions = List.copyOf(forbiddenActions);
        }
    }

    /**
     * What a Dockerfile may use (hadolint's {@code trustedRegistries}, {@code label-schema} and
     * {@code strict-labels}).
     *
     * @param trustedRegistries registries base images may come from, {@code *} globs allowed; empty
     *     for any
     * @param labelSchema required label names and the format of each value ({@code text}, {@code url},
     *     {@code semver}, {@code hash}, {@code rfc3339}, {@code spdx}, {@code email}), in order
     * @param strictLabels only the labels of {@code labelSchema} are allowed
     */
    public record ImagePolicy(List<String> trustedRegistries, Map<String, String> labelSchema, boolean strictLabels) {
        public static final ImagePolicy NONE = new ImagePolicy(List.of(), Map.of(), false);

        public ImagePolicy {
            trustedRegistries = List.copyOf(trustedRegistries);
            labelSchema = Collections.unmodifiableMap(new LinkedHashMap<>(labelSchema));
        }
    }

    /**
     * @param gpus declared target GPUs as written (names, {@code sm_XX} or {@code X.Y})
     * @param driverCuda newest CUDA version the host driver supports, or null
     * @param runnerDiskGb disk of self-hosted runners in GB, or null for the knowledge base's
     * @param runnerLabels the labels of the project's self-hosted runners (globs such as {@code gpu-*})
     */
    public record Targets(List<String> gpus, String driverCuda, Integer runnerDiskGb, List<String> runnerLabels) {
        public static final Targets NONE = new Targets(List.of(), null, null);

        public Targets {
            gpus = List.copyOf(gpus);
            runnerLabels = List.copyOf(runnerLabels);
        }

        public Targets(List<String> gpus, String driverCuda, Integer runnerDiskGb) {
            this(gpus, driverCuda, runnerDiskGb, List.of());
        }
    }
}
