package dev.vlint.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The facts behind the seed post-mortems, asked the way rules will ask them. */
class SeedScenariosTest {
    private final KnowledgeBase kb = KnowledgeBase.bundled();
    private final CudaArchTable archs = kb.cudaArchs();

    /** Seed 001: vLLM from source on nvcr.io/nvidia/pytorch:25.02-py3 for A40/A100/L40S/H100/RTX 5090. */
    @Test
    void ngc2502BuildForRtx5090() {
        BaseImages.ImageFacts base = kb.images().resolve("nvcr.io/nvidia/pytorch:25.02-py3").orElseThrow();
        String cuda = base.cuda().orElseThrow();
        ArchList list = ArchList.parseTorch("8.0;8.6;8.9;9.0;12.0", archs);
        for (CudaArch a : list.sassArchs()) {
            assertTrue(archs.canCompile(a, cuda).ok(), a + " on CUDA " + cuda);
        }
        for (String gpu : List.of("A40", "A100", "L40S", "H100", "RTX 5090")) {
            assertFalse(list.entriesRunningOn(archs.archOfGpu(gpu).orElseThrow()).isEmpty(), gpu);
        }
        // The wrong intermediate commit: 10.0 instead of 12.0 leaves the RTX 5090 without code.
        ArchList wrong = ArchList.parseTorch("8.0;8.6;8.9;9.0;10.0", archs);
        assertTrue(wrong.entriesRunningOn(archs.archOfGpu("RTX 5090").orElseThrow()).isEmpty());

        // The image's torch is a 2.7 pre-release, older than the first release with Float8_e8m0fnu.
        String needed = kb.torch().feature("Float8_e8m0fnu").orElseThrow().release();
        assertTrue(TorchReleases.isOlderThan(base.torch().orElseThrow(), needed).orElseThrow());

        // Cleanup: /opt/hpcx breaks torch; the final cleanup list does not.
        assertFalse(base.linkedDirsDeletedBy("/opt/hpcx").isEmpty());
        for (String path : List.of("/opt/nvidia/nsight-systems*", "/usr/local/cuda/samples",
                "/usr/local/cuda/extras/CUPTI/samples", "/usr/local/cuda/compute-sanitizer", "/usr/share/doc")) {
            assertTrue(base.linkedDirsDeletedBy(path).isEmpty(), path);
        }

        // -C cmake.define is ignored by vLLM's backend; the triton clone has its own override.
        KnownProjects.KnownProject vllm = kb.projects().project("vllm").orElseThrow();
        assertTrue(vllm.usesSetuptools());
        assertTrue(vllm.fetchContent().stream().anyMatch(
                d -> d.large() && d.fetchContentSourceDirVar().equals("FETCHCONTENT_SOURCE_DIR_TRITON_KERNELS")));
    }

    /** Seed 004: nvidia/cuda:13.2.0-devel with torch 2.11.0 from cu130 for a GB10, wheel pinning torch 2.10. */
    @Test
    void dgxSparkImage() {
        BaseImages.ImageFacts base = kb.images().resolve("nvidia/cuda:13.2.0-devel-ubuntu24.04").orElseThrow();
        String cuda = base.cuda().orElseThrow();
        ArchList list = ArchList.parseTorch("12.1a", archs);
        assertTrue(archs.canCompile(list.sassArchs().get(0), cuda).ok());
        assertFalse(list.entriesRunningOn(archs.archOfGpu("DGX Spark").orElseThrow()).isEmpty());
        String torchCuda = TorchReleases.cudaOfIndexUrl("https://download.pytorch.org/whl/cu130").orElseThrow();
        assertEquals(Versions.majorMinor(cuda).split("\\.")[0], torchCuda.split("\\.")[0]);
        Pep440.SpecifierSet wheelPin = Pep440.SpecifierSet.parse("==2.10.0").orElseThrow();
        assertFalse(wheelPin.contains(Pep440.parse("2.11.0+cu130").orElseThrow()));
    }

    /** Seed 000: two vLLM CUDA images on one 14 GB runner; a .deps cache mount shared by two platforms. */
    @Test
    void startosPackaging() {
        BaseImages.ImageFacts vllm = kb.images().resolve("vllm/vllm-openai:nightly").orElseThrow();
        double need = 0;
        for (String platform : List.of("linux/amd64", "linux/arm64")) {
            BaseImages.Size size = vllm.size(platform).orElseThrow();
            // unpacked layers plus the compressed copy held while pulling
            need += size.uncompressedOrEstimate() + size.compressedGb().orElseThrow();
        }
        double free = kb.runners().runner("ubuntu-latest").orElseThrow().freeGb();
        assertTrue(need > free, "cleanup commented out: " + need + " GB needed, " + free + " GB free");
        double afterCleanup = free + Runners.freedGb(
                kb.runners().cleanupAction("jlumbroso/free-disk-space@main").orElseThrow(), Map.of());
        assertTrue(need > afterCleanup, "even after cleanup: " + need + " GB needed, " + afterCleanup + " GB free");
        assertFalse(kb.packageCaches().isPlatformKeyedPackageCache("/vllm-workspace/.deps"));
        assertTrue(kb.projects().project("vllm").orElseThrow().scmVersionWithoutDistName());
    }
}
