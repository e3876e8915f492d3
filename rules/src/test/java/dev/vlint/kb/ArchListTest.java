package dev.vlint.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArchListTest {
    private final CudaArchTable table = KnowledgeBase.bundled().cudaArchs();

    /** Renders entries as "arch[S][P]@start-end" so one string states the whole result. */
    private static String render(ArchList list) {
        return list.entries().stream()
                .map(e -> e.arch() + (e.sass() ? "S" : "") + (e.ptx() ? "P" : "") + "@" + e.start() + "-" + e.end())
                .collect(Collectors.joining(" "));
    }

    private static String problems(ArchList list) {
        return list.problems().stream()
                .map(p -> p.start() + "-" + p.end() + ": " + p.message())
                .collect(Collectors.joining(" | "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "8.0;8.6;8.9;9.0;12.0 | 8.0S@0-3 8.6S@4-7 8.9S@8-11 9.0S@12-15 12.0S@16-20",
            "8.0 8.6+PTX | 8.0S@0-3 8.6SP@4-11",
            "' 9.0a ; 12.0 ' | 9.0aS@1-5 12.0S@8-12",
            "Ampere;Hopper | 8.0S@0-6 8.6SP@0-6 9.0SP@7-13",
            "Ampere+Tegra | 8.7S@0-12",
            "12.1a | 12.1aS@0-5",
            "Blackwell | 10.0S@0-9 10.3S@0-9 12.0S@0-9 12.1SP@0-9",
    })
    void torchEntriesKeepOffsets(String text, String expected) {
        ArchList list = ArchList.parseTorch(text, table);
        assertEquals("", problems(list));
        assertEquals(expected, render(list));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "8.0;8.6a | 4-8: 8.6 has no 'a' variant: 'a' exists only for 9.0 and later",
            "12.O | 0-4: '12.O' is not a compute capability: 'O' is not a number",
            "X.0 | 0-3: 'X.0' is not a compute capability: 'X' is not a number",
            "12.0f | 0-5: TORCH_CUDA_ARCH_LIST does not accept 'f' suffixes: torch raises 'Unknown CUDA arch (12.0f)'; use 12.0 or 12.0a",
            "9.0;86 | 4-6: TORCH_CUDA_ARCH_LIST wants X.Y: write 8.6 instead of 86",
            "sm_90 | 0-5: TORCH_CUDA_ARCH_LIST wants X.Y: write 9.0 instead of sm_90",
            "8.6+ptx | 0-7: '+PTX' must be written in upper case: torch does not recognise '8.6+ptx'",
            "4.2 | 0-3: unknown compute capability 4.2",
            "8.10 | 0-4: '8.10' is not a compute capability: the minor version is one digit",
    })
    void torchProblemsPointAtTheEntry(String text, String expected) {
        assertEquals(expected, problems(ArchList.parseTorch(text, table)));
    }

    @Test
    void torchKeepsValidEntriesNextToBadOnes() {
        ArchList list = ArchList.parseTorch("8.0;12.O;12.0", table);
        assertEquals("8.0S@0-3 12.0S@9-13", render(list));
        assertEquals(1, list.problems().size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "80;86;90a | 8.0SP@0-2 8.6SP@3-5 9.0aSP@6-9",
            "70-real;72-virtual | 7.0S@0-7 7.2P@8-18",
            "' 120 ; 100f-real' | 12.0SP@1-4 10.0fS@7-16",
    })
    void cmakeEntries(String text, String expected) {
        ArchList list = ArchList.parseCmake(text, table);
        assertEquals("", problems(list));
        assertEquals(expected, render(list));
    }

    @ParameterizedTest
    @CsvSource({"all, all", "all-major, all-major", "native, native", "OFF, OFF", "False, OFF"})
    void cmakeSpecialValues(String text, String keyword) {
        ArchList list = ArchList.parseCmake(text, table);
        assertEquals(keyword, list.special().orElseThrow());
        assertTrue(list.entries().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "80;8.6 | 3-6: CMake wants the number without dot or prefix: write 86 instead of 8.6",
            "sm_90 | 0-5: CMake wants the number without dot or prefix: write 90 instead of sm_90",
            "80 86 | 0-5: CMake architecture lists are separated by ';', not spaces",
            "86a | 0-3: 8.6 has no 'a' variant: 'a' exists only for 9.0 and later",
            "80;all | 3-6: 'all' must be the only value of the architecture list",
            "90-fast | 0-7: '90-fast' is not a CUDA architecture (expected a number like 86, 90a, 80-real, or all, all-major, native, OFF)",
    })
    void cmakeProblems(String text, String expected) {
        assertEquals(expected, problems(ArchList.parseCmake(text, table)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-gencode arch=compute_90,code=sm_90 | 9.0S@30-35",
            "-gencode=arch=compute_80,code=[sm_80,compute_80] | 8.0S@31-36 8.0P@37-47",
            "--generate-code arch=compute_121,code=sm_121 | 12.1S@38-44",
            "-gencode \"arch=compute_100f,code=sm_103\" | 10.3S@33-39",
            "-arch=sm_86 | 8.6SP@6-11",
            "-arch compute_80 | 8.0P@6-16",
            "-O3 -arch=compute_90a -code=sm_90a,compute_90a --use_fast_math | 9.0aS@28-34 9.0aP@35-46",
            "-gencode arch=compute_100,code=sm_120 | 12.0S@31-37",
            "-gencode 'arch=compute_80,code=[sm_80, compute_80]' -O2 | 8.0S@32-37 8.0P@39-49",
            "-gencode=\"arch=compute_90a,code=sm_90a\" | 9.0aS@32-38",
    })
    void nvccEntries(String flags, String expected) {
        ArchList list = ArchList.parseNvcc(flags, table);
        assertEquals("", problems(list));
        assertEquals(expected, render(list));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-gencode arch=compute_100f,code=sm_120 | 32-38: incompatible code generation: arch=compute_100f cannot produce sm_120 (compute_100f code runs only on 10.x GPUs from 10.0)",
            "-gencode arch=compute_100a,code=sm_103a | 32-39: incompatible code generation: arch=compute_100a cannot produce sm_103a (compute_100a code is arch-specific and runs only on 10.0)",
            "-gencode arch=sm_90,code=sm_90 | 14-19: arch= takes a virtual architecture: write compute_90",
            "-gencode arch=compute_86a,code=sm_86a | 14-25: 8.6 has no 'a' variant: 'a' exists only for 9.0 and later",
            "-arch=sm_12O | 6-12: 'sm_12O' is not an nvcc architecture (expected sm_XY or compute_XY)",
            "-gencode code=sm_80 | 9-19: -gencode needs arch=compute_XY,code=...: 'code=sm_80'",
    })
    void nvccProblems(String flags, String expected) {
        assertEquals(expected, problems(ArchList.parseNvcc(flags, table)));
    }

    @Test
    void nvccSpecialArch() {
        assertEquals("native", ArchList.parseNvcc("-arch=native", table).special().orElseThrow());
    }

    @Test
    void coverageOfTargetGpus() {
        CudaArch rtx5090 = table.archOfGpu("RTX 5090").orElseThrow();
        assertTrue(ArchList.parseTorch("8.0;9.0;10.0", table).entriesRunningOn(rtx5090).isEmpty());
        assertEquals(List.of(CudaArch.of(9, 0)),
                ArchList.parseTorch("8.0;9.0+PTX;10.0", table).entriesRunningOn(rtx5090).stream()
                        .map(ArchList.Entry::arch).toList());
        assertEquals(List.of(CudaArch.of(12, 0)),
                ArchList.parseTorch("8.0;12.0", table).entriesRunningOn(table.archOfGpu("GB10").orElseThrow())
                        .stream().map(ArchList.Entry::arch).toList());
    }

    @Test
    void sassAndPtxArchs() {
        ArchList list = ArchList.parseCmake("80-real;90", table);
        assertEquals(List.of(CudaArch.of(8, 0), CudaArch.of(9, 0)), list.sassArchs());
        assertEquals(List.of(CudaArch.of(9, 0)), list.ptxArchs());
    }
}
