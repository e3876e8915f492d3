package dev.vlint.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fails once a fact is older than its declared shelf life ({@code shelf-life: 1y} after its
 * {@code checked} date): such a fact must be re-checked against its source and its date moved,
 * not trusted silently.
 */
class FreshnessTest {

    /** The facts whose check has run out by {@code today}, or whose shelf life cannot be read. */
    static List<String> stale(List<KnowledgeBase.Fact> facts, LocalDate today) {
        List<String> stale = new ArrayList<>();
        for (KnowledgeBase.Fact fact : facts) {
            String where = fact.file() + ".yaml " + fact.section() + " " + fact.entry().fields().next().getValue().asText();
            if (fact.entry().has("shelf-life") && fact.shelfLife().isEmpty()) {
                stale.add(where + ": shelf-life '" + fact.entry().get("shelf-life").asText() + "' is not Nd, Nm or Ny");
            } else if (fact.expires().isPresent() && today.isAfter(fact.expires().get())) {
                stale.add(where + ": checked " + fact.checked().orElseThrow() + ", held until " + fact.expires().get()
                        + "; re-check it against its source (" + fact.source() + ")");
            }
        }
        return stale;
    }

    @Test
    void noBundledFactIsPastItsShelfLife() {
        assertEquals(List.of(), stale(KnowledgeBase.bundled().facts(), LocalDate.now()));
    }

    @Test
    void aFactPastItsShelfLifeIsReported() {
        ObjectNode entry = JsonNodeFactory.instance.objectNode().put("label", "ubuntu-24.04")
                .put("source", "docs").put("checked", "2026-12-03").put("shelf-life", "1y");
        List<KnowledgeBase.Fact> facts = List.of(new KnowledgeBase.Fact("runners", "runners", entry));
        assertEquals(List.of(), stale(facts, LocalDate.of(2027, 12, 3)), "the last day still holds");
        assertEquals(1, stale(facts, LocalDate.of(2027, 12, 4)).size());
        entry.put("shelf-life", "a year");
        assertEquals(1, stale(facts, LocalDate.of(2026, 12, 4)).size(), "an unreadable shelf life is reported");
    }
}
