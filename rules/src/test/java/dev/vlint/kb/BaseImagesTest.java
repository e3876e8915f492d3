package dev.vlint.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaseImagesTest {
    private final BaseImages images = KnowledgeBase.bundled().images();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nvidia/cuda:12.8.1-cudnn-devel-ubuntu24.04 | 12.8.1 | devel | cudnn | ubuntu24.04",
            "nvidia/cuda:13.2.0-devel-ubuntu24.04 | 13.2.0 | devel | | ubuntu24.04",
            "docker.io/nvidia/cuda:12.1.0-cudnn8-runtime-ubuntu22.04 | 12.1.0 | runtime | cudnn8 | ubuntu22.04",
            "nvidia/cuda:12.4.1-base-rockylinux9@sha256:abc | 12.4.1 | base | | rockylinux9",
            "nvcr.io/nvidia/cuda:12.6.3-devel-ubuntu22.04 | 12.6.3 | devel | | ubuntu22.04",
    })
    void parsesNvidiaCudaTags(String ref, String cuda, String flavor, String cudnn, String os) {
        BaseImages.ImageFacts f = images.resolve(ref).orElseThrow();
        assertEquals("nvidia/cuda", f.repository());
        assertEquals(Optional.of(cuda), f.cuda());
        assertEquals(Optional.of(flavor), f.flavor());
        assertEquals(Optional.ofNullable(cudnn), f.cudnn());
        assertEquals(Optional.of(os), f.os());
        assertFalse(f.linkedDirs().isEmpty());
    }

    @Test
    void ngcPytorchFacts() {
        BaseImages.ImageFacts f = images.resolve("nvcr.io/nvidia/pytorch:25.02-py3").orElseThrow();
        assertEquals(Optional.of("12.8.0"), f.cuda());
        assertEquals(Optional.of("2.7.0a0+6c54963f75"), f.torch());
        assertEquals(Optional.of("3.12"), f.python());
        assertEquals(Optional.of("ubuntu24.04"), f.os());
        assertEquals(Optional.of("70.3"), f.setuptools());
        assertEquals(Optional.empty(), images.resolve("nvcr.io/nvidia/pytorch:25.12-py3").orElseThrow().setuptools());
        assertEquals("/opt/hpcx", f.linkedDirsDeletedBy("/opt/hpcx").get(0).path());
        assertEquals("libmpi.so.40", f.linkedDirsDeletedBy("/opt/hpcx/").get(0).library());
        assertEquals(22, images.ngcPytorchTags().size());
        assertTrue(images.ngcPytorchTags().contains("24.01-py3"));
        assertTrue(images.ngcPytorchTags().contains("25.12-py3"));
    }

    @ParameterizedTest
    @CsvSource({
            "/opt/hpcx, true", "/opt/hpcx/, true", "/opt/hpcx/*, true", "/opt/hpcx*, true", "/opt, true",
            "/opt/hpcx/ompi, true", "/opt/hpcx/ompi/lib/libmpi.so.40, true", "/opt/hpcx/ucx, false",
            "/opt/nvidia/nsight-systems*, false", "/usr/local/cuda/samples, false",
            "/usr/local/cuda/extras/CUPTI/samples, false", "/usr/local/cuda, true", "/usr/local/cuda/lib64, true",
            "/, true", "opt/hpcx, false",
    })
    void ngcLinkedDirsDeletedBy(String rmPath, boolean deleted) {
        BaseImages.ImageFacts f = images.resolve("nvcr.io/nvidia/pytorch:25.02-py3").orElseThrow();
        assertEquals(deleted, !f.linkedDirsDeletedBy(rmPath).isEmpty(), rmPath);
    }

    @ParameterizedTest
    @CsvSource({
            "/usr/local/cuda-12.8/targets, true", "/usr/local/cuda-12.8/targets/x86_64-linux/lib, true",
            "/usr/local/cuda*/targets/*/lib/*, true", "/usr/local/cuda-12.8/targets/x86_64-linux/lib/libcublas_static.a, false",
            "/usr/local/cuda/doc, false",
    })
    void cudaLinkedDirsWithGlobs(String rmPath, boolean deleted) {
        BaseImages.ImageFacts f = images.resolve("nvidia/cuda:12.8.1-devel-ubuntu24.04").orElseThrow();
        assertEquals(deleted, !f.linkedDirsDeletedBy(rmPath).isEmpty(), rmPath);
    }

    @Test
    void sizes() {
        BaseImages.Size vllm = images.resolve("vllm/vllm-openai:v0.11.0").orElseThrow().size("linux/amd64").orElseThrow();
        assertEquals(28.6, vllm.uncompressedOrEstimate());
        assertTrue(vllm.estimated());
        BaseImages.ImageFacts nightly = images.resolve("vllm/vllm-openai:nightly").orElseThrow();
        assertEquals(9.9, nightly.size("linux/arm64").orElseThrow().compressedGb().getAsDouble());
        assertEquals(8.6 * BaseImages.UNCOMPRESSED_FACTOR,
                nightly.size("linux/amd64").orElseThrow().uncompressedOrEstimate(), 1e-9);
        assertTrue(nightly.size("linux/amd64").orElseThrow().uncompressedIsEstimate());
        assertEquals(10, images.resolve("nvidia/cuda:12.8.1-devel-ubuntu24.04").orElseThrow()
                .size("linux/amd64").orElseThrow().uncompressedOrEstimate());
    }

    @Test
    void unknownImagesAreEmpty() {
        assertTrue(images.resolve("ubuntu:24.04").isEmpty());
        assertTrue(images.resolve("ghcr.io/acme/thing:1").isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ubuntu | ubuntu | latest", "docker.io/library/ubuntu:24.04 | ubuntu | 24.04",
            "localhost:5000/x/y:1 | localhost:5000/x/y | 1", "nvcr.io/nvidia/pytorch:25.02-py3 | nvcr.io/nvidia/pytorch | 25.02-py3",
    })
    void imageRefs(String ref, String repo, String tag) {
        BaseImages.ImageRef r = BaseImages.ImageRef.parse(ref);
        assertEquals(repo, r.repository());
        assertEquals(tag, r.tag());
    }
}
