package dev.vlint.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vlint.config.Config;
import dev.vlint.config.ConfigException;
import dev.vlint.rule.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code .vlint.yaml} into a {@link Config}. Every problem (bad YAML, unknown key, unknown
 * rule id, bad level) is a {@link ConfigException} at the line and column of the offending token.
 */
final class ConfigReader {
    static final String FILE_NAME = ".vlint.yaml";
    private static final YAMLFactory YAML = new YAMLFactory();

    private final Path file;
    private final JsonParser parser;

    private ConfigReader(Path file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /** The config in {@code file}, or the default config when there is no file. */
    static Config load(Optional<Path> file, Set<String> knownRuleIds) {
        if (file.isEmpty()) {
            return Config.DEFAULT;
        }
        Path path = file.get();
        try (JsonParser parser = YAML.createParser(Files.readString(path))) {
            return new ConfigReader(path, parser).read(knownRuleIds);
        } catch (ConfigException e) {
            throw e;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ConfigException(path, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(path, 0, 0, "cannot read: " + e.getMessage());
        }
    }

    private Config read(Set<String> knownRuleIds) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return Config.DEFAULT;
        }
        expect(first, JsonToken.START_OBJECT, "a mapping of settings");
        Map<String, Optional<Severity>> levels = new LinkedHashMap<>();
        List<String> ignorePaths = List.of();
        Config.Targets targets = Config.Targets.NONE;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            JsonToken value = parser.nextToken();
            switch (key) {
                case "rules" -> levels = ruleLevels(value, knownRuleIds);
                case "ignore-paths" -> ignorePaths = strings(value);
                case "targets" -> targets = targets(value);
                default -> throw error(keyAt, "unknown key '" + key + "' (expected rules, ignore-paths, targets)");
            }
        }
        return new Config(levels, ignorePaths, targets);
    }

    private Map<String, Optional<Severity>> ruleLevels(JsonToken token, Set<String> knownRuleIds) throws IOException {
        Map<String, Optional<Severity>> levels = new LinkedHashMap<>();
        if (token == JsonToken.VALUE_NULL) {
            return levels;
        }
        expect(token, JsonToken.START_OBJECT, "a mapping of rule ids to off, error, warning or note");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String id = parser.currentName();
            JsonLocation idAt = parser.currentTokenLocation();
            if (!knownRuleIds.contains(id)) {
                throw error(idAt, "unknown rule id '" + id + "'");
            }
            parser.nextToken();
            String level = parser.getValueAsString();
            if ("off".equals(level) || Boolean.FALSE.toString().equals(level)) {
                levels.put(id, Optional.empty());
            } else if (level != null && Severity.parse(level) != null) {
                levels.put(id, Optional.of(Severity.parse(level)));
            } else {
                throw error(parser.currentTokenLocation(), "level of " + id + " must be off, error, warning or note");
            }
        }
        return levels;
    }

    private Config.Targets targets(JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return Config.Targets.NONE;
        }
        expect(token, JsonToken.START_OBJECT, "a mapping with gpus, driver-cuda, runner-disk-gb");
        List<String> gpus = List.of();
        String driverCuda = null;
        Integer runnerDiskGb = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            JsonToken value = parser.nextToken();
            switch (key) {
                case "gpus" -> gpus = strings(value);
                case "driver-cuda" -> driverCuda = scalar(value);
                case "runner-disk-gb" -> {
                    if (value != JsonToken.VALUE_NUMBER_INT || parser.getIntValue() <= 0) {
                        throw error(parser.currentTokenLocation(), "runner-disk-gb must be a positive whole number");
                    }
                    runnerDiskGb = parser.getIntValue();
                }
                default -> throw error(keyAt, "unknown key 'targets." + key
                        + "' (expected gpus, driver-cuda, runner-disk-gb)");
            }
        }
        return new Config.Targets(gpus, driverCuda, runnerDiskGb);
    }

    private List<String> strings(JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return List.of();
        }
        expect(token, JsonToken.START_ARRAY, "a list");
        List<String> values = new ArrayList<>();
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
            values.add(scalar(item));
        }
        return values;
    }

    private String scalar(JsonToken token) throws IOException {
        if (!token.isScalarValue() || token == JsonToken.VALUE_NULL) {
            throw error(parser.currentTokenLocation(), "expected a single value");
        }
        return parser.getValueAsString();
    }

    private void expect(JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw error(parser.currentTokenLocation(), "expected " + what);
        }
    }

    private ConfigException error(JsonLocation at, String message) {
        return new ConfigException(file, at.getLineNr(), at.getColumnNr(), message);
    }
}
