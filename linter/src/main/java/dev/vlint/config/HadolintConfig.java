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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads hadolint's {@code .hadolint.yaml} (or {@code .hadolint.yml}) into a vlint config, so a
 * project that used hadolint keeps its settings: {@code ignored} turns rules off, {@code override}
 * sets levels (hadolint's info and style are vlint's note), {@code trustedRegistries},
 * {@code label-schema} and {@code strict-labels} feed the Dockerfile rules, and
 * {@code failure-threshold} (or {@code no-fail}) becomes the default {@code --fail-on}. Other keys
 * (output format, colours, {@code disable-ignore-pragma}) are accepted and have no effect; rule ids no
 * vlint rule carries (retired ones such as DL3005, or ShellCheck codes when ShellCheck is not run)
 * are skipped, as hadolint skips unknown ids.
 */
public final class HadolintConfig {
    public static final List<String> FILE_NAMES = List.of(".hadolint.yaml", ".hadolint.yml");
    private static final YAMLFactory YAML = new YAMLFactory();

    private HadolintConfig() {}

    /** The hadolint config directly in {@code folder}, if any. */
    public static Optional<Path> in(Path folder) {
        return FILE_NAMES.stream().map(folder::resolve).filter(Files::isRegularFile).findFirst();
    }

    /** Whether {@code file} is named like a hadolint config ({@code .hadolint.yaml}, {@code hadolint.yml}...). */
    public static boolean isHadolintFile(Path file) {
        return file.getFileName() != null && file.getFileName().toString().matches("\\.?hadolint\\.ya?ml");
    }

    public static Config load(Path file, RuleIndex rules) throws ConfigException {
        try {
            return parse(file, Files.readString(file, StandardCharsets.UTF_8), rules);
        } catch (IOException e) {
            throw new ConfigException(file, 1, 1, "cannot read: " + e.getMessage());
        }
    }

    /** Reads hadolint config text; {@code file} only names the source in errors. */
    public static Config parse(Path file, String text, RuleIndex rules) throws ConfigException {
        try (JsonParser parser = YAML.createParser(text)) {
            return new Reader(file, parser, rules).document();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ConfigException(file, at == null ? 1 : Math.max(1, at.getLineNr()),
                    at == null ? 1 : Math.max(1, at.getColumnNr()),
                    "invalid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new ConfigException(file, 1, 1, "cannot read: " + e.getMessage());
        }
    }

    /**
     * {@code vlint} laid over {@code hadolint}: a rule level, Dockerfile setting or fail-on that
     * {@code .vlint.yaml} gives wins; everything else comes from the hadolint config.
     */
    public static Config underneath(Config hadolint, Config vlint) {
        Map<String, Optional<Severity>> levels = new HashMap<>(hadolint.ruleLevels());
        levels.putAll(vlint.ruleLevels());
        Config.ImagePolicy h = hadolint.images();
        Config.ImagePolicy v = vlint.images();
        Config.ImagePolicy images = new Config.ImagePolicy(
                v.trustedRegistries().isEmpty() ? h.trustedRegistries() : v.trustedRegistries(),
                v.labelSchema().isEmpty() ? h.labelSchema() : v.labelSchema(), v.strictLabels() || h.strictLabels());
        return new Config(levels, vlint.ignorePaths(), vlint.targets(), images,
                vlint.failOn() != null ? vlint.failOn() : hadolint.failOn(), vlint.workflows());
    }

    private static final class Reader {
        private final Path file;
        private final JsonParser parser;
        private final RuleIndex rules;

        Reader(Path file, JsonParser parser, RuleIndex rules) {
            this.file = file;
            this.parser = parser;
            this.rules = rules;
        }

        Config document() throws IOException, ConfigException {
            JsonToken token = parser.nextToken();
            if (token == null || token == JsonToken.VALUE_NULL) {
                return Config.DEFAULT;
            }
            if (token != JsonToken.START_OBJECT) {
                throw error(parser.currentTokenLocation(), "the hadolint config must be a mapping");
            }
            Map<String, Optional<Severity>> levels = new LinkedHashMap<>();
            List<String> registries = List.of();
            Map<String, String> schema = Map.of();
            boolean strict = false;
            String failOn = null;
            boolean noFail = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (key) {
                    case "ignored" -> ids(value, "ignored").forEach(id -> levels.put(id, Optional.empty()));
                    case "override" -> override(value, levels);
                    case "trustedRegistries" -> registries = ImagePolicyReader.registries(parser, value,
                            "trustedRegistries", this::error);
                    case "label-schema" -> schema = ImagePolicyReader.labelSchema(parser, value, "label-schema",
                            this::error);
                    case "strict-labels" -> strict = value == JsonToken.VALUE_TRUE;
                    case "no-fail" -> noFail = value == JsonToken.VALUE_TRUE;
                    case "failure-threshold" -> failOn = threshold(value);
                    default -> parser.skipChildren();
                }
            }
            return new Config(levels, List.of(), Config.Targets.NONE,
                    new Config.ImagePolicy(registries, schema, strict), noFail ? "none" : failOn);
        }

        private void override(JsonToken token, Map<String, Optional<Severity>> levels)
                throws IOException, ConfigException {
            if (token == JsonToken.VALUE_NULL) {
                return;
            }
            if (token != JsonToken.START_OBJECT) {
                throw error(parser.currentTokenLocation(),
                        "'override' must map error, warning, info or style to rule lists");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String level = parser.currentName();
                JsonLocation at = parser.currentTokenLocation();
                JsonToken value = parser.nextToken();
                Severity severity = switch (level) {
                    case "error" -> Severity.ERROR;
                    case "warning" -> Severity.WARNING;
                    case "info", "style" -> Severity.NOTE;
                    default -> throw error(at, "unknown level 'override." + level + "' (expected error, warning,"
                            + " info or style)");
                };
                ids(value, "override." + level).forEach(id -> levels.put(id, Optional.of(severity)));
            }
        }

        /** The vlint ids of a list of rule names; names no rule carries are skipped. */
        private List<String> ids(JsonToken token, String key) throws IOException, ConfigException {
            return ImagePolicyReader.registries(parser, token, key, this::error).stream()
                    .map(rules::id).flatMap(Optional::stream).toList();
        }

        private String threshold(JsonToken token) throws IOException, ConfigException {
            String text = token.isScalarValue() ? parser.getText() : "";
            return switch (text) {
                case "error" -> "error";
                case "warning" -> "warning";
                case "info", "style" -> "note";
                case "ignore", "none" -> "none";
                default -> throw error(parser.currentTokenLocation(), "bad failure-threshold '" + text
                        + "' (expected error, warning, info, style, ignore or none)");
            };
        }

        private ConfigException error(JsonLocation at, String message) {
            return new ConfigException(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()), message);
        }
    }
}
