package dev.vlint.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TorchReleasesTest {
    private final TorchReleases torch = KnowledgeBase.bundled().torch();

    @ParameterizedTest
    @CsvSource({
            "2.7, 2.7", "2.7.1, 2.7", "2.11.0+cu130, 2.11", "2.7.0a0+79aa17489c.nv25.02, 2.7", "2.10.0a0+b4e4ee81d3, 2.10",
            "2.0.1, 2.0",
    })
    void findsTheReleaseLine(String version, String line) {
        assertEquals(line, torch.release(version).orElseThrow().version());
    }

    @Test
    void unknownOrInvalidVersionsAreEmpty() {
        assertTrue(torch.release("1.13.1").isEmpty());
        assertTrue(torch.release("not-a-version").isEmpty());
    }

    @Test
    void releaseFacts() {
        TorchReleases.Release r = torch.release("2.7.0").orElseThrow();
        assertEquals(List.of("cu118", "cu126", "cu128"), r.variants());
        assertEquals(List.of("11.8", "12.6", "12.8"), r.cudaVersions());
        assertEquals("3.9", r.pythonMin());
        assertEquals("3.13", r.pythonMax());
        assertEquals("2.14", torch.releases().get(torch.releases().size() - 1).version(), "sorted by version");
        assertEquals(List.of("cu126", "cu130", "cu132"), torch.release("2.12.0").orElseThrow().variants(),
                "2.12 drops cu128");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cu128 | 12.8", "cu130 | 13.0", "cu118 | 11.8", "CU126 | 12.6", "cpu | ", "rocm6.2 | ",
    })
    void cudaOfVariant(String variant, String cuda) {
        assertEquals(Optional.ofNullable(cuda), TorchReleases.cudaOfVariant(variant));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2.11.0+cu130 | 13.0", "2.7.1+cu128 | 12.8", "2.7.1 | ", "2.7.1+cpu | ", "2.7.0a0+79aa17489c.nv25.02 | ",
    })
    void cudaOfVersion(String version, String cuda) {
        assertEquals(Optional.ofNullable(cuda), TorchReleases.cudaOfVersion(version));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://download.pytorch.org/whl/cu128 | 12.8", "https://download.pytorch.org/whl/cu130/ | 13.0",
            "https://download.pytorch.org/whl/nightly/cu129 | 12.9", "https://download.pytorch.org/whl/cpu | ",
            "https://pypi.org/simple | ",
    })
    void cudaOfIndexUrl(String url, String cuda) {
        assertEquals(Optional.ofNullable(cuda), TorchReleases.cudaOfIndexUrl(url));
    }

    @Test
    void blackwellNeedsTorch27WithCu128() {
        TorchReleases.ArchSupport s = torch.firstReleaseFor(CudaArch.parse("sm_120a").orElseThrow()).orElseThrow();
        assertEquals("2.7", s.release());
        assertEquals("cu128", s.variant());
        assertEquals("2.7", torch.firstReleaseFor(CudaArch.parse("10.0").orElseThrow()).orElseThrow().release());
        assertTrue(torch.firstReleaseFor(CudaArch.parse("9.0").orElseThrow()).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({
            "2.6.0, 2.7, true", "2.7.0a0+6c54963f75, 2.7, true", "2.7.0, 2.7, false", "2.7.1+cu128, 2.7, false",
            "2.8.0a0+5228986c39, 2.7, false",
    })
    void isOlderThan(String version, String release, boolean older) {
        assertEquals(older, TorchReleases.isOlderThan(version, release).orElseThrow());
    }

    @Test
    void featureLookupByNameOrAlias() {
        assertEquals("2.7", torch.feature("Float8_e8m0fnu").orElseThrow().release());
        assertEquals("Float8_e8m0fnu", torch.feature("at::ScalarType::Float8_e8m0fnu").orElseThrow().name());
        assertTrue(torch.feature("Float4_e2m1fn_x2").isEmpty());
    }

    @Test
    void everyWheelArchListParses() {
        CudaArchTable table = KnowledgeBase.bundled().cudaArchs();
        for (TorchReleases.WheelArchs w : torch.wheelArchs()) {
            assertTrue(ArchList.parseTorch(w.archs(), table).problems().isEmpty(), w.toString());
        }
        ArchList cu126 = ArchList.parseTorch(torch.wheelArchs("2.8.0", "cu126", "x86_64").orElseThrow().archs(), table);
        assertTrue(cu126.entriesRunningOn(table.archOfGpu("RTX 5080").orElseThrow()).isEmpty(),
                "cu126 wheels do not run on sm_120");
        ArchList cu128 = ArchList.parseTorch(torch.wheelArchs("2.8.0", "cu128", "x86_64").orElseThrow().archs(), table);
        assertTrue(cu128.sassArchs().contains(CudaArch.of(12, 0)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2.7.1 | cu128 | x86_64 | 7.5;8.0;8.6;9.0;10.0;12.0",
            "2.8.0 | cu128 | x86_64 | 7.0;7.5;8.0;8.6;9.0;10.0;12.0",
            "2.10.0 | cu128 | x86_64 | 7.0;7.5;8.0;8.6;9.0;10.0;12.0",
            "2.11.0 | cu128 | x86_64 | 7.5;8.0;8.6;9.0;10.0;12.0",
            "2.9.1 | cu130 | x86_64 | 7.5;8.0;8.6;9.0;10.0;12.0+PTX",
            "2.13.0 | cu130 | aarch64 | 8.0;9.0;10.0;11.0;12.0+PTX",
            "2.14 | cu126 | aarch64 | 8.0;9.0",
    })
    void wheelArchListsPerReleaseAndMachine(String release, String variant, String platform, String archs) {
        assertEquals(archs, torch.wheelArchs(release, variant, platform).orElseThrow().archs());
    }

    @Test
    void unknownWheelArchListsAreEmpty() {
        assertTrue(torch.wheelArchs("2.12.0", "cu128", "x86_64").isEmpty(), "2.12 has no cu128 wheels");
        assertTrue(torch.wheelArchs("2.6.0", "cu126", "x86_64").isEmpty(), "not recorded");
    }
}
