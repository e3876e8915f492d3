package dev.vlint.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScopeTest {

    private static Dockerfile model(String text) {
        return DockerfileParser.parse(SourceFile.of("Dockerfile", text)).model();
    }

    private static final String MULTI_STAGE = String.join("\n",
            "ARG CUDA_VERSION=12.8.1",
            "ARG BASE=nvidia/cuda:${CUDA_VERSION}-devel",
            "FROM ${BASE} AS base",
            "ENV TOOLKIT=/usr/local/cuda-$CUDA_VERSION",
            "ARG CUDA_VERSION",
            "ENV TOOLKIT2=/usr/local/cuda-$CUDA_VERSION",
            "ARG LOCAL=x",
            "RUN --mount=type=cache,target=/ccache,id=cc-$TARGETARCH make",
            "FROM base AS build",
            "ARG TARGETARCH",
            "RUN --mount=type=cache,target=/ccache,id=cc-$TARGETARCH make",
            "ENV LOCAL=env-wins",
            "ARG LOCAL=arg",
            "RUN true",
            "");

    @Test
    void baseImageExpandsGlobalArgs() {
        Dockerfile df = model(MULTI_STAGE);
        assertEquals("nvidia/cuda:12.8.1-devel", df.stages().get(0).expandedBaseImage());
        assertEquals("${BASE}", df.stages().get(0).baseImage());
        assertEquals("12.8.1", df.globalScope().variable("CUDA_VERSION").orElseThrow().value());
    }

    @Test
    void globalArgsNeedRedeclarationInsideAStage() {
        Dockerfile df = model(MULTI_STAGE);
        Stage base = df.stages().get(0);
        // undeclared here; the nvidia/cuda image may set it in its own ENV, so it stays as written
        assertEquals("/usr/local/cuda-$CUDA_VERSION",
                base.scopeAt(base.instructions().get(1)).variable("TOOLKIT").orElseThrow().value());
        assertEquals("/usr/local/cuda-12.8.1",
                base.scopeAt(base.instructions().get(3)).variable("TOOLKIT2").orElseThrow().value());
        assertFalse(base.scopeAt(base.instructions().get(1)).isDefined("CUDA_VERSION"));
        assertTrue(base.isArgDeclaredBefore("CUDA_VERSION", base.instructions().get(2)));
        assertFalse(base.isArgDeclaredBefore("CUDA_VERSION", base.instructions().get(0)));
    }

    @Test
    void undeclaredNamesAreEmptyOnScratch() {
        Dockerfile df = model("ARG V=1\nFROM scratch AS s\nENV A=x$V-$PATH\nFROM s\nENV B=$A\nARG V\nENV C=$V\n");
        Stage child = df.stages().get(1);
        assertFalse(child.endScope().imageEnvUnknown());
        assertEquals("x-", child.endScope().variable("B").orElseThrow().value());
        assertEquals("1", child.endScope().variable("C").orElseThrow().value());
    }

    @Test
    void platformArgsOnlyWhereDeclared() {
        Dockerfile df = model(MULTI_STAGE);
        Stage base = df.stages().get(0);
        Instruction run = base.instructions().get(4);
        String id = run.mounts().get(0).id().orElseThrow();
        assertEquals("cc-$TARGETARCH", id);
        assertEquals("cc-", base.scopeAt(run).expand(id));
        assertTrue(df.globalScope().isDefined("TARGETARCH"));

        Stage build = df.stages().get(1);
        Instruction run2 = build.instructions().get(1);
        assertTrue(build.isArgDeclaredBefore("TARGETARCH", run2));
        assertTrue(build.scopeAt(run2).isDefined("TARGETARCH"));
        assertNull(build.scopeAt(run2).variable("TARGETARCH").orElseThrow().value());
        assertEquals("cc-$TARGETARCH", build.scopeAt(run2).expand(id));
    }

    @Test
    void envAndArgAreInheritedByChildStages() {
        // "Arguments and variables are inherited from parent stages" (Docker docs, build variables, scoping)
        Dockerfile df = model(MULTI_STAGE);
        Stage build = df.stages().get(1);
        assertEquals(0, build.baseStage());
        Scope first = build.scopeAt(build.instructions().get(0));
        assertEquals("/usr/local/cuda-$CUDA_VERSION", first.variable("TOOLKIT").orElseThrow().value());
        assertEquals("x", first.variable("LOCAL").orElseThrow().value());
        assertEquals("12.8.1", first.variable("CUDA_VERSION").orElseThrow().value());
        assertTrue(build.isArgDeclaredBefore("LOCAL", build.instructions().get(0)));
    }

    @Test
    void envWinsOverArgOfTheSameName() {
        Dockerfile df = model(MULTI_STAGE);
        Stage build = df.stages().get(1);
        Scope last = build.scopeAt(build.instructions().get(4));
        assertEquals("env-wins", last.expand("$LOCAL"));
        assertEquals(Scope.Kind.ENV, last.variable("LOCAL").orElseThrow().kind());
    }

    @Test
    void realisticFixtureStagesAndBases() throws Exception {
        Path path = DumpConformanceTest.fixtures("dump").resolve("vllm-cuda-build/Dockerfile");
        Dockerfile df = DockerfileParser.parse(DumpConformanceTest.read(path)).model();
        assertEquals(List.of("base", "build", "vllm-base", "vllm-openai"),
                df.stages().stream().map(Stage::name).toList());
        assertEquals(List.of("nvidia/cuda:12.8.1-devel-ubuntu22.04", "base", "nvidia/cuda:12.8.1-runtime-ubuntu22.04",
                "vllm-base"), df.stages().stream().map(Stage::expandedBaseImage).toList());
        assertEquals(List.of(-1, 0, -1, 2), df.stages().stream().map(Stage::baseStage).toList());
        Stage build = df.stages().get(1);
        Instruction ccache = build.instructions().stream()
                .filter(i -> i.mounts().stream().anyMatch(m -> m.id().isPresent())).findFirst().orElseThrow();
        assertEquals("ccache-${TARGETARCH}", ccache.mounts().get(0).id().orElseThrow());
        assertTrue(build.isArgDeclaredBefore("TARGETARCH", ccache));
        assertEquals("2", build.scopeAt(ccache).expand("$MAX_JOBS"));
        assertEquals("8.0 8.9 9.0 10.0 12.0+PTX", build.scopeAt(ccache).expand("$TORCH_CUDA_ARCH_LIST"));
        assertEquals("/opt/venv/bin:$PATH", build.scopeAt(ccache).variable("PATH").orElseThrow().value());
    }

    @Test
    void argWithoutDefaultIsEmptyButPlatformArgsStayUnknown() throws Exception {
        Path path = DumpConformanceTest.fixtures("dump").resolve("flash-attn-multiarch/Dockerfile");
        Dockerfile df = DockerfileParser.parse(DumpConformanceTest.read(path)).model();
        assertEquals("nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04", df.stages().get(2).expandedBaseImage());
        Stage wheels = df.stages().get(1);
        Instruction fa = wheels.instructions().get(6);
        assertEquals("fa-build-$TARGETARCH", wheels.scopeAt(fa).expand(fa.mounts().get(0).id().orElseThrow()));
        // TARGETVARIANT is declared in the parent stage toolchain, so it is inherited and stays unknown
        assertEquals("uv-${TARGETARCH}${TARGETVARIANT}", wheels.scopeAt(fa).expand("uv-${TARGETARCH}${TARGETVARIANT}"));
        assertEquals("-", wheels.scopeAt(fa).expand("${TARGETOS}-"));
        assertEquals("torch==2.7.1", wheels.scopeAt(fa).expand("torch==${TORCH_VERSION}"));
        assertTrue(fa.heredocs().get(0).stripTabs());
        assertTrue(fa.heredocs().get(0).body().text().startsWith("git clone --depth 1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$A|abc",
        "${A}-x|abc-x",
        "${UNSET:-dflt}|dflt",
        "${EMPTY:-dflt}|dflt",
        "${EMPTY-dflt}|''",
        "${UNSET-dflt}|dflt",
        "${A:+alt}|alt",
        "${EMPTY:+alt}|''",
        "${EMPTY+alt}|alt",
        "${UNSET+alt}|''",
        "${PATH#*/}|usr/local/bin",
        "${PATH##*/}|bin",
        "${PATH%/*}|/usr/local",
        "${PATH%%/l*}|/usr",
        "\\$A|$A",
        "${UNSET:-${A}}|abc",
        "$UNKNOWN-x|$UNKNOWN-x",
        "${UNKNOWN:-d}|${UNKNOWN:-d}",
        "cost $5 x|cost  x",
        "$12ab|ab",
        "${A|${A",
    })
    void expandsLikeBuildKit(String input, String expected) {
        Map<String, Expander.Value> vars = Map.of("A", Expander.Value.of("abc"), "EMPTY", Expander.Value.of(""),
                "PATH", Expander.Value.of("/usr/local/bin"));
        String out = Expander.expand(input, name -> name.equals("UNKNOWN") ? Expander.Value.UNKNOWN
                : vars.getOrDefault(name, Expander.Value.UNSET), '\\');
        assertEquals(expected, out);
    }

    @Test
    void quotesAreRemovedAndSingleQuotesStopExpansion() {
        assertEquals("$A abc b", Expander.expand("'$A' \"$A b\"", name -> Expander.Value.of("abc"), '\\'));
    }

    @Test
    void backtickEscapesDollar() {
        assertEquals("$A", Expander.expand("`$A", name -> Expander.Value.of("x"), '`'));
    }
}
