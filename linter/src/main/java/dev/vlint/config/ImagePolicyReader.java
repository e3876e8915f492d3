package dev.vlint.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code dockerfile:} section of {@code .vlint.yaml}: {@code trusted-registries},
 * {@code label-schema} and {@code strict-labels}, the settings hadolint keeps in
 * {@code trustedRegistries}, {@code label-schema} and {@code strict-labels}.
 */
final class ImagePolicyReader {
    /** The value formats a label schema may give. */
    static final Set<String> LABEL_FORMATS = Set.of("text", "url", "semver", "hash", "rfc3339", "spdx", "email");

    /** Makes a config error at a location. */
    interface Errors {
        ConfigException at(JsonLocation location, String message);
    }

    private ImagePolicyReader() {}

    static Config.ImagePolicy read(JsonParser parser, JsonToken token, Errors errors)
            throws IOException, ConfigException {
        if (token == JsonToken.VALUE_NULL) {
            return Config.ImagePolicy.NONE;
        }
        if (token != JsonToken.START_OBJECT) {
            throw errors.at(parser.currentTokenLocation(), "'dockerfile' must be a mapping");
        }
        List<String> registries = List.of();
        Map<String, String> schema = Map.of();
        boolean strict = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            JsonToken value = parser.nextToken();
            switch (key) {
                case "trusted-registries" -> registries = registries(parser, value, "dockerfile.trusted-registries",
                        errors);
                case "label-schema" -> schema = labelSchema(parser, value, "dockerfile.label-schema", errors);
                case "strict-labels" -> {
                    if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
                        throw errors.at(parser.currentTokenLocation(),
                                "'dockerfile.strict-labels' must be true or false");
                    }
                    strict = value == JsonToken.VALUE_TRUE;
                }
                default -> throw errors.at(keyAt, "unknown key 'dockerfile." + key
                        + "' (expected trusted-registries, label-schema, strict-labels)");
            }
        }
        return new Config.ImagePolicy(registries, schema, strict);
    }

    /** A registry or a list of registries. */
    static List<String> registries(JsonParser parser, JsonToken token, String name, Errors errors)
            throws IOException, ConfigException {
        List<String> registries = new ArrayList<>();
        if (token == JsonToken.VALUE_STRING) {
            registries.add(parser.getText());
            return registries;
        }
        if (token == JsonToken.VALUE_NULL) {
            return registries;
        }
        if (token != JsonToken.START_ARRAY) {
            throw errors.at(parser.currentTokenLocation(), "'" + name + "' must be a name or a list of names");
        }
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
            if (item != JsonToken.VALUE_STRING) {
                throw errors.at(parser.currentTokenLocation(), "'" + name + "' entries must be strings");
            }
            registries.add(parser.getText());
        }
        return registries;
    }

    /** Label names mapped to a format (an empty format is {@code text}). */
    static Map<String, String> labelSchema(JsonParser parser, JsonToken token, String name, Errors errors)
            throws IOException, ConfigException {
        Map<String, String> schema = new LinkedHashMap<>();
        if (token == JsonToken.VALUE_NULL) {
            return schema;
        }
        if (token != JsonToken.START_OBJECT) {
            throw errors.at(parser.currentTokenLocation(), "'" + name + "' must map label names to formats");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String label = parser.currentName();
            JsonToken value = parser.nextToken();
            String format = value == JsonToken.VALUE_NULL ? "text" : value.isScalarValue() ? parser.getText() : null;
            format = "".equals(format) ? "text" : format;
            if (format == null || !LABEL_FORMATS.contains(format)) {
                throw errors.at(parser.currentTokenLocation(), "bad format for label " + label
                        + " (expected text, url, semver, hash, rfc3339, spdx or email)");
            }
            schema.put(label, format);
        }
        return schema;
    }
}
