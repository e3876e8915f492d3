package dev.vlint.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CudaArchTableTest {
    private final CudaArchTable table = KnowledgeBase.bundled().cudaArchs();

    private static CudaArch arch(String s) {
        return CudaArch.parse(s).orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({
            "RTX 5090, 12.0", "NVIDIA GeForce RTX 5090, 12.0", "rtx 5090, 12.0", "RTX PRO 6000, 12.0",
            "RTX PRO 6000 Blackwell Max-Q, 12.0", "B200, 10.0", "GB200, 10.0", "B300, 10.3", "GB300, 10.3",
            "GB10, 12.1", "DGX Spark, 12.1", "H100, 9.0", "H200, 9.0", "GH200, 9.0", "L40S, 8.9", "L4, 8.9",
            "A40, 8.6", "A10, 8.6", "A100, 8.0", "T4, 7.5", "Tesla T4, 7.5", "V100, 7.0", "Jetson Orin, 8.7",
            "Jetson Thor, 11.0", "RTX 6000 Ada, 8.9", "RTX A6000, 8.6", "sm_120, 12.0", "8.6, 8.6",
            "NVIDIA A100-SXM4-80GB, 8.0", "NVIDIA H100 80GB HBM3, 9.0", "A10 PCIe, 8.6",
            "NVIDIA RTX PRO 6000 Blackwell Workstation Edition, 12.0",
    })
    void findsGpusByNameAliasOrArch(String name, String expected) {
        assertEquals(arch(expected), table.archOfGpu(name).orElseThrow());
    }

    @Test
    void unknownGpuIsEmpty() {
        assertTrue(table.gpu("RTX 9999").isEmpty());
        assertTrue(table.gpu("sm_42").isEmpty());
        assertTrue(table.gpu("A1000").isEmpty(), "a prefix must end at a word boundary");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12.0 | 12.8 | true |",
            "12.0 | 12.6 | false | CUDA 12.6 cannot compile sm_120 (needs 12.8+)",
            "12.1 | 12.8 | false | CUDA 12.8 cannot compile sm_121 (needs 12.9+)",
            "10.3 | 12.8.1 | false | CUDA 12.8 cannot compile sm_103 (needs 12.9+)",
            "10.3 | 12.9 | true |",
            "12.0f | 12.8 | false | CUDA 12.8 cannot compile sm_120f (needs 12.9+)",
            "12.0f | 12.9 | true |",
            "7.0 | 12.9 | true |",
            "7.0 | 13.0 | false | CUDA 13.0 cannot compile sm_70: removed in CUDA 13.0",
            "5.0 | 13.0.2 | false | CUDA 13.0 cannot compile sm_50: removed in CUDA 13.0",
            "10.1 | 13.0 | false | CUDA 13.0 cannot compile sm_101: removed in CUDA 13.0 (renumbered sm_110)",
            "10.1 | 12.9 | true |",
            "11.0 | 12.9 | false | CUDA 12.9 cannot compile sm_110 (needs 13.0+)",
            "11.0 | 13.0 | true |",
            "7.5 | 13.0 | true |",
            "9.0a | 12.4 | true |",
            "8.6a | 12.8 | false | 8.6 has no 'a' variant: 'a' exists only for 9.0 and later",
            "9.0f | 13.0 | false | 9.0 has no 'f' variant: 'f' exists only for 10.0 and later",
            "10.1f | 12.9 | true |",
            "10.1f | 12.8 | false | CUDA 12.8 cannot compile sm_101f (needs 12.9+)",
            "10.1a | 13.0 | false | CUDA 13.0 cannot compile sm_101a: removed in CUDA 13.0 (renumbered sm_110)",
            "4.2 | 12.0 | false | unknown compute capability 4.2",
            "12.0 | 12.10 | true |",
    })
    void canCompileExplainsWhy(String a, String cuda, boolean ok, String reason) {
        CudaArchTable.Verdict v = table.canCompile(arch(a), cuda);
        assertEquals(ok, v.ok(), v.reason());
        assertEquals(reason == null ? "" : reason, v.reason());
    }

    @ParameterizedTest
    @CsvSource({
            // binary, isPtx, gpu, runs
            "8.0, false, 8.6, true",
            "8.6, false, 8.0, false",
            "8.6, false, 9.0, false",
            "10.0, false, 12.0, false",
            "12.0, false, 12.1, true",
            "10.0, false, 10.3, true",
            "8.0, true, 12.0, true",
            "10.0, true, 12.0, true",
            "9.0, true, 8.9, false",
            "9.0a, false, 9.0, true",
            "9.0a, true, 10.0, false",
            "10.0a, false, 10.3, false",
            "10.0f, false, 10.3, true",
            "10.0f, true, 10.3, true",
            "10.0f, false, 12.0, false",
            "10.3f, false, 10.0, false",
    })
    void runsOnFollowsCompatibilityRules(String binary, boolean ptx, String gpu, boolean runs) {
        assertEquals(runs, CudaArchTable.runsOn(arch(binary), ptx, arch(gpu)).ok());
    }

    @Test
    void sm100CubinOnRtx5090NamesBothArchs() {
        CudaArchTable.Verdict v = CudaArchTable.runsOn(arch("10.0"), false, table.archOfGpu("RTX 5090").orElseThrow());
        assertFalse(v.ok());
        assertTrue(v.reason().contains("sm_100") && v.reason().contains("sm_120"), v.reason());
    }

    @Test
    void compilableByMatchesCmakeAllSets() {
        // CMake's CUDA >= 13 'all' set [S5]
        assertEquals(List.of("7.5", "8.0", "8.6", "8.7", "8.8", "8.9", "9.0", "10.0", "10.3", "11.0", "12.0", "12.1"),
                table.compilableBy("13.0").stream().map(CudaArch::toString).toList());
        assertTrue(table.compilableBy("12.8").containsAll(List.of(arch("5.0"), arch("10.1"), arch("12.0"))));
        assertFalse(table.compilableBy("12.8").contains(arch("12.1")));
    }

    @Test
    void firstToolkitAndRemoval() {
        assertEquals("12.8", table.firstCuda(arch("sm_120")).orElseThrow());
        assertEquals("13.0", table.removedIn(arch("7.2")).orElseThrow());
        assertTrue(table.removedIn(arch("7.5")).isEmpty());
    }
}
