package dev.vlint.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunnersProjectsCachesTest {
    private final KnowledgeBase kb = KnowledgeBase.bundled();

    @ParameterizedTest
    @CsvSource({"ubuntu-latest, x64", "ubuntu-24.04, x64", "ubuntu-22.04, x64", "ubuntu-24.04-arm, arm64",
            "UBUNTU-22.04-ARM, arm64", "ubuntu-26.04, x64", "ubuntu-26.04-arm, arm64", "ubuntu-slim, x64"})
    void runnerLabels(String label, String arch) {
        Runners.Runner r = kb.runners().runner(label).orElseThrow();
        assertEquals(arch, r.arch());
        assertEquals(14, r.diskGb());
    }

    @Test
    void hostedAndRetiredLabels() {
        assertTrue(kb.runners().isHostedLabel("Windows-2025"));
        assertTrue(kb.runners().isHostedLabel("ubuntu-24.04"));
        assertTrue(!kb.runners().isHostedLabel("ubuntu-20.04"));
        assertEquals("2025-04-15", kb.runners().retiredLabel("ubuntu-20.04").orElseThrow().removed());
        assertTrue(kb.runners().hostedLabels().containsAll(List.of("ubuntu-latest", "macos-15", "windows-latest")));
    }

    @Test
    void unknownRunnerIsEmpty() {
        assertTrue(kb.runners().runner("self-hosted").isEmpty());
    }

    @Test
    void freeDiskSpaceActionInputs() {
        Runners.CleanupAction a = kb.runners().cleanupAction("jlumbroso/free-disk-space@main").orElseThrow();
        assertEquals(31.9, Runners.freedGb(a, Map.of()), 1e-9);
        assertEquals(26.0, Runners.freedGb(a, Map.of("tool-cache", "false")), 1e-9);
        assertEquals(76, Runners.freedGb(kb.runners().cleanupAction("easimon/maximize-build-space@v10").orElseThrow(),
                Map.of()));
        assertEquals(2.7, kb.runners().cleanupPath("/usr/share/dotnet/").orElseThrow().gb());
    }

    @ParameterizedTest
    @CsvSource({"vllm", "VLLM", "flash-attn", "flash_attn", "Flash.Attn", "xformers", "flashinfer",
            "flashinfer-python", "torchvision", "torchaudio"})
    void knownProjectsDependOnTorch(String name) {
        KnownProjects.KnownProject p = kb.projects().project(name).orElseThrow();
        assertTrue(p.dependsOnTorch());
    }

    @Test
    void vllmFacts() {
        KnownProjects.KnownProject vllm = kb.projects().project("vllm").orElseThrow();
        assertTrue(vllm.usesSetuptools());
        assertTrue(vllm.scmVersionWithoutDistName());
        assertEquals(KnownProjects.TorchBuildRequirement.EXACT, vllm.buildRequiresTorch());
        assertEquals("CMAKE_ARGS", vllm.cmakeArgsEnv().orElseThrow());
        assertEquals("Apache-2.0", vllm.pep639License().orElseThrow());
        assertTrue(kb.projects().project("xformers").orElseThrow().pep639License().isEmpty());
        KnownProjects.FetchContentDep triton = vllm.fetchContent().stream()
                .filter(d -> d.name().equals("triton_kernels")).findFirst().orElseThrow();
        assertEquals("TRITON_KERNELS_SRC_DIR", triton.srcDirVar());
        assertEquals("FETCHCONTENT_SOURCE_DIR_TRITON_KERNELS", triton.fetchContentSourceDirVar());
        assertTrue(triton.large());
        assertEquals(KnownProjects.TorchBuildRequirement.NONE,
                kb.projects().project("flashinfer").orElseThrow().buildRequiresTorch());
        assertTrue(kb.projects().project("numpy").isEmpty());
        assertTrue(kb.projects().project(null).isEmpty(), "a clone URL without a name gives none");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "vllm | 0.15.1 | ==2.9.1", "vllm | v0.16.0 | ==2.9.1", "vllm | 0.19.0 | ==2.10.0", "vllm | 0.9.2 | ==2.7.0",
            "xformers | 0.0.31 | ==2.7.1", "xformers | 0.0.35 | >=2.10", "torchvision | 0.24.1 | ==2.9.1",
    })
    void releasePins(String project, String release, String torch) {
        assertEquals(torch, kb.projects().project(project).orElseThrow().torchPin(release).orElseThrow().torch());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "vllm | 0.15.1 | EXACT", "vllm | | EXACT", "flash-attn | 2.8.3 | ANY", "flashinfer | | ANY",
            "xformers | 0.0.34 | EXACT", "xformers | 0.0.35 | RANGE", "xformers | | RANGE",
            "torchaudio | 2.7.1 | EXACT", "torchaudio | 2.10.0 | UNKNOWN", "torchaudio | 2.11.0 | NONE", "torchaudio | | NONE",
    })
    void runtimeTorchKindPerRelease(String project, String release, KnownProjects.PinKind kind) {
        assertEquals(kind, kb.projects().project(project).orElseThrow().runtimeTorch(release).kind());
    }

    @Test
    void releasesBuiltForATorch() {
        KnownProjects.KnownProject vllm = kb.projects().project("vllm").orElseThrow();
        assertEquals(List.of("0.17.1", "0.18.0", "0.19.0"),
                vllm.releasesPinning("2.10.0+cu128").stream().map(KnownProjects.TorchPin::release).toList());
        assertEquals("0.24.0", vllm.newestPin().orElseThrow().release());
        assertTrue(vllm.torchPin("0.12.0").isEmpty(), "a release nobody verified has no pin");
    }

    @Test
    void tritonKernelsFetchWindow() {
        KnownProjects.FetchContentDep triton = kb.projects().project("vllm").orElseThrow().fetchContent().stream()
                .filter(d -> d.name().equals("triton_kernels")).findFirst().orElseThrow();
        assertTrue(triton.fetchedBy("0.15.1") && triton.fetchedBy("0.12.0") && triton.fetchedBy(null));
        assertTrue(!triton.fetchedBy("0.11.2") && !triton.fetchedBy("0.9.2"));
        assertTrue(triton.fetchedFor("cuda") && triton.fetchedFor("ROCm") && !triton.fetchedFor("cpu"));
    }

    @Test
    void runnerFreeDiskIsARange() {
        Runners.Runner r = kb.runners().runner("ubuntu-24.04").orElseThrow();
        assertEquals(14, r.freeGb());
        assertEquals(90, r.maxFreeGb().orElseThrow());
        assertTrue(kb.runners().runner("ubuntu-26.04-arm").orElseThrow().maxFreeGb().isEmpty());
        assertTrue(kb.runners().runner("ubuntu-slim").orElseThrow().container());
        assertTrue(kb.runners().nativeBuildRunners("x64").stream().noneMatch(Runners.Runner::container));
    }

    @ParameterizedTest
    @CsvSource({
            "/root/.cache/pip, true", "/root/.cache/pip/, true", "~/.cache/pip, true", "$HOME/.cache/uv, true",
            "/var/cache/apt, true", "/var/lib/apt, true", "/root/.npm, true", "/usr/local/cargo/registry, true",
            "${CARGO_HOME}/registry, true", "$CARGO_HOME/registry, true", "/go/pkg/mod, true", "/root/go/pkg/mod, true",
            "/root/.cache/huggingface, true", "/root/.ccache, true", "/root/.cache/ccache, true",
            "/vllm-workspace/.deps, false", "/root/.cache, false", "'\"/root/.cache/pip\"', true",
            "/var/lib/apt/lists, true", "/root/.cache/pip/http, true", "/home/app/.cache/uv, true",
            "/home/app/.cache, false", "/var/libx, false",
    })
    void platformKeyedPackageCaches(String target, boolean safe) {
        assertEquals(safe, kb.packageCaches().isPlatformKeyedPackageCache(target), target);
    }

    @Test
    void aVariableThatRelocatesACacheNamesItsTool() {
        assertEquals("uv", kb.packageCaches().relocatedBy("UV_CACHE_DIR").orElseThrow().manager());
        assertTrue(kb.packageCaches().relocatedBy("TORCH_HOME").isEmpty());
    }

    @Test
    void ccacheIsSafeToShareBecauseItsHashIncludesTheCompiler() {
        PackageCaches.PackageCache c = kb.packageCaches().lookup("/root/.ccache").orElseThrow();
        assertEquals("ccache", c.manager());
        assertTrue(c.platformSafe());
    }
}
