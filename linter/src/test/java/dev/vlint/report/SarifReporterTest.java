package dev.vlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReporterTest {

    static String sarif(RunResult result, String category) throws IOException {
        StringWriter out = new StringWriter();
        new SarifReporter(category).write(result, out);
        return out.toString();
    }

    private static JsonNode run(String sarif) throws IOException {
        JsonNode log = new ObjectMapper().readTree(sarif);
        assertEquals(1, log.get("runs").size());
        return log.get("runs").get(0);
    }

    @Test
    void fullRunIsValidAgainstTheSchema() throws IOException {
        String sarif = sarif(Samples.full(), "docker");
        assertEquals(List.of(), SarifSchemaCheck.violations(sarif));
    }

    @Test
    void emptyRunIsValidAndStillListsRules() throws IOException {
        String sarif = sarif(Samples.run(List.of()), null);
        assertEquals(List.of(), SarifSchemaCheck.violations(sarif));
        JsonNode run = run(sarif);
        assertEquals(0, run.get("results").size());
        assertEquals(3, run.at("/tool/driver/rules").size());
        assertTrue(run.at("/automationDetails").isMissingNode());
    }

    @Test
    void schemaCheckCatchesInvalidSarif() throws IOException {
        String broken = sarif(Samples.full(), null).replace("\"startLine\"", "\"startLineX\"");
        assertFalse(SarifSchemaCheck.violations(broken).isEmpty());
    }

    @Test
    void logHeaderAndDriver() throws IOException {
        JsonNode log = new ObjectMapper().readTree(sarif(Samples.full(), "docker"));
        assertEquals(SarifReporter.SCHEMA_URI, log.get("$schema").asText());
        assertEquals("2.1.0", log.get("version").asText());
        JsonNode run = log.get("runs").get(0);
        JsonNode driver = run.at("/tool/driver");
        assertEquals("vlint", driver.get("name").asText());
        assertEquals("0.1.0", driver.get("version").asText());
        assertEquals("0.1.0", driver.get("semanticVersion").asText());
        assertEquals(SarifReporter.INFORMATION_URI, driver.get("informationUri").asText());
        assertEquals("utf16CodeUnits", run.get("columnKind").asText());
        assertEquals("docker/", run.at("/automationDetails/id").asText());
    }

    @Test
    void rulesKeepTheirOrderAndExplicitLevels() throws IOException {
        JsonNode rules = run(sarif(Samples.full(), null)).at("/tool/driver/rules");
        List<String> ids = new ArrayList<>();
        rules.forEach(rule -> ids.add(rule.get("id").asText()));
        assertEquals(List.of("XT100", "XT200", "XT300"), ids);
        assertEquals("error", rules.get(0).at("/defaultConfiguration/level").asText());
        assertEquals("warning", rules.get(1).at("/defaultConfiguration/level").asText());
        assertEquals("note", rules.get(2).at("/defaultConfiguration/level").asText());
    }

    @Test
    void ruleDescriptorsComeFromMetadataAndProse() throws IOException {
        JsonNode rules = run(sarif(Samples.full(), null)).at("/tool/driver/rules");
        JsonNode cache = rules.get(0);
        assertEquals("test-cache-mount", cache.get("name").asText());
        assertEquals("Cache mount without a platform id.", cache.at("/shortDescription/text").asText());
        assertEquals("Reports a cache mount without an `id`, in the test rule pack.", cache.at("/fullDescription/text").asText());
        assertTrue(cache.at("/help/markdown").asText().startsWith("## What it does"));
        assertTrue(cache.at("/help/markdown").asText().contains("## Fix safety"));
        assertEquals(List.of("docker", "buildkit"), texts(cache.at("/properties/tags")));
        assertTrue(cache.at("/properties/security-severity").isMissingNode());
        JsonNode cleanup = rules.get(1);
        assertEquals("Cleanup in a later layer.", cleanup.at("/help/text").asText(), "no prose: the summary");
        assertTrue(cleanup.at("/properties").isMissingNode(), "no tags, no property bag");
        JsonNode secret = rules.get(2);
        assertEquals("2.0", secret.at("/properties/security-severity").asText());
        assertEquals(List.of("DL9300", "SecretsUsedInArgOrEnv"), texts(secret.at("/properties/aliases")));
        assertTrue(cache.at("/properties/aliases").isMissingNode());
    }

    @Test
    void resultsCarryRuleIndexExplicitLevelAndRegion() throws IOException {
        JsonNode results = run(sarif(Samples.full(), null)).get("results");
        assertEquals(4, results.size());
        JsonNode cache = results.get(0);
        assertEquals("XT100", cache.get("ruleId").asText());
        assertEquals(0, cache.get("ruleIndex").asInt());
        assertEquals("error", cache.get("level").asText());
        assertEquals("Cache mount /build has no id.", cache.at("/message/text").asText());
        JsonNode location = cache.at("/locations/0/physicalLocation");
        assertEquals("docker/Dockerfile", location.at("/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", location.at("/artifactLocation/uriBaseId").asText());
        assertRegion(location.get("region"), 2, 5, 2, 37);

        JsonNode cleanup = results.get(1);
        assertEquals(1, cleanup.get("ruleIndex").asInt());
        assertEquals("warning", cleanup.get("level").asText(), "written although it is the schema default");

        JsonNode secret = results.get(2);
        assertRegion(secret.at("/locations/0/physicalLocation/region"), 4, 5, 4, 14);
    }

    @Test
    void levelFollowsTheFindingNotTheRuleDefault() throws IOException {
        Finding downgraded = Samples.cacheFinding().withSeverity(Severity.WARNING);
        JsonNode result = run(sarif(Samples.run(List.of(downgraded)), null)).get("results").get(0);
        assertEquals("warning", result.get("level").asText());
    }

    @Test
    void fingerprintIsGitHubsLineHashOfTheStartLine() throws IOException {
        JsonNode results = run(sarif(Samples.full(), null)).get("results");
        List<String> hashes = LineHashes.of(Samples.DOCKERFILE.text());
        assertEquals(hashes.get(1), results.get(0).at("/partialFingerprints/primaryLocationLineHash").asText());
        assertEquals(hashes.get(2), results.get(1).at("/partialFingerprints/primaryLocationLineHash").asText());
    }

    @Test
    void relatedLocationsFixesAndSuppressions() throws IOException {
        JsonNode results = run(sarif(Samples.full(), null)).get("results");
        JsonNode cache = results.get(0);
        JsonNode related = cache.get("relatedLocations").get(0);
        assertEquals(1, related.get("id").asInt());
        assertEquals("the stage starts here.", related.at("/message/text").asText());
        assertRegion(related.at("/physicalLocation/region"), 1, 1, 1, 18);

        JsonNode fix = cache.get("fixes").get(0);
        assertEquals("Add id=build-${TARGETARCH}.", fix.at("/description/text").asText());
        JsonNode change = fix.get("artifactChanges").get(0);
        assertEquals("docker/Dockerfile", change.at("/artifactLocation/uri").asText());
        JsonNode insertId = change.get("replacements").get(0);
        assertRegion(insertId.get("deletedRegion"), 2, 24, 2, 24);
        assertEquals("id=build-${TARGETARCH},", insertId.at("/insertedContent/text").asText());
        assertEquals("ARG TARGETARCH\n", change.get("replacements").get(1).at("/insertedContent/text").asText());
        assertTrue(results.get(1).at("/fixes").isMissingNode());

        JsonNode suppressed = results.get(3);
        assertEquals("scripts/build,v1.sh", suppressed.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("inSource", suppressed.at("/suppressions/0/kind").asText());
        assertEquals("the image is rebuilt anyway", suppressed.at("/suppressions/0/justification").asText());
        assertTrue(cache.at("/suppressions").isMissingNode());
    }

    @Test
    void urisAreEscapedRelativeReferences() {
        assertEquals("docker/my%20file/Dockerfile", SarifReporter.uri("docker/my file/Dockerfile"));
        assertEquals("a%3Ab/Dockerfile", SarifReporter.uri("a:b/Dockerfile"));
        assertEquals("caf%C3%A9/Dockerfile", SarifReporter.uri("café/Dockerfile"));
    }

    @Test
    void findingOfAnUnlistedRuleIsABug() {
        RunResult result = new RunResult(List.of(Samples.cacheFinding()), List.of(Samples.CLEANUP), "0.1.0");
        assertThrows(IllegalArgumentException.class, () -> sarif(result, null));
    }

    private static void assertRegion(JsonNode region, int startLine, int startColumn, int endLine, int endColumn) {
        assertEquals(List.of(startLine, startColumn, endLine, endColumn),
                List.of(region.get("startLine").asInt(), region.get("startColumn").asInt(),
                        region.get("endLine").asInt(), region.get("endColumn").asInt()), region.toString());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
