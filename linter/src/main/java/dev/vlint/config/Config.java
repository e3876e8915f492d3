package dev.vlint.config;

import dev.vlint.rule.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of one run, from {@code .vlint.yaml} and the command line.
 *
 * @param ruleLevels per-rule override: a severity, or empty when the rule is turned off
 * @param ignorePaths glob patterns of paths not to lint
 * @param targets what the images are built for
 */
public record Config(Map<String, Optional<Severity>> ruleLevels, List<String> ignorePaths, Targets targets) {
    public static final Config DEFAULT = new Config(Map.of(), List.of(), Targets.NONE);

    public Config {
        ruleLevels = Map.copyOf(ruleLevels);
        ignorePaths = List.copyOf(ignorePaths);
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
