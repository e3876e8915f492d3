package dev.vlint.rules.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.config.Config;
import dev.vlint.engine.Linter;
import dev.vlint.fix.Edit;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Severity;
import dev.vlint.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheMountSharedAcrossPlatformsTest {
    private static final String DOCKERFILE = """
            FROM ubuntu:22.04 AS build
            WORKDIR /vllm-workspace
              RUN --mount=type=cache,target=/root/.cache/pip \\
                --mount=type=cache,target=/vllm-workspace/.deps,sharing=locked \\
                python3 setup.py bdist_wheel
            """;

    private static List<Finding> lint(String dockerfile, String workflow) {
        List<ProjectFile> files = new ArrayList<>();
        files.add(new ProjectFile(Path.of("/r/docker/Dockerfile.cpu"), FileKind.DOCKERFILE,
                SourceFile.of("docker/Dockerfile.cpu", dockerfile)));
        if (workflow != null) {
            files.add(new ProjectFile(Path.of("/r/.github/workflows/release.yml"), FileKind.WORKFLOW,
                    SourceFile.of(".github/workflows/release.yml", workflow)));
        }
        Project project = new Project(Path.of("/r"), files, Config.DEFAULT);
        return new Linter(List.of(new CacheMountSharedAcrossPlatforms())).lint(project);
    }

    private static String workflow(String platforms) {
        return """
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: docker/build-push-action@v6
                        with:
                          file: docker/Dockerfile.cpu
                          platforms: %s
                """.formatted(platforms);
    }

    private static String applyFix(String text, Finding finding) {
        List<Edit> edits = new ArrayList<>(finding.fixes().get(0).edits());
        edits.sort(Comparator.comparingInt((Edit e) -> e.range().start()).reversed());
        StringBuilder out = new StringBuilder(text);
        for (Edit edit : edits) {
            out.replace(edit.range().start(), edit.range().end(), edit.replacement());
        }
        return out.toString();
    }

    @Test
    void multiPlatformBuildIsAnErrorNamingPlatformsAndWorkflow() {
        List<Finding> findings = lint(DOCKERFILE, workflow("linux/amd64,linux/arm64"));
        assertEquals(1, findings.size(), findings.toString());
        Finding finding = findings.get(0);
        assertEquals(Severity.ERROR, finding.severity());
        assertEquals("type=cache,target=/vllm-workspace/.deps,sharing=locked", finding.file().slice(finding.range()));
        assertTrue(finding.message().contains(
                "built for linux/amd64 and linux/arm64 by .github/workflows/release.yml job build"), finding.message());
        assertEquals(".github/workflows/release.yml", finding.related().get(0).file().path());
        assertEquals("""
                FROM ubuntu:22.04 AS build
                WORKDIR /vllm-workspace
                  ARG TARGETARCH
                  RUN --mount=type=cache,target=/root/.cache/pip \\
                    --mount=type=cache,target=/vllm-workspace/.deps,sharing=locked,id=/vllm-workspace/.deps-${TARGETARCH} \\
                    python3 setup.py bdist_wheel
                """, applyFix(DOCKERFILE, finding));
    }

    @Test
    void noKnownBuildIsANoteSayingWhatWouldMakeItCertain() {
        List<Finding> findings = lint(DOCKERFILE, null);
        assertEquals(1, findings.size());
        assertEquals(Severity.NOTE, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("built for several platforms on one builder"
                + " (--platform linux/amd64,linux/arm64)"), findings.get(0).message());
    }

    @Test
    void noKnownBuildOfAFileWrittenForSeveralPlatformsIsAWarning() {
        List<Finding> findings = lint(DOCKERFILE.replace("WORKDIR", "ARG TARGETOS\nWORKDIR"), null);
        assertEquals(1, findings.size());
        assertEquals(Severity.WARNING, findings.get(0).severity());
    }

    @Test
    void singlePlatformBuildIsNotReported() {
        assertEquals(List.of(), lint(DOCKERFILE, workflow("linux/arm64")));
    }

    @Test
    void idWithUndeclaredArgOnlyNeedsTheArg() {
        String dockerfile = """
                ARG TARGETARCH
                FROM ubuntu:22.04
                RUN --mount=type=cache,target=/ccache,id=ccache-$TARGETARCH make
                """;
        List<Finding> findings = lint(dockerfile, workflow("linux/amd64,linux/arm64"));
        assertEquals(1, findings.size());
        assertEquals("ccache-$TARGETARCH", findings.get(0).file().slice(findings.get(0).range()));
        assertEquals("""
                ARG TARGETARCH
                FROM ubuntu:22.04
                ARG TARGETARCH
                RUN --mount=type=cache,target=/ccache,id=ccache-$TARGETARCH make
                """, applyFix(dockerfile, findings.get(0)));
    }

    @Test
    void newIdKeepsTheTargetThatKeyedTheCacheBefore() {
        assertEquals("/vllm-workspace/.deps", CacheMountSharedAcrossPlatforms.defaultId("/vllm-workspace/.deps"));
        assertEquals("/root/.cache/ccache", CacheMountSharedAcrossPlatforms.defaultId("/root/.cache/ccache/"));
        assertEquals("/", CacheMountSharedAcrossPlatforms.defaultId("/"));
    }
}
