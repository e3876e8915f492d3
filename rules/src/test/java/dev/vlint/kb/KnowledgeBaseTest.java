package dev.vlint.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseTest {

    @Test
    void bundledIsLoadedOnce() {
        assertSame(KnowledgeBase.bundled(), KnowledgeBase.bundled());
    }

    @Test
    void bundledFilesReadAsObjectMapperWouldReadThem() throws Exception {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        for (String file : KnowledgeBase.FILES) {
            try (InputStream in = KnowledgeBase.class.getResourceAsStream(file + ".yaml")) {
                assertEquals(mapper.readTree(in), KnowledgeBase.readYaml(file + ".yaml"), file);
            }
        }
    }

    @Test
    void theReleaseFolderIsReadBeforeTheJar(@TempDir Path folder) throws Exception {
        JsonNode marker = new ObjectMapper().readTree("{\"read-from\": \"folder\"}");
        Files.write(folder.resolve("torch" + CompactTree.SUFFIX), CompactTree.encode(marker));
        String before = System.getProperty(KnowledgeBase.FOLDER_PROPERTY);
        System.setProperty(KnowledgeBase.FOLDER_PROPERTY, folder.toString());
        try {
            Map<String, JsonNode> loaded = KnowledgeBase.loadBundled();
            assertEquals(marker, loaded.get("torch"));
            assertEquals(KnowledgeBase.readYaml("runners.yaml"), loaded.get("runners"), "a file not in the folder comes from the jar");
        } finally {
            if (before == null) {
                System.clearProperty(KnowledgeBase.FOLDER_PROPERTY);
            } else {
                System.setProperty(KnowledgeBase.FOLDER_PROPERTY, before);
            }
        }
    }

    @Test
    void theCompiledFilesHoldTheYamlTrees() {
        Map<String, com.fasterxml.jackson.databind.JsonNode> compiled = KnowledgeBase.loadBundled();
        assertEquals(KnowledgeBase.FILES, List.copyOf(compiled.keySet()));
        for (String file : KnowledgeBase.FILES) {
            assertEquals(KnowledgeBase.readYaml(file + ".yaml"), compiled.get(file), file);
        }
    }

    @Test
    void compactTreesKeepEveryKindOfValue() throws Exception {
        var tree = new ObjectMapper().readTree("""
                {"s": "text", "empty": "", "i": -7, "l": 12345678901, "big": 123456789012345678901234567890,
                 "d": 7.25, "t": true, "f": false, "n": null, "list": [1, "text", [], {}],
                 "nested": {"s": "text", "long": "%s"}}
                """.formatted("x".repeat(300)));
        assertEquals(tree, CompactTree.decode(new java.io.ByteArrayInputStream(CompactTree.encode(tree))));
    }

    @Test
    void overlayChangesAnExistingRunnerByLabel() {
        KnowledgeBase kb = KnowledgeBase.withOverlay(Map.of("runners",
                Map.of("runners", List.of(Map.of("label", "ubuntu-24.04", "free-gb", 60)))));
        Runners.Runner r = kb.runners().runner("ubuntu-24.04").orElseThrow();
        assertEquals(60, r.freeGb());
        assertEquals(14, r.diskGb(), "unchanged fields are kept");
        assertEquals(KnowledgeBase.OVERLAY_SOURCE, r.source());
        assertEquals(14, KnowledgeBase.bundled().runners().runner("ubuntu-24.04").orElseThrow().freeGb(),
                "the bundled knowledge base is not modified");
    }

    @Test
    void overlayAddsNewEntries() {
        KnowledgeBase kb = KnowledgeBase.withOverlay(Map.of(
                "runners", Map.of("runners", List.of(Map.of("label", "gpu-box", "arch", "x64", "disk-gb", 500))),
                "images", Map.of("images", List.of(Map.of("image", "ghcr.io/acme/base:1",
                        "uncompressed-gb", 7.5, "source", "measured")))));
        assertEquals(500, kb.runners().runner("GPU-BOX").orElseThrow().diskGb());
        BaseImages.ImageFacts facts = kb.images().resolve("ghcr.io/acme/base:1").orElseThrow();
        assertEquals(7.5, facts.size("linux/amd64").orElseThrow().uncompressedOrEstimate());
        assertTrue(kb.runners().runner("ubuntu-latest").isPresent(), "bundled entries stay");
    }

    @Test
    void overlayOfUnknownFileIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> KnowledgeBase.withOverlay(Map.of("gpus", Map.of())));
    }
}
