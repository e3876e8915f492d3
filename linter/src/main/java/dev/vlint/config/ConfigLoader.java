package dev.vlint.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vlint.rule.RuleIndex;
import dev.vlint.rule.Severity;
import dev.vlint.yaml.YamlErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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

    /**
     * Reads config text; {@code file} only names the source in errors. Every mistake is reported
     * at once; a YAML syntax error is reported alone, since nothing after it can be read.
     */
    public static Config parse(Path file, String text, RuleIndex knownRules, Predicate<String> knownGpu)
            throws ConfigException {
        try (JsonParser syntax = YAML.createParser(text)) {
            while (syntax.nextToken() != null) {
                // only looking for a syntax error
            }
        } catch (JsonProcessingException e) {
            YamlErrors.Error error = YamlErrors.describe(e, text);
            throw new ConfigException(file, error.line(), error.column(), error.message());
        } catch (IOException e) {
            throw new ConfigException(file, 1, 1, "cannot read: " + e.getMessage());
        }
        try (JsonParser parser = YAML.createParser(text)) {
            Reader reader = new Reader(parser, knownRules, knownGpu);
            Config config = reader.document();
            if (!reader.problems.isEmpty()) {
                throw new ConfigException(file, reader.problems);
            }
            return config;
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

                # How workflows may use actions.
                # workflows:
                  # How uses: must be pinned per action pattern: any, tag or hash
                  # pinning: {"*": hash, "actions/*": tag}
                  # This repository as owner/name, when the git remote origin does not say
                  # repository: acme/gpu-images
                """;
    }

    /** Reads the config token by token; a wrong value is noted and skipped, so reading goes on. */
    private static final class Reader {
        private final JsonParser parser;
        private final RuleIndex knownRules;
        private final Predicate<String> knownGpu;
        final List<ConfigException.Problem> problems = new ArrayList<>();

        Reader(JsonParser parser, RuleIndex knownRules, Predicate<String> knownGpu) {
            this.parser = parser;
            this.knownRules = knownRules;
            this.knownGpu = knownGpu;
        }

        Config document() throws IOException {
            JsonToken token = parser.nextToken();
            if (token == null || token == JsonToken.VALUE_NULL) {
                return Config.DEFAULT;
            }
            if (!expect(token, JsonToken.START_OBJECT, "the config must be a mapping of rules, ignore-paths and targets")) {
                return Config.DEFAULT;
            }
            Map<String, Optional<Severity>> levels = Map.of();
            List<String> ignorePaths = List.of();
            Config.Targets targets = Config.Targets.NONE;
            Config.ImagePolicy images = Config.ImagePolicy.NONE;
            boolean shellcheckOff = false;
            Config.Workflows workflows = Config.Workflows.NONE;
            Keys keys = new Keys();
            JsonStreamContext document = parser.getParsingContext();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonLocation keyAt = parser.currentTokenLocation();
                JsonToken value = parser.nextToken();
                keys.add(key, key, keyAt);
                switch (key) {
                    case "rules" -> levels = rules(value);
                    case "ignore-paths" -> ignorePaths = strings(value, "ignore-paths");
                    case "targets" -> targets = targets(value);
                    case "dockerfile" -> images = dockerfile(value, document);
                    case "shellcheck" -> shellcheckOff = off(value, "shellcheck");
                    case "workflows" -> workflows = workflows(value, document);
                    default -> {
                        problem(keyAt, "unknown key '" + key
                                + "' (expected rules, ignore-paths, targets, dockerfile, shellcheck, workflows)");
                        parser.skipChildren();
                    }
                }
            }
            Optional<String> shellcheck = knownRules.id("shellcheck");
            if (shellcheckOff && shellcheck.isPresent()) {
                // `shellcheck: off` is `rules: {shellcheck: off}`, the rule that runs ShellCheck.
                levels = new LinkedHashMap<>(levels);
                levels.put(shellcheck.get(), Optional.empty());
            }
            return new Config(levels, ignorePaths, targets, images, null, workflows);
        }

        private Map<String, Optional<Severity>> rules(JsonToken token) throws IOException {
            Map<String, Optional<Severity>> levels = new LinkedHashMap<>();
            if (token == JsonToken.VALUE_NULL || !expect(token, JsonToken.START_OBJECT,
                    "'rules' must be a mapping of rule ids to levels, e.g. 'VL102: off'")) {
                return levels;
            }
            Keys ids = new Keys();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String written = parser.currentName();
                JsonLocation idAt = parser.currentTokenLocation();
                Optional<String> id = knownRules.id(written);
                JsonToken value = parser.nextToken();
                if (id.isEmpty()) {
                    problem(idAt, "unknown rule id '" + written + "'"
                            + knownRules.closest(written).map(c -> " (did you mean " + c + "?)").orElse(""));
                    parser.skipChildren();
                    continue;
                }
                ids.add(id.get(), written.equals(id.get()) ? id.get() : written + " (" + id.get() + ")", idAt);
                String level = value.isScalarValue() && value != JsonToken.VALUE_NULL
                        ? parser.getText().toLowerCase(Locale.ROOT) : "";
                Optional<Severity> severity = switch (level) {
                    case "off", "false" -> Optional.empty();
                    case "error" -> Optional.of(Severity.ERROR);
                    case "warning" -> Optional.of(Severity.WARNING);
                    case "note" -> Optional.of(Severity.NOTE);
                    default -> null;
                };
                if (severity == null) {
                    problem(parser.currentTokenLocation(),
                            "bad level for " + id.get() + " (expected off, error, warning or note)");
                    parser.skipChildren();
                } else {
                    levels.put(id.get(), severity);
                }
            }
            return levels;
        }

        /**
         * The {@code dockerfile:} section; its reader stops at the first mistake, which is noted, and the
         * rest of the section is skipped so the reading of the file goes on.
         */
        private Config.ImagePolicy dockerfile(JsonToken token, JsonStreamContext document) throws IOException {
            try {
                return ImagePolicyReader.read(parser, token,
                        (at, message) -> new ConfigException(Path.of(""), Math.max(1, at.getLineNr()),
                                Math.max(1, at.getColumnNr()), message));
            } catch (ConfigException e) {
                problems.addAll(e.problems());
                while (parser.getParsingContext() != document && parser.nextToken() != null) {
                    // skip what is left of the section
                }
                return Config.ImagePolicy.NONE;
            }
        }

        private Config.Workflows workflows(JsonToken token, JsonStreamContext document) throws IOException {
            try {
                return WorkflowsReader.read(parser, token,
                        (at, message) -> new ConfigException(Path.of(""), Math.max(1, at.getLineNr()),
                                Math.max(1, at.getColumnNr()), message));
            } catch (ConfigException e) {
                problems.addAll(e.problems());
                while (parser.getParsingContext() != document && parser.nextToken() != null) {
                    // skip what is left of the section
                }
                return Config.Workflows.NONE;
            }
        }

        /** An on/off switch: true when it is off. */
        private boolean off(JsonToken token, String key) throws IOException {
            String text = token.isScalarValue() && token != JsonToken.VALUE_NULL
                    ? parser.getText().toLowerCase(Locale.ROOT) : "";
            switch (text) {
                case "off", "false" -> {
                    return true;
                }
                case "on", "true" -> {
                    return false;
                }
                default -> {
                    problem(parser.currentTokenLocation(), "'" + key + "' must be on or off");
                    parser.skipChildren();
                    return false;
                }
            }
        }

        private Config.Targets targets(JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_NULL || !expect(token, JsonToken.START_OBJECT, "'targets' must be a mapping")) {
                return Config.Targets.NONE;
            }
            List<String> gpus = List.of();
            String driverCuda = null;
            Integer diskGb = null;
            List<String> runnerLabels = List.of();
            Keys keys = new Keys();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonLocation keyAt = parser.currentTokenLocation();
                JsonToken value = parser.nextToken();
                keys.add(key, "targets." + key, keyAt);
                switch (key) {
                    case "gpus" -> gpus = gpus(value);
                    case "driver-cuda" -> {
                        if (value.isScalarValue() && CUDA_VERSION.matcher(parser.getText()).matches()) {
                            driverCuda = parser.getText();
                        } else {
                            problem(parser.currentTokenLocation(), "'driver-cuda' must be a CUDA version like \"12.8\"");
                            parser.skipChildren();
                        }
                    }
                    case "runner-disk-gb" -> {
                        if (value == JsonToken.VALUE_NUMBER_INT && parser.getIntValue() > 0) {
                            diskGb = parser.getIntValue();
                        } else {
                            problem(parser.currentTokenLocation(), "'runner-disk-gb' must be a positive whole number");
                            parser.skipChildren();
                        }
                    }
                    case "runner-labels" -> runnerLabels = strings(value, "runner-labels");
                    default -> {
                        problem(keyAt, "unknown key 'targets." + key
                                + "' (expected gpus, driver-cuda, runner-disk-gb, runner-labels)");
                        parser.skipChildren();
                    }
                }
            }
            return new Config.Targets(gpus, driverCuda, diskGb, runnerLabels);
        }

        private List<String> gpus(JsonToken token) throws IOException {
            List<String> gpus = new ArrayList<>();
            if (token == JsonToken.VALUE_NULL || !expect(token, JsonToken.START_ARRAY, "'gpus' must be a list")) {
                return gpus;
            }
            for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                String gpu = item.isScalarValue() ? parser.getText().trim() : "";
                if (knownGpu.test(gpu)) {
                    gpus.add(gpu);
                } else {
                    problem(parser.currentTokenLocation(), item.isScalarValue() ? "unknown GPU '" + gpu + "'"
                            : "'gpus' entries must be GPU names");
                    parser.skipChildren();
                }
            }
            return gpus;
        }

        private List<String> strings(JsonToken token, String key) throws IOException {
            List<String> values = new ArrayList<>();
            if (token == JsonToken.VALUE_NULL || !expect(token, JsonToken.START_ARRAY, "'" + key + "' must be a list")) {
                return values;
            }
            for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                if (expect(item, JsonToken.VALUE_STRING, "'" + key + "' entries must be strings")) {
                    values.add(parser.getText());
                }
            }
            return values;
        }

        /** Whether the token is the wanted one; if not, notes the problem and skips the value. */
        private boolean expect(JsonToken actual, JsonToken wanted, String message) throws IOException {
            if (actual == wanted) {
                return true;
            }
            problem(parser.currentTokenLocation(), message);
            parser.skipChildren();
            return false;
        }

        private void problem(JsonLocation at, String message) {
            problems.add(new ConfigException.Problem(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()), message));
        }

        /** The keys of one mapping, so a key written twice is reported at its second place. */
        private final class Keys {
            private final Map<String, JsonLocation> seen = new HashMap<>();

            void add(String key, String shown, JsonLocation at) {
                JsonLocation first = seen.putIfAbsent(key, at);
                if (first != null) {
                    problem(at, "'" + shown + "' is set twice (first at line " + first.getLineNr() + ")");
                }
            }
        }
    }
}
