package dev.vlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReporterTest {

    private static JsonNode json(RunResult result) throws IOException {
        StringWriter out = new StringWriter();
        new JsonReporter().write(result, out);
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void oneObjectPerFindingWithStableKeys() throws IOException {
        JsonNode array = json(Samples.full());
        assertEquals(4, array.size());
        JsonNode cache = array.get(0);
        List<String> keys = new ArrayList<>();
        cache.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("rule", "severity", "message", "path", "line", "column", "endLine", "endColumn", "offset",
                "endOffset", "related", "fixes", "suppressed"), keys);
        assertEquals("XT100", cache.get("rule").asText());
        assertEquals("error", cache.get("severity").asText());
        assertEquals("docker/Dockerfile", cache.get("path").asText());
        assertEquals(List.of(2, 5, 2, 37), List.of(cache.get("line").asInt(), cache.get("column").asInt(),
                cache.get("endLine").asInt(), cache.get("endColumn").asInt()));
        int offset = Samples.DOCKERFILE.text().indexOf("--mount");
        assertEquals(offset, cache.get("offset").asInt());
        assertEquals(offset + 32, cache.get("endOffset").asInt());
        assertEquals("the stage starts here", cache.at("/related/0/message").asText());
        assertEquals("safe", cache.at("/fixes/0/applicability").asText());
        assertEquals("id=build-${TARGETARCH},", cache.at("/fixes/0/edits/0/replacement").asText());
        assertFalse(cache.get("suppressed").asBoolean());
    }

    @Test
    void suppressedFindingsAreIncludedAndMarked() throws IOException {
        JsonNode suppressed = json(Samples.full()).get(3);
        assertTrue(suppressed.get("suppressed").asBoolean());
        assertEquals("the image is rebuilt anyway", suppressed.get("justification").asText());
    }

    @Test
    void rangeEndingWithALineBreakEndsOnItsLineButEditsAreExact() throws IOException {
        JsonNode secret = json(Samples.full()).get(2);
        assertEquals(4, secret.get("endLine").asInt());
        assertEquals(14, secret.get("endColumn").asInt());
        assertEquals(Samples.DOCKERFILE.text().length(), secret.get("endOffset").asInt());
    }

    @Test
    void noFindingsIsAnEmptyArray() throws IOException {
        JsonNode array = json(Samples.run(List.of()));
        assertTrue(array.isArray());
        assertEquals(0, array.size());
    }
}
