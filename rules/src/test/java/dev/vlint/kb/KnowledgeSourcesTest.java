package dev.vlint.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every fact (each entry of a top-level list) in every bundled YAML names a source and the day it was checked. */
class KnowledgeSourcesTest {

    @Test
    void everyFactHasASourceAndACheckDate() {
        List<String> missing = new ArrayList<>();
        for (String file : KnowledgeBase.FILES) {
            int facts = 0;
            JsonNode tree = KnowledgeBase.readYaml(file + ".yaml");
            for (Map.Entry<String, JsonNode> section : (Iterable<Map.Entry<String, JsonNode>>) tree::fields) {
                assertTrue(section.getValue().isArray(), file + ": top-level '" + section.getKey() + "' is not a list");
                int i = 0;
                for (JsonNode entry : section.getValue()) {
                    facts++;
                    if (!entry.isObject() || entry.path("source").asText("").isBlank()) {
                        missing.add(file + ".yaml " + section.getKey() + "[" + i + "] has no source");
                    } else if (!entry.path("checked").asText("").matches("\\d{4}-\\d{2}-\\d{2}")) {
                        missing.add(file + ".yaml " + section.getKey() + "[" + i + "] has no checked date");
                    }
                    i++;
                }
            }
            assertTrue(facts > 0, file + ".yaml holds no facts");
        }
        assertEquals(List.of(), missing);
    }
}
