package dev.vlint.rules.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.config.Config;
import dev.vlint.engine.Linter;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Rule;
import dev.vlint.rule.Severity;
import dev.vlint.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CiRulesTest {
    private static List<Finding> lint(Rule rule, String... pathsAndTexts) {
        List<ProjectFile> files = new ArrayList<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            String path = pathsAndTexts[i];
            files.add(new ProjectFile(Path.of("/r").resolve(path), FileKind.classify(path, pathsAndTexts[i + 1]),
                    SourceFile.of(path, pathsAndTexts[i + 1])));
        }
        return new Linter(List.of(rule)).lint(new Project(Path.of("/r"), files, Config.DEFAULT));
    }

    private static String packJob(String cleanupStep) {
        return """
                on: push
                jobs:
                  pack:
                    runs-on: ubuntu-latest
                    steps:
                %s
                      - run: |
                          docker pull --platform linux/amd64 vllm/vllm-openai:nightly
                          docker pull --platform linux/arm64 vllm/vllm-openai:nightly
                      - run: start-cli s9pk pack
                """.formatted(cleanupStep);
    }

    @Test
    void diskEstimateTableHasARowPerImageAndPlatformAndATotal() {
        List<Finding> findings = lint(new RunnerDiskBudgetExceeded(), ".github/workflows/pack.yml",
                packJob("      - uses: actions/checkout@v4"));
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals("pack", finding.file().slice(finding.range()));
        List<String> lines = finding.message().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("vllm/vllm-openai:nightly") && l.contains("linux/amd64")
                && l.contains("8.6 GB")), finding.message());
        assertTrue(lines.stream().anyMatch(l -> l.contains("linux/arm64") && l.contains("9.9 GB")), finding.message());
        // 2.4 x 8.6 + 8.6 + 8.6 and 2.4 x 9.9 + 9.9 + 9.9, against the 14 GB floor
        assertTrue(lines.stream().anyMatch(l -> l.contains("total 81.4 GB needed, 14.0 GB available")),
                finding.message());
    }

    @Test
    void anEstimateAboveTheGuaranteedDiskIsAWarningThatNamesTheMargin() {
        Finding finding = lint(new RunnerDiskBudgetExceeded(), ".github/workflows/pack.yml",
                packJob("      - uses: actions/checkout@v4")).get(0);
        assertEquals(Severity.WARNING, finding.severity(), "81.4 GB may fit: up to 90 GB free are measured");
        assertTrue(finding.message().contains("may fail"), finding.message());
        assertTrue(finding.message().contains("reaches 90.0 GB"), finding.message());
        assertTrue(finding.message().contains("14.0 GB guaranteed free, up to 90.0 GB measured"), finding.message());
    }

    @Test
    void estimatedSizesNeverMakeAnError() {
        String workflow = """
                on: push
                jobs:
                  pull:
                    runs-on: ubuntu-24.04
                    steps:
                      - run: |
                          docker pull --platform linux/amd64 vllm/vllm-openai:nightly
                          docker pull --platform linux/arm64 vllm/vllm-openai:nightly
                          docker pull --platform linux/amd64 nvcr.io/nvidia/pytorch:25.02-py3
                          docker pull --platform linux/arm64 nvcr.io/nvidia/pytorch:25.02-py3
                """;
        Finding finding = lint(new RunnerDiskBudgetExceeded(), ".github/workflows/pull.yml", workflow).get(0);
        assertTrue(finding.message().contains("total 104.9 GB needed"), finding.message());
        assertEquals(Severity.WARNING, finding.severity(), "more than 90 GB, but the sizes are estimates");
        assertTrue(finding.message().contains("some image sizes are estimates"), finding.message());
    }

    @Test
    void cleanupStepsAddToTheAvailableDisk() {
        String pullOne = """
                on: push
                jobs:
                  pack:
                    runs-on: ubuntu-latest
                    steps:
                      %s
                      - run: docker pull vllm/vllm-openai:nightly
                """;
        assertEquals(1, lint(new RunnerDiskBudgetExceeded(), ".github/workflows/a.yml",
                pullOne.formatted("- run: echo no cleanup")).size());
        assertEquals(List.of(), lint(new RunnerDiskBudgetExceeded(), ".github/workflows/a.yml",
                pullOne.formatted("- uses: jlumbroso/free-disk-space@main")));
        // Deleting only the Android SDK frees 14 GB: 28 GB available, 20.6 + 8.6 = 29.2 GB needed.
        assertEquals(1, lint(new RunnerDiskBudgetExceeded(), ".github/workflows/a.yml",
                pullOne.formatted("- run: sudo rm -rf /usr/local/lib/android")).size());
    }

    @Test
    void commentedOutSettingIsUncommentedKeepingIndentation() {
        String workflow = """
                on: push
                jobs:
                  pack:
                    runs-on: ubuntu-latest
                    env:
                      #  FREE_DISK_SPACE: true
                      OTHER: x
                    steps:
                      - run: docker pull vllm/vllm-openai:nightly
                """;
        List<Finding> findings = lint(new DiskCleanupDisabled(), ".github/workflows/a.yml", workflow);
        assertEquals(1, findings.size());
        var edit = findings.get(0).fixes().get(0).edits().get(0);
        String fixed = new StringBuilder(workflow).replace(edit.range().start(), edit.range().end(),
                edit.replacement()).toString();
        assertTrue(fixed.contains("\n      FREE_DISK_SPACE: true\n      OTHER: x"), fixed);
    }

    @Test
    void settingIsIgnoredWhenNoLargeImageIsHandled() {
        assertEquals(List.of(), lint(new DiskCleanupDisabled(), ".github/workflows/a.yml", """
                on: push
                env:
                  FREE_DISK_SPACE: false
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - run: docker pull python:3.12-slim
                """));
    }

    private static final String HEAVY_DOCKERFILE = """
            FROM ubuntu:24.04
            RUN apt-get update && apt-get install -y cmake g++
            COPY . /src
            RUN cmake -S /src -B /b && cmake --build /b
            """;

    @Test
    void foreignPlatformUnderQemuNamesNativeRunners() {
        List<Finding> findings = lint(new EmulatedNativeBuild(), "Dockerfile", HEAVY_DOCKERFILE,
                ".github/workflows/a.yml", """
                on: push
                jobs:
                  image:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: docker/setup-qemu-action@v3
                      - uses: docker/build-push-action@v6
                        with:
                          platforms: linux/amd64,linux/arm64
                """);
        assertEquals(1, findings.size());
        String message = findings.get(0).message();
        assertTrue(message.startsWith("linux/arm64 is built under QEMU emulation on ubuntu-latest"), message);
        assertTrue(message.contains("ubuntu-24.04-arm"), message);
        assertTrue(message.contains("`cmake -S /src -B /b`"), message);
        assertEquals("Dockerfile", findings.get(0).related().get(0).file().path());
    }

    @Test
    void noQemuOrNoForeignPlatformOrNoNativeCodeIsClean() {
        String noQemu = """
                on: push
                jobs:
                  image:
                    runs-on: ubuntu-24.04-arm
                    steps:
                      - uses: docker/setup-qemu-action@v3
                      - uses: docker/build-push-action@v6
                        with:
                          platforms: linux/arm64
                """;
        assertEquals(List.of(), lint(new EmulatedNativeBuild(), "Dockerfile", HEAVY_DOCKERFILE,
                ".github/workflows/a.yml", noQemu));
        String emulated = noQemu.replace("runs-on: ubuntu-24.04-arm", "runs-on: ubuntu-latest");
        assertEquals(1, lint(new EmulatedNativeBuild(), "Dockerfile", HEAVY_DOCKERFILE,
                ".github/workflows/a.yml", emulated).size());
        assertEquals(List.of(), lint(new EmulatedNativeBuild(), "Dockerfile", "FROM alpine\nCOPY app /app\n",
                ".github/workflows/a.yml", emulated));
    }
}
