package dev.vlint.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ExVerTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "0.21.1-rc.0:0", "1.2.3:4.5.6", "2-beta.123:0", "#nvidia:0.20.0:0.5-beta.0", "#nvidia:0.20.0:0.1",
        "0:0", "1.0.0-rc:0", "1.0.0-0:0", "1.0.0-RC.1:0", "01.002:003", "1.0.0:0-alpha.beta.1",
        // the grammar lets a segment carry its own leading dot
        "1.0.0-.rc:0", "1.0.0-rc..0:0",
    })
    void validVersions(String text) {
        ExVer.Result result = ExVer.parse(text);
        assertTrue(result.isValid(), () -> text + ": " + result.error());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.21.1-rc0:0|9|pre-release segment 'rc0' mixes letters and digits; write 'rc.0'",
        "1.0.0-beta1:0|10|pre-release segment 'beta1' mixes letters and digits; write 'beta.1'",
        "1.0.0-1rc:0|7|pre-release segment '1rc' mixes letters and digits; write '1.rc'",
        "1.0.0:0-rc0|10|pre-release segment 'rc0' mixes letters and digits; write 'rc.0'",
        "1.0.0-rc-1:0|8|unexpected '-' in upstream version",
        "1.0.0|5|missing ':' and downstream version (write e.g. '1.0.0:0')",
        "a|0|upstream version must start with a digit, found 'a'",
        "1..3:0|2|expected a digit after '.' in upstream version, found '.'",
        "v1.0:0|0|upstream version must start with a digit, found 'v'",
        "1.0:0:0|5|unexpected ':' in downstream version",
        "#NVIDIA:1:0|1|flavor must be lowercase letters followed by ':', found 'N'",
        "#nvidia|7|flavor must be followed by ':' and a version",
        "1.0.0+build:0|5|unexpected '+' in upstream version",
        "1.0.0-:0|6|pre-release segment must be letters or digits, found ':'",
        "1.0.0-rc.|9|empty pre-release segment at end of version",
        "1.0.0: 0|6|downstream version must start with a digit, found ' '",
        "1.0.0:|6|downstream version must start with a digit",
    })
    void invalidVersions(String text, int offset, String message) {
        ExVer.Result result = ExVer.parse(text);
        assertEquals(new ExVer.Error(offset, message), result.error());
        assertNull(result.value());
    }

    @Test
    void emptyStringIsInvalidAtZero() {
        assertEquals(0, ExVer.parse("").error().offset());
    }

    @Test
    void parsedPartsKeepTheirText() {
        ExVer v = ExVer.parse("#nvidia:0.20.0:0.5-beta.0").value();
        assertEquals("nvidia", v.flavor());
        assertEquals(List.of("0", "20", "0"), v.upstream().number());
        assertEquals(List.of("0", "5"), v.downstream().number());
        assertEquals(List.of("beta", "0"), v.downstream().prerelease());
        assertEquals("#nvidia:0.20.0:0.5-beta.0", v.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "0.21.1-rc0:0|0.21.1-rc.0:0",
        "1.0.0-beta1rc2:0|1.0.0-beta.1.rc.2:0",
        "#cuda:1.0-alpha2:0-rc1|#cuda:1.0-alpha.2:0-rc.1",
        "0.21.1-rc.0:0|null",
        "1.0.0-rc-1:0|null",
        "1.0.0|null",
        "#ab1:1:0|null",
    })
    void repairsOnlySplitLetterDigitRuns(String text, String expected) {
        assertEquals(expected, ExVer.suggestRepair(text));
    }

    @Property
    void neverThrowsAndErrorOffsetsStayInside(@ForAll String text) {
        ExVer.Result result = ExVer.parse(text);
        assertTrue(result.isValid() != (result.error() != null));
        if (result.error() != null) {
            assertTrue(result.error().offset() >= 0 && result.error().offset() <= text.length());
        } else {
            assertEquals(text.replace("-.", "-").replace("..", "."), result.value().toString());
        }
        String repair = ExVer.suggestRepair(text);
        if (repair != null) {
            assertTrue(ExVer.parse(repair).isValid());
        }
    }
}
