package dev.vlint.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the {@code workflows:} section of {@code .vlint.yaml}: {@code pinning} (action pattern to
 * any, tag or hash), {@code allowed-actions}, {@code forbidden-actions} and {@code repository}.
 */
final class WorkflowsReader {
    private static final Pattern ACTION_PATTERN =
            Pattern.compile("\\*|[A-Za-z0-9_.-]+/(\\*|[A-Za-z0-9_.-]+(/\\*|(/[A-Za-z0-9_.-]+)+)?)");

    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

    private final JsonParser parser;
    private final ImagePolicyReader.Errors errors;

    private WorkflowsReader(JsonParser parser, ImagePolicyReader.Errors errors) {
        this.parser = parser;
        this.errors = errors;
    }

    static Config.Workflows read(JsonParser parser, JsonToken token, ImagePolicyReader.Errors errors)
            throws IOException, ConfigException {
        return new WorkflowsReader(parser, errors).workflows(token);
    }

    private Config.Workflows workflows(JsonToken token) throws IOException, ConfigException {
        if (token == JsonToken.VALUE_NULL) {
            return Config.Workflows.NONE;
        }
        expect(token, JsonToken.START_OBJECT, "'workflows' must be a mapping");
        Map<String, String> pinning = new LinkedHashMap<>();
        List<String> allowed = List.of();
        List<String> forbidden = List.of();
        String repository = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            JsonToken value = parser.nextToken();
            switch (key) {
                case "pinning" -> pinning = pinning(value);
                case "allowed-actions" -> allowed = actionPatterns(value, "allowed-actions");
                case "forbidden-actions" -> forbidden = actionPatterns(value, "forbidden-actions");
                case "repository" -> repository = repository(value);
                default -> throw errors.at(keyAt, "unknown key 'workflows." + key
                        + "' (expected pinning, allowed-actions, forbidden-actions, repository)");
            }
        }
        return new Config.Workflows(pinning, allowed, forbidden, repository);
    }

    /** Pattern to policy; zizmor's {@code ref-pin} and {@code hash-pin} are read as tag and hash. */
    private Map<String, String> pinning(JsonToken token) throws IOException, ConfigException {
        Map<String, String> pinning = new LinkedHashMap<>();
        if (token == JsonToken.VALUE_NULL) {
            return pinning;
        }
        expect(token, JsonToken.START_OBJECT, "'workflows.pinning' must map action patterns to any, tag or hash");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String pattern = actionPattern(parser.currentName(), parser.currentTokenLocation());
            JsonToken value = parser.nextToken();
            String policy = value.isScalarValue() ? parser.getText().toLowerCase(Locale.ROOT) : "";
            pinning.put(pattern, switch (policy) {
                case "any", "tag", "hash" -> policy;
                case "ref-pin" -> "tag";
                case "hash-pin" -> "hash";
                default -> throw errors.at(parser.currentTokenLocation(),
                        "bad pinning policy for '" + pattern + "' (expected any, tag or hash)");
            });
        }
        return pinning;
    }

    private List<String> actionPatterns(JsonToken token, String key) throws IOException, ConfigException {
        List<String> patterns = new ArrayList<>();
        if (token == JsonToken.VALUE_NULL) {
            return patterns;
        }
        expect(token, JsonToken.START_ARRAY, "'workflows." + key + "' must be a list of action patterns");
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
            expect(item, JsonToken.VALUE_STRING, "'workflows." + key + "' entries must be strings");
            patterns.add(actionPattern(parser.getText(), parser.currentTokenLocation()));
        }
        return patterns;
    }

    private String repository(JsonToken token) throws IOException, ConfigException {
        if (token != JsonToken.VALUE_STRING || !REPOSITORY.matcher(parser.getText()).matches()) {
            throw errors.at(parser.currentTokenLocation(), "'workflows.repository' must be owner/name, e.g. acme/gpu-images");
        }
        return parser.getText();
    }

    private String actionPattern(String text, JsonLocation at) throws ConfigException {
        if (!ACTION_PATTERN.matcher(text).matches()) {
            throw errors.at(at, "bad action pattern '" + text
                    + "' (expected *, owner/*, owner/repo, owner/repo/* or owner/repo/path)");
        }
        return text;
    }

    private void expect(JsonToken actual, JsonToken wanted, String message) throws ConfigException {
        if (actual != wanted) {
            throw errors.at(parser.currentTokenLocation(), message);
        }
    }
}
