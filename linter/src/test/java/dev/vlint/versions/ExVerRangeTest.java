package dev.vlint.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExVerRangeTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "*", "!", ">=1.0:0", "^1.2.3", "~1.2.3", ">=1.2.3:0 && <2.0.0:0", ">1.2.3:4", "!(>=1:1 && <= 2:2)",
        "=#nvidia:0.20.0:0.1", "!=1.0", "<1.0:0 || >=2.0:0", ">=1.0:0 <2.0:0", "( >=1:0 )",
        // the PEG reads this as the atoms 1.0.0-rc and 0
        "1.0.0-rc0",
    })
    void validRanges(String text) {
        assertNull(ExVerRange.check(text), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "a;0", ">=;2", "1..3;2", "(>=1:0;6", "'>=1:0 ||';8", "'1:0 ||  ';8", "#NV:1.0;1", ">=1.0:0 && a;11",
    })
    void invalidRangesReportTheFarthestPoint(String text, int offset) {
        ExVer.Error error = ExVerRange.check(text);
        assertEquals(offset, error.offset(), error.message());
        assertTrue(error.message().startsWith("invalid version range"));
    }

    @Test
    void emptyAndDeeplyNestedRangesAreErrorsNotCrashes() {
        assertEquals(0, ExVerRange.check("").offset());
        assertTrue(ExVerRange.check("!".repeat(100_000) + "a") != null);
        assertTrue(ExVerRange.check("(".repeat(100_000)) != null);
    }

    @Property
    void neverThrows(@ForAll String text) {
        ExVer.Error error = ExVerRange.check(text);
        if (error != null) {
            assertTrue(error.offset() >= 0 && error.offset() <= text.length());
        }
    }
}
