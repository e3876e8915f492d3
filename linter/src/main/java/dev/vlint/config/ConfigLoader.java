package dev.vlint.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vlint.rule.RuleIndex;
import dev.vlint.rule.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds and reads {@code .vlint.yaml}. The file is read token by token so that every mistake
 * (unknown key, unknown rule, bad level, wrong type) is reported with its line and column.
 */
public final class ConfigLoader {
    public static final String FILE_NAME = ".vlint.yaml";

    /** Accepts what a GPU can be written as until the knowledge base can check names. */
    public static final Predicate<String> ANY_GPU_SHAPE =
            Pattern.compile("sm_\\d{2,3}[af]?|\\d+\\.\\d+|[A-Za-z][A-Za-z0-9 ._-]*").asMatchPredicate();

    private static final Pattern CUDA_VERSION = Pattern.compile("\\d+\\.\\d+");
    private static final YAMLFactory YAML = new YAMLFactory();

    private ConfigLoader() {}

    /**
     * The config for a lint root: {@code .vlint.yaml} in it, else at the root of its git work tree
     * (the nearest folder above with a {@code .git} folder, or a {@code .git} file in a linked
     * worktree). A plain walk: opening the repository with jgit would cost more than the lint of a file.
     */
    public static Optional<Path> find(Path lintRoot) {
        Path local = lintRoot.resolve(FILE_NAME);
        if (Files.isRegularFile(local)) {
            return Optional.of(local);
        }
        for (Path dir = lintRoot.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                Path atGitRoot = dir.resolve(FILE_NAME);
                return Files.isRegularFile(atGitRoot) ? Optional.of(atGitRoot) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    public static Config load(Path file, RuleIndex knownRules, Predicate<String> knownGpu)
            throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file, 1, 1, "cannot read: " + e.getMessage());
        }
        return parse(file, text, knownRules, knownGpu);
    }

    /** Reads config text; {@code file} only names the source in errors. */
    public static Config parse(Path file, String text, RuleIndex knownRules, Predicate<String> knownGpu)
            throws ConfigException {
        try (JsonParser parser = YAML.createParser(text)) {
            return new Reader(file, parser, knownRules, knownGpu).document();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage().lines().findFirst().orElse("invalid YAML");
            throw new ConfigException(file, at == null ? 1 : Math.max(1, at.getLineNr()),
                    at == null ? 1 : Math.max(1, at.getColumnNr()), "invalid YAML: " + message);
        } catch (IOException e) {
            throw new ConfigException(file, 1, 1, "cannot read: " + e.getMessage());
        }
    }

    /** A commented starter config, as written by {@code vlint init}. */
    public static String starterConfig() {
        return """
                # vlint configuration, see `vlint rules` for every rule id.

                # Change a rule's level: off, error, warning or note.
                rules: {}
                #  VL102: off

                # Paths (globs, relative to the folder being linted) that vlint does not lint.
                ignore-paths: []
                #  - "third_party/**"

                # What the images are built for; rules about GPUs and runners use this.
                targets:
                  # GPU names, sm_XX or X.Y compute capabilities, e.g. [A100, H100, sm_120]
                  gpus: []
                  # Newest CUDA version the host driver supports, e.g. "12.8"
                  # driver-cuda: "12.8"
                  # Disk of self-hosted runners in GB
                  # runner-disk-gb: 14
                  # Labels of self-hosted runners that runs-on may name (globs), e.g. [gpu-a100, "linux-*"]
                  # runner-labels: []
                """;
    }

    private static final class Reader {
        private final Path file;
        private final JsonParser parser;
        private final RuleIndex knownRules;
        private final Predicate<String> knownGpu;

        Reader(Path file, JsonParser parser, RuleIndex knownRules, Predicate<String> knownGpu) {
            this.file = file;
            this.parser = parser;
            this.knownRules = knownRules;
            this.knownGpu = knownGpu;
        }

        Config document() throws IOException, ConfigException {
            JsonToken token = parser.nextToken();
            if (token == null || token == JsonToken.VALUE_NULL) {
                return Config.DEFAULT;
            }
            expect(token, JsonToken.START_OBJECT, "the config must be a mapping");
            Map<String, Optional<Severity>> levels = Map.of();
            List<String> ignorePaths = List.of();
            Config.Targets targets = Config.Targets.NONE;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonLocation keyAt = parser.currentTokenLocation();
                JsonToken value = parser.nextToken();
                switch (key) {
                    case "rules" -> levels = rules(value);
                    case "ignore-paths" -> ignorePaths = strings(value, "ignore-paths");
                    case "targets" -> targets = targets(value);
                    default -> throw error(keyAt, "unknown key '" + key + "' (expected rules, ignore-paths, targets)");
                }
            }
            return new Config(levels, ignorePaths, targets);
        }

        private Map<String, Optional<Severity>> rules(JsonToken token) throws IOException, ConfigException {
            Map<String, Optional<Severity>> levels = new LinkedHashMap<>();
            if (token == JsonToken.VALUE_NULL) {
                return levels;
            }
            expect(token, JsonToken.START_OBJECT, "'rules' must map rule ids to levels");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String written = parser.currentName();
                JsonLocation idAt = parser.currentTokenLocation();
                String id = knownRules.id(written).orElseThrow(() -> error(idAt, "unknown rule id '" + written + "'"
                        + knownRules.closest(written).map(c -> " (did you mean " + c + "?)").orElse("")));
                JsonToken value = parser.nextToken();
                String level = value.isScalarValue() && value != JsonToken.VALUE_NULL
                        ? parser.getText().toLowerCase(Locale.ROOT) : "";
                levels.put(id, switch (level) {
                    case "off", "false" -> Optional.empty();
                    case "error" -> Optional.of(Severity.ERROR);
                    case "warning" -> Optional.of(Severity.WARNING);
                    case "note" -> Optional.of(Severity.NOTE);
                    default -> throw error(parser.currentTokenLocation(),
                            "bad level for " + id + " (expected off, error, warning or note)");
                });
            }
            return levels;
        }

        private Config.Targets targets(JsonToken token) throws IOException, ConfigException {
            if (token == JsonToken.VALUE_NULL) {
                return Config.Targets.NONE;
            }
            expect(token, JsonToken.START_OBJECT, "'targets' must be a mapping");
            List<String> gpus = List.of();
            String driverCuda = null;
            Integer diskGb = null;
            List<String> runnerLabels = List.of();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonLocation keyAt = parser.currentTokenLocation();
                JsonToken value = parser.nextToken();
                switch (key) {
                    case "gpus" -> gpus = gpus(value);
                    case "driver-cuda" -> {
                        if (!value.isScalarValue() || !CUDA_VERSION.matcher(parser.getText()).matches()) {
                            throw error(parser.currentTokenLocation(),
                                    "'driver-cuda' must be a CUDA version like \"12.8\"");
                        }
                        driverCuda = parser.getText();
                    }
                    case "runner-disk-gb" -> {
                        if (value != JsonToken.VALUE_NUMBER_INT || parser.getIntValue() <= 0) {
                            throw error(parser.currentTokenLocation(),
                                    "'runner-disk-gb' must be a positive whole number");
                        }
                        diskGb = parser.getIntValue();
                    }
                    case "runner-labels" -> runnerLabels = strings(value, "runner-labels");
                    default -> throw error(keyAt, "unknown key 'targets." + key
                            + "' (expected gpus, driver-cuda, runner-disk-gb, runner-labels)");
                }
            }
            return new Config.Targets(gpus, driverCuda, diskGb, runnerLabels);
        }

        private List<String> gpus(JsonToken token) throws IOException, ConfigException {
            List<String> gpus = new ArrayList<>();
            if (token == JsonToken.VALUE_NULL) {
                return gpus;
            }
            expect(token, JsonToken.START_ARRAY, "'gpus' must be a list");
            for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                String gpu = item.isScalarValue() ? parser.getText().trim() : "";
                if (!knownGpu.test(gpu)) {
                    throw error(parser.currentTokenLocation(), "unknown GPU '" + gpu + "'");
                }
                gpus.add(gpu);
            }
            return gpus;
        }

        private List<String> strings(JsonToken token, String key) throws IOException, ConfigException {
            List<String> values = new ArrayList<>();
            if (token == JsonToken.VALUE_NULL) {
                return values;
            }
            expect(token, JsonToken.START_ARRAY, "'" + key + "' must be a list");
            for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                expect(item, JsonToken.VALUE_STRING, "'" + key + "' entries must be strings");
                values.add(parser.getText());
            }
            return values;
        }

        private void expect(JsonToken actual, JsonToken wanted, String message) throws ConfigException {
            if (actual != wanted) {
                throw error(parser.currentTokenLocation(), message);
            }
        }

        private ConfigException error(JsonLocation at, String message) {
            return new ConfigException(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()), message);
        }
    }
}
