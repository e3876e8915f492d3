package dev.vlint.rules.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.config.Config;
import dev.vlint.engine.Linter;
import dev.vlint.fix.Applicability;
import dev.vlint.fix.Fix;
import dev.vlint.project.ProjectLoader;
import dev.vlint.rule.Finding;
import dev.vlint.rules.BuiltinRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages, ranges and fixes of VL201-VL206 on small projects written on the fly. */
class CudaRulesTest {
    @TempDir
    Path root;

    private List<Finding> lint(String path, String text, List<String> gpus, String driverCuda) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Config config = new Config(Map.of(), List.of(), new Config.Targets(gpus, driverCuda, null));
        return new Linter(BuiltinRules.all()).lint(ProjectLoader.load(root, List.of(root), config, note -> {}))
                .stream().filter(f -> f.ruleId().startsWith("VL2")).toList();
    }

    private static String text(Finding f) {
        return f.file().slice(f.range());
    }

    @Test
    void toolkitTooOldNamesBothVersions() throws IOException {
        List<Finding> findings = lint("Dockerfile", """
                FROM nvidia/cuda:12.6.3-devel-ubuntu22.04
                ENV TORCH_CUDA_ARCH_LIST="8.0 12.0"
                """, List.of(), null);
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("VL202", f.ruleId());
        assertEquals("12.0", text(f));
        assertTrue(f.message().startsWith("CUDA 12.6 cannot compile sm_120; that needs CUDA 12.8 or newer"),
                f.message());
        assertTrue(f.message().contains("nvidia/cuda:12.6.3-devel-ubuntu22.04"), f.message());
    }

    @Test
    void renumberedArchSuggestsNewNumber() throws IOException {
        List<Finding> findings = lint("Dockerfile", """
                FROM nvidia/cuda:13.0.1-devel-ubuntu24.04
                ENV TORCH_CUDA_ARCH_LIST="10.1a"
                """, List.of(), null);
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).message().contains("renumbered it to sm_110a"), findings.get(0).message());
        assertTrue(findings.get(0).message().contains("Write 11.0a instead"), findings.get(0).message());
    }

    @Test
    void entriesFromAnArgAreReportedWhereWritten() throws IOException {
        String dockerfile = """
                FROM nvidia/cuda:12.8.1-devel-ubuntu24.04
                ARG ARCHS='8.0;12.O'
                ENV TORCH_CUDA_ARCH_LIST=${ARCHS}
                """;
        List<Finding> findings = lint("Dockerfile", dockerfile, List.of(), null);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("12.O", text(findings.get(0)));
        assertEquals(dockerfile.indexOf("12.O"), findings.get(0).range().start());
    }

    @Test
    void shellQuotesAndBuildArgsKeepExactRanges() throws IOException {
        List<Finding> findings = lint(".github/workflows/build.yml", """
                on: push
                jobs:
                  image:
                    runs-on: ubuntu-24.04
                    steps:
                      - run: |
                          export TORCH_CUDA_ARCH_LIST='8.0 8.6a'
                          docker build --build-arg "CMAKE_CUDA_ARCHITECTURES=80;sm_90" .
                """, List.of(), null);
        assertEquals(List.of("8.6a", "sm_90"), findings.stream().map(CudaRulesTest::text).toList());
    }

    @Test
    void sm100ForAnRtx5090IsReplaced() throws IOException {
        List<Finding> findings = lint("Dockerfile", """
                FROM nvidia/cuda:12.8.1-devel-ubuntu24.04
                ENV TORCH_CUDA_ARCH_LIST="8.6;10.0+PTX;8.0"
                """, List.of("A100", "NVIDIA GeForce RTX 5090"), null);
        // 10.0+PTX would JIT for sm_120, so nothing is missing yet.
        assertEquals(List.of(), findings);

        findings = lint("Dockerfile", """
                FROM nvidia/cuda:12.8.1-devel-ubuntu24.04
                ENV TORCH_CUDA_ARCH_LIST="8.0;8.6;10.0"
                """, List.of("A100", "NVIDIA GeForce RTX 5090"), null);
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("10.0", text(f));
        assertTrue(f.message().startsWith("sm_100 (B200/GB200/B100) binaries do not run on NVIDIA GeForce RTX 5090"
                + " (sm_120)"), f.message());
        Fix fix = f.fixes().get(0);
        assertEquals(Applicability.UNSAFE, fix.applicability());
        assertEquals("12.0", fix.edits().get(0).replacement());
    }

    @Test
    void noMixUpWhenTheEntryServesAnotherTarget() throws IOException {
        List<Finding> findings = lint("Dockerfile", """
                FROM nvidia/cuda:12.8.1-devel-ubuntu24.04
                ENV TORCH_CUDA_ARCH_LIST="9.0;10.0"
                """, List.of("H100", "B200", "RTX 5090"), null);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("9.0;10.0", text(findings.get(0)));
        assertTrue(findings.get(0).fixes().isEmpty());
        assertTrue(findings.get(0).message().contains("sm_100 (B100/B200) binaries do not run on an RTX 5090"),
                findings.get(0).message());
    }

    @Test
    void oldTorchMentionsTheFp8TypeOnlyForVllm() throws IOException {
        String base = """
                FROM nvcr.io/nvidia/pytorch:25.02-py3
                ENV TORCH_CUDA_ARCH_LIST="9.0;12.0"
                RUN pip install --no-build-isolation %s
                """;
        Finding vllm = lint("Dockerfile", base.formatted("git+https://github.com/vllm-project/vllm.git"),
                List.of(), null).get(0);
        assertEquals("VL204", vllm.ruleId());
        assertEquals("12.0", text(vllm));
        assertTrue(vllm.message().contains("has no member \"Float8_e8m0fnu\""), vllm.message());
        assertTrue(vllm.message().contains("2.7.0a0"), vllm.message());

        Finding other = lint("Dockerfile", base.formatted("./kernels"), List.of(), null).get(0);
        assertEquals("VL204", other.ruleId());
        assertFalse(other.message().contains("Float8_e8m0fnu"), other.message());
    }

    @Test
    void majorMismatchQuotesCppExtension() throws IOException {
        List<Finding> findings = lint("Dockerfile", """
                FROM nvidia/cuda:12.8.1-devel-ubuntu24.04
                RUN pip install torch==2.11.0+cu130 && pip install --no-build-isolation flash-attn
                """, List.of(), null);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("torch==2.11.0+cu130", text(findings.get(0)));
        assertTrue(findings.get(0).message().contains("RuntimeError: The detected CUDA version (12.8) mismatches"
                + " the version that was used to compile PyTorch (13.0)"), findings.get(0).message());
    }

    @Test
    void sourceBuildOfAKnownExtensionCompiles() throws IOException {
        String dockerfile = """
                FROM nvidia/cuda:12.8.1-devel-ubuntu24.04
                RUN pip install torch --index-url https://download.pytorch.org/whl/cu130
                RUN pip install %s flash-attn==2.8.3
                """;
        List<Finding> fromSource = lint("Dockerfile", dockerfile.formatted("--no-binary flash-attn"), List.of(), null);
        assertEquals(List.of("VL205"), fromSource.stream().map(Finding::ruleId).toList());
        assertEquals(List.of(), lint("Dockerfile", dockerfile.formatted("--only-binary :all:"), List.of(), null));
    }

    @Test
    void wheelBuildsWithoutIsolationCompile() throws IOException {
        for (String build : List.of("uv build --wheel --no-build-isolation .", "python3 -m build --no-isolation -w .")) {
            List<Finding> findings = lint("Dockerfile", """
                    FROM nvidia/cuda:13.0.1-devel-ubuntu24.04
                    RUN uv pip install torch==2.8.0 --torch-backend=cu128
                    RUN %s
                    """.formatted(build), List.of(), null);
            assertEquals(List.of("VL205"), findings.stream().map(Finding::ruleId).toList(), build);
        }
    }

    @Test
    void minorMismatchIsFine() throws IOException {
        assertEquals(List.of(), lint("Dockerfile", """
                FROM nvidia/cuda:12.9.1-devel-ubuntu24.04
                RUN pip install torch --index-url https://download.pytorch.org/whl/cu128 \\
                    && python3 setup.py build_ext --inplace
                """, List.of(), null));
    }

    @Test
    void driverComparesMajorMinor() throws IOException {
        assertEquals(List.of(), lint("Dockerfile", "FROM nvcr.io/nvidia/pytorch:25.03-py3\n", List.of(), "12.8"));
        List<Finding> findings = lint("Dockerfile", "FROM nvcr.io/nvidia/pytorch:25.04-py3\n", List.of(), "12.8");
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("VL206", findings.get(0).ruleId());
        assertTrue(findings.get(0).message().startsWith("The image runs CUDA 12.9"), findings.get(0).message());
    }
}
