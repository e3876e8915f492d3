package dev.vlint.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CudaArchTest {

    @ParameterizedTest
    @CsvSource({
            "8.6, 8.6, 86, sm_86, compute_86",
            "86, 8.6, 86, sm_86, compute_86",
            "sm_86, 8.6, 86, sm_86, compute_86",
            "compute_90a, 9.0a, 90a, sm_90a, compute_90a",
            "12.0f, 12.0f, 120f, sm_120f, compute_120f",
            "sm_120a, 12.0a, 120a, sm_120a, compute_120a",
            "SM_121, 12.1, 121, sm_121, compute_121",
            "lto_100, 10.0, 100, sm_100, compute_100",
            "' 7.5 ', 7.5, 75, sm_75, compute_75",
    })
    void parsesEverySpelling(String text, String dotted, String number, String sm, String compute) {
        CudaArch a = CudaArch.parse(text).orElseThrow();
        assertEquals(dotted, a.toString());
        assertEquals(number, a.number());
        assertEquals(sm, a.sm());
        assertEquals(compute, a.compute());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12.O", "8", "8.10", "sm_8", "1234", "9.0b", "compute_", "sm_86+PTX", "Ampere"})
    void rejectsNonArchs(String text) {
        assertTrue(CudaArch.parse(text).isEmpty(), text);
    }

    @ParameterizedTest
    @CsvSource({"8.6, 9.0", "9.0, 9.0a", "9.0a, 10.0", "10.0, 12.0", "12.0, 12.1", "8.9, 10.3"})
    void ordersByCapabilityThenSuffix(String lower, String higher) {
        CudaArch a = CudaArch.parse(lower).orElseThrow();
        CudaArch b = CudaArch.parse(higher).orElseThrow();
        assertTrue(a.compareTo(b) < 0);
        assertTrue(b.compareTo(a) > 0);
    }
}
