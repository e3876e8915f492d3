package dev.vlint.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionsTest {

    @ParameterizedTest
    @CsvSource({
            "12.8, 12.10, -1", "12.8, 12.8.0, 0", "12.8.1, 12.8, 1", "2.7.0a0, 2.7.0, -1", "13.0, 12.9, 1",
            "2.10, 2.9, 1", "11.8, 11.8, 0",
    })
    void comparesReleaseNumbers(String a, String b, int sign) {
        assertEquals(sign, Integer.signum(Versions.compare(a, b)));
    }

    @ParameterizedTest
    @CsvSource({"12.8.1, 12.8", "13, 13.0", "12.10.2, 12.10"})
    void majorMinor(String in, String out) {
        assertEquals(out, Versions.majorMinor(in));
    }
}
