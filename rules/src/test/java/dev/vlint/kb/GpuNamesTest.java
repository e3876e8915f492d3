package dev.vlint.kb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GpuNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"RTX 5090", "NVIDIA GeForce RTX 5090", "dgx spark", "NVIDIA H100 80GB HBM3", "sm_120",
            "12.1", "90"})
    void knownGpusAndArchitectures(String name) {
        assertTrue(GpuNames.isKnown(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RTX 9090", "Lovelace", "sm_95", "12.7", ""})
    void unknownNames(String name) {
        assertFalse(GpuNames.isKnown(name), name);
    }
}
