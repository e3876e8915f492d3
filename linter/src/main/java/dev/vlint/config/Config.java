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
     */
    public record Targets(List<String> gpus, String driverCuda, Integer runnerDiskGb) {
        public static final Targets NONE = new Targets(List.of(), null, null);

        public Targets {
            gpus = List.copyOf(gpus);
        }
    }
}
