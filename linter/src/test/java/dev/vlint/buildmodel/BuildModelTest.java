package dev.vlint.buildmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.config.Config;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuildModelTest {
    private static final Path ROOT = Path.of("/repo");

    private static Project project(String... pathsAndTexts) {
        List<ProjectFile> files = new ArrayList<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            String path = pathsAndTexts[i];
            String text = pathsAndTexts[i + 1];
            files.add(new ProjectFile(ROOT.resolve(path), FileKind.classify(path, text), SourceFile.of(path, text)));
        }
        return new Project(ROOT, files, Config.DEFAULT);
    }

    @Test
    void pathsInAWorkflowAreRelativeToTheFolderHoldingDotGithub() {
        Project project = project("checkout/.github/workflows/cpu.yml", """
                on: push
                jobs:
                  pack:
                    runs-on: ubuntu-latest
                    steps:
                      - run: ./scripts/build.sh
                      - uses: docker/build-push-action@v6
                        with:
                          file: docker/Dockerfile.rocm
                          platforms: linux/amd64
                """, "checkout/scripts/build.sh", """
                #!/bin/sh
                docker buildx build --platform linux/amd64,linux/arm64 -f docker/Dockerfile.cpu .
                """, "checkout/docker/Dockerfile.cpu", "FROM ubuntu:22.04\n",
                "checkout/docker/Dockerfile.rocm", "FROM ubuntu:22.04\n");
        BuildModel model = BuildModel.of(project);
        assertEquals(Set.of("linux/amd64", "linux/arm64"),
                model.buildsOf("checkout/docker/Dockerfile.cpu").get(0).platforms());
        assertEquals("checkout", model.buildsOf("checkout/docker/Dockerfile.rocm").get(0).context());
    }

    @Test
    void buildPushActionWithMatrixPlatformsAndRunnerSteps() {
        Project project = project(".github/workflows/release.yml", """
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    strategy:
                      matrix:
                        platform: [linux/amd64, linux/arm64]
                    steps:
                      - uses: actions/checkout@v4
                      - uses: docker/setup-qemu-action@v3
                      - uses: jlumbroso/free-disk-space@main
                        with:
                          android: false
                      - run: sudo rm -rf /usr/share/dotnet /opt/ghc
                      - uses: docker/build-push-action@v6
                        with:
                          context: .
                          file: docker/Dockerfile.cpu
                          platforms: ${{ matrix.platform }}
                          target: vllm-openai
                """, "docker/Dockerfile.cpu", "FROM ubuntu:22.04\n");
        BuildModel model = BuildModel.of(project);
        List<BuildInvocation> builds = model.buildsOf("./docker/Dockerfile.cpu");
        assertEquals(1, builds.size());
        BuildInvocation build = builds.get(0);
        assertEquals(Set.of("linux/amd64", "linux/arm64"), build.platforms());
        assertTrue(build.multiPlatform());
        assertEquals("vllm-openai", build.target());
        assertEquals(".", build.context());
        assertEquals(List.of("ubuntu-latest"), build.runnerLabels());
        assertEquals(".github/workflows/release.yml job build", build.where());
        assertEquals(4, build.stepsBefore().size());
        assertTrue(build.job().qemuBefore(build.stepIndex()));
        JobStep cleanup = build.stepsBefore().get(2);
        assertTrue(cleanup.kinds().contains(JobStep.Kind.DISK_CLEANUP));
        assertEquals("false", cleanup.with().get("android"));
        assertEquals(List.of("/usr/share/dotnet", "/opt/ghc"), build.stepsBefore().get(3).removedPaths());
        assertEquals("docker/build-push-action@v6",
                project.file(".github/workflows/release.yml").source().slice(build.range()));
        assertSame(model, BuildModel.of(project));
    }

    @Test
    void scriptRunByAStepInheritsTheJobAndResolvesShellVariables() {
        Project project = project(".github/workflows/ci.yml", """
                on: push
                jobs:
                  cpu:
                    runs-on: ubuntu-22.04
                    steps:
                      - run: docker run --privileged --rm tonistiigi/binfmt --install all
                      - run: bash scripts/build.sh
                """, "scripts/build.sh", """
                #!/bin/bash
                PLATFORMS=linux/amd64,linux/arm64
                docker buildx build --platform "$PLATFORMS" -f docker/Dockerfile --target runtime --push .
                """, "docker/Dockerfile", "FROM alpine\n");
        BuildModel model = BuildModel.of(project);
        assertEquals(1, model.invocations().size(), model.invocations().toString());
        BuildInvocation build = model.invocations().get(0);
        assertEquals("docker/Dockerfile", build.dockerfile());
        assertEquals(Set.of("linux/amd64", "linux/arm64"), build.platforms());
        assertEquals("runtime", build.target());
        assertEquals("scripts/build.sh", build.file().path());
        assertEquals("cpu", build.job().id());
        assertEquals(1, build.stepIndex());
        assertTrue(build.job().qemuBefore(1));
        assertTrue(build.file().slice(build.range()).startsWith("docker buildx build"));
    }

    @Test
    void shellNamedByAVariableRunsTheScriptItIsGiven() {
        Project project = project(".github/workflows/ci.yml", """
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-22.04
                    steps:
                      - run: |
                          SH=/bin/bash
                          $SH scripts/build.sh
                          $UNKNOWN scripts/build.sh
                """, "scripts/build.sh", "docker buildx build --platform linux/arm64 .\n", "Dockerfile", "FROM alpine\n");
        BuildModel model = BuildModel.of(project);
        assertEquals(1, model.invocations().size(), model.invocations().toString());
        assertEquals(Set.of("linux/arm64"), model.invocations().get(0).platforms());
    }

    @Test
    void unresolvedPlatformsAreUnknownAndMissingPlatformIsTheBuildersOwn() {
        Project project = project("scripts/a.sh", """
                docker build --platform "$1" -t a app
                docker image build -t b app
                """, "app/Dockerfile", "FROM alpine\n");
        List<BuildInvocation> builds = BuildModel.of(project).buildsOf("app/Dockerfile");
        assertEquals(2, builds.size());
        assertNull(builds.get(0).platforms());
        assertFalse(builds.get(0).platformsKnown());
        assertEquals(Set.of(), builds.get(1).platforms());
        assertFalse(builds.get(1).multiPlatform());
        assertNull(builds.get(0).job());
        assertEquals("app", builds.get(0).context());
    }

    @Test
    void workingDirectoryAndScriptDirectoryResolveRelativePaths() {
        Project project = project(".github/workflows/ci.yml", """
                on: push
                jobs:
                  web:
                    runs-on: ubuntu-latest
                    steps:
                      - working-directory: web
                        run: docker build -f docker/Dockerfile .
                """, "web/docker/Dockerfile", "FROM node:22\n", "tools/build.sh", """
                docker build ../web -t web
                """);
        BuildModel model = BuildModel.of(project);
        assertEquals(1, model.buildsOf("web/docker/Dockerfile").size());
        assertEquals("web", model.buildsOf("web/docker/Dockerfile").get(0).context());
        BuildInvocation fromScript = model.invocations().stream().filter(b -> b.job() == null).findFirst().orElseThrow();
        assertEquals("web/Dockerfile", fromScript.dockerfile());
    }

    @Test
    void bakeTargetsResolveInherits() {
        Project project = project("docker-bake.hcl", """
                group "default" {
                  targets = ["cpu"]
                }
                target "common" {
                  context = "."
                  platforms = ["linux/amd64", "linux/arm64"]
                }
                target "cpu" {
                  inherits = ["common"]
                  dockerfile = "docker/Dockerfile.cpu"
                }
                """, ".github/workflows/bake.yml", """
                on: push
                jobs:
                  bake:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: docker/bake-action@v5
                """);
        List<BuildInvocation> builds = BuildModel.of(project).buildsOf("docker/Dockerfile.cpu");
        assertEquals(1, builds.size(), builds.toString());
        assertEquals(Set.of("linux/amd64", "linux/arm64"), builds.get(0).platforms());
        assertEquals("bake", builds.get(0).job().id());
    }

    @Test
    void bakeFilesOfOneInvocationAreEvaluatedTogetherWithMatrixAndGroups() {
        // the shape of runpod/containers: versions in a shared file, a matrix target, groups built by
        // for expressions, contexts relative to where bake runs (the repository root)
        Project project = project("templates/shared/versions.bake.hcl", """
                CUDA = [{ version = "12.8.1", arm = true }, { version = "13.0.0", arm = false }]
                """, "templates/app/docker-bake.hcl", """
                variable "PLATFORMS" { default = "linux/amd64" }
                group "cu13" {
                  targets = [
                    for c in CUDA:
                      "app-${replace(c.version, ".", "")}"
                      if c.version == "13.0.0"
                  ]
                }
                target "app" {
                  matrix = { c = CUDA }
                  name = "app-${replace(c.version, ".", "")}"
                  context = "templates/app"
                  platforms = c.arm ? [PLATFORMS, "linux/arm64"] : [PLATFORMS]
                }
                """, "templates/app/Dockerfile", "FROM ubuntu:24.04\n", ".github/workflows/bake.yml", """
                on: push
                jobs:
                  all:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: docker/bake-action@v6
                        env:
                          PLATFORMS: linux/amd64/v3
                        with:
                          files: |
                            templates/shared/versions.bake.hcl
                            templates/app/docker-bake.hcl
                          targets: app
                  cu13:
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                          docker buildx bake -f templates/shared/versions.bake.hcl -f templates/app/docker-bake.hcl \\
                            --set '*.platform=linux/riscv64' cu13
                """);
        List<BuildInvocation> builds = BuildModel.of(project).buildsOf("templates/app/Dockerfile");
        assertEquals(3, builds.size(), builds.toString());
        assertEquals(Set.of("linux/amd64/v3", "linux/arm64"), builds.get(0).platforms());
        assertEquals(Set.of("linux/amd64/v3"), builds.get(1).platforms());
        assertEquals("templates/app", builds.get(0).context());
        assertEquals("cu13", builds.get(2).job().id());
        assertEquals(Set.of("linux/riscv64"), builds.get(2).platforms());
    }

    @Test
    void aStandaloneBakeFileResolvesContextsFromItsFolderOrAbove() {
        Project project = project("deploy/docker-bake.hcl", """
                target "default" {
                  context = "services/api"
                  platforms = [for a in ["amd64", "arm64"] : "linux/${a}"]
                  dockerfile = UNDEFINED_VARIABLE
                }
                target "web" { context = "web" }
                """, "services/api/Dockerfile", "FROM x\n", "deploy/web/Dockerfile", "FROM x\n");
        BuildModel model = BuildModel.of(project);
        assertEquals(List.of(), model.buildsOf("services/api/Dockerfile"), "an unknown dockerfile is left out");
        Project named = project("deploy/docker-bake.hcl", """
                group "default" { targets = ["api", "web"] }
                target "api" {
                  context = "services/api"
                  platforms = [for a in ["amd64", "arm64"] : "linux/${a}"]
                }
                target "web" { context = "web" }
                """, "services/api/Dockerfile", "FROM x\n", "deploy/web/Dockerfile", "FROM x\n");
        BuildModel both = BuildModel.of(named);
        assertEquals(Set.of("linux/amd64", "linux/arm64"), both.buildsOf("services/api/Dockerfile").get(0).platforms());
        assertEquals(Set.of(), both.buildsOf("deploy/web/Dockerfile").get(0).platforms());
    }

    @Test
    void aVariableHoldingAnOptionIsNotTheContext() {
        Project project = project("scripts/build.sh", """
                #!/bin/sh
                MODE="--push"
                docker buildx build $MODE --platform=linux/amd64 -f docker/Dockerfile.gpu .
                """, "docker/Dockerfile.gpu", "FROM x\n");
        BuildInvocation build = BuildModel.of(project).buildsOf("docker/Dockerfile.gpu").get(0);
        assertEquals(".", build.context());
    }

    @Test
    void stepSwitchedOffByAnEnvConditionIsDisabled() {
        Project project = project(".github/workflows/pack.yml", """
                on: push
                env:
                  # FREE_DISK_SPACE: true
                  REGISTRY: ghcr.io
                jobs:
                  pack:
                    runs-on: ubuntu-latest
                    steps:
                      - if: env.FREE_DISK_SPACE == 'true'
                        uses: jlumbroso/free-disk-space@main
                      - run: |
                          docker pull --platform linux/amd64 vllm/vllm-openai:nightly
                          docker pull --platform=linux/arm64 vllm/vllm-openai:nightly
                      - run: start-cli s9pk pack
                """);
        BuildJob job = BuildModel.of(project).jobs().get(0);
        assertFalse(job.steps().get(0).enabled());
        JobStep pulls = job.steps().get(1);
        assertEquals(2, pulls.pulls().size());
        assertEquals("vllm/vllm-openai:nightly", pulls.pulls().get(0).image());
        assertEquals(Set.of("linux/arm64"), pulls.pulls().get(1).platforms());
        assertTrue(job.steps().get(2).kinds().contains(JobStep.Kind.PACK));
    }

    @Test
    void oddShapesYieldUnknownsInsteadOfErrors() {
        Project project = project(".github/workflows/odd.yml", """
                on: push
                jobs:
                  odd:
                    runs-on: [self-hosted, {label: x}]
                    steps:
                      - just a string
                      - uses: docker/build-push-action
                        with:
                          platforms: {a: b}
                          file: ${{ inputs.file }}
                      - uses: docker/build-push-action@v6
                        with:
                          platforms: ${{ matrix.missing }}
                      - run: docker buildx build --platform
                """, "docker-bake.hcl", "target \"x\" {\n  platforms = [\"linux/${ARCH}\"]\n}\n");
        BuildModel model = BuildModel.of(project);
        List<BuildInvocation> builds = model.invocations();
        assertEquals(4, builds.size(), builds.toString());
        assertNull(builds.get(0).platforms());
        assertEquals("Dockerfile", builds.get(0).dockerfile());
        assertNull(builds.get(1).platforms());
        assertEquals(Set.of(), builds.get(2).platforms());
        assertNull(builds.get(3).platforms());
        assertEquals(List.of("self-hosted"), model.jobs().get(0).runnerLabels());
    }
}
