package dev.vlint.rules.cuda;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.config.Config;
import dev.vlint.engine.Linter;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.Finding;
import dev.vlint.rules.BuiltinRules;
import dev.vlint.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The CUDA rules never throw and report inside the file, whatever the arch values look like. */
class CudaRulesPropertyTest {
    private static final Config TARGETS = new Config(Map.of(), List.of(),
            new Config.Targets(List.of("RTX 5090", "H100", "DGX Spark"), "12.8", null));

    @Property(tries = 300)
    void randomArchSettingsNeverBreakTheRules(@ForAll("dockerfiles") String text) {
        SourceFile source = SourceFile.of("Dockerfile", text);
        Project project = new Project(Path.of("/p"),
                List.of(new ProjectFile(Path.of("/p/Dockerfile"), FileKind.DOCKERFILE, source)), TARGETS);
        for (Finding f : new Linter(BuiltinRules.all()).lint(project)) {
            assertTrue(f.range().start() <= f.range().end() && f.range().end() <= text.length(), f.toString());
        }
    }

    @Provide
    Arbitrary<String> dockerfiles() {
        Arbitrary<String> value = Arbitraries.of("8.0", "8.6a", "12.0", "12.1a", "10.0+PTX", "90a", "100-real", "sm_86",
                        "compute_90", "Blackwell", ";", " ", "\"", "'", "$ARCHS", "${ARCHS:-9.0}", "${", "\\\n", "12.O", "+")
                .list().ofMaxSize(8).map(parts -> String.join("", parts));
        Arbitrary<String> from = Arbitraries.of("nvidia/cuda:12.6.3-devel-ubuntu22.04", "nvcr.io/nvidia/pytorch:25.02-py3",
                "nvidia/cuda:13.2.0-devel-ubuntu24.04", "${BASE}", "base", "ubuntu:24.04");
        Arbitrary<String> line = Arbitraries.oneOf(
                value.map(v -> "ARG ARCHS=" + v),
                value.map(v -> "ENV TORCH_CUDA_ARCH_LIST=" + v),
                value.map(v -> "ENV CMAKE_CUDA_ARCHITECTURES=" + v),
                value.map(v -> "RUN cmake -DCMAKE_CUDA_ARCHITECTURES=" + v + " ."),
                value.map(v -> "RUN nvcc -gencode arch=" + v + ",code=" + v + " -arch " + v),
                value.map(v -> "RUN TORCH_CUDA_ARCH_LIST=" + v + " pip install --no-build-isolation ."),
                Arbitraries.of("RUN pip install torch==2.6.0+cu130", "RUN pip install torch -i https://x/whl/cu130",
                        "ENV CUDA_VERSION=13.0", "RUN python3 setup.py bdist_wheel"),
                from.map(f -> "FROM " + f + " AS base"));
        return from.flatMap(first -> line.list().ofMaxSize(10)
                .map(lines -> "FROM " + first + "\n" + String.join("\n", lines) + "\n"));
    }
}
