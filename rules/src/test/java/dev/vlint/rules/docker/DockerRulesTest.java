package dev.vlint.rules.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.config.Config;
import dev.vlint.engine.Linter;
import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Severity;
import dev.vlint.rules.BuiltinRules;
import dev.vlint.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour of the docker rules that fixtures cannot pin: which fix is offered, and severities. */
class DockerRulesTest {
    private static final Path ROOT = Path.of("/nonexistent/project");

    private static List<Finding> lint(String ruleId, String... pathsAndTexts) {
        List<ProjectFile> files = new ArrayList<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            String path = pathsAndTexts[i];
            files.add(new ProjectFile(ROOT.resolve(path), FileKind.classify(path, pathsAndTexts[i + 1]),
                    SourceFile.of(path, pathsAndTexts[i + 1])));
        }
        return new Linter(BuiltinRules.all()).lint(new Project(ROOT, files, Config.DEFAULT)).stream()
                .filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    private static String applied(String text, Fix fix) {
        StringBuilder out = new StringBuilder(text);
        List<Edit> edits = new ArrayList<>(fix.edits());
        edits.sort((a, b) -> b.range().start() - a.range().start());
        for (Edit edit : edits) {
            out.replace(edit.range().start(), edit.range().end(), edit.replacement());
        }
        return out.toString();
    }

    @Test
    void linkedDirThatIsTheOnlyRmPathIsReportedWithoutFix() {
        List<Finding> findings = lint("VL103", "Dockerfile",
                "FROM nvcr.io/nvidia/pytorch:25.02-py3\nRUN pip install runpod && rm -rf /opt/hpcx\n");
        assertEquals(1, findings.size());
        assertEquals("/opt/hpcx", findings.get(0).file().slice(findings.get(0).range()));
        assertTrue(findings.get(0).fixes().isEmpty());
        assertTrue(findings.get(0).message().contains("libmpi.so.40"));
    }

    @Test
    void firstOfSeveralPathsIsDroppedWithTheBlankAfterIt() {
        String text = "FROM nvidia/cuda:12.8.1-devel-ubuntu24.04\nRUN rm -rf /usr/local/cuda/lib64 /usr/share/doc\n";
        Finding finding = lint("VL103", "Dockerfile", text).get(0);
        assertEquals("FROM nvidia/cuda:12.8.1-devel-ubuntu24.04\nRUN rm -rf /usr/share/doc\n",
                applied(text, finding.fixes().get(0)));
    }

    @Test
    void broadGlobIsReportedWithoutFix() {
        Finding finding = lint("VL103", "Dockerfile",
                "FROM nvcr.io/nvidia/pytorch:25.02-py3\nRUN rm -rf /opt/* /usr/share/doc\n").get(0);
        assertTrue(finding.fixes().isEmpty());
        assertTrue(finding.message().contains("/opt/hpcx, matched by /opt/*,"), finding.message());
    }

    @Test
    void unknownBaseImageIsNotJudged() {
        assertEquals(List.of(), lint("VL103", "Dockerfile", "FROM ubuntu:24.04\nRUN rm -rf /opt/hpcx /usr/local/cuda/lib64\n"));
    }

    @Test
    void shortCommitIsReportedButNotRewritten() {
        List<Finding> findings = lint("VL107", "scripts/get.sh",
                "#!/bin/sh\ngit clone --depth 1 https://github.com/org/repo.git\ncd repo\ngit checkout 1d54c5c6\n");
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).fixes().isEmpty());
    }

    @Test
    void cloneRewriteFetchesTheCommitAndDropsTheNowRedundantCheckout() {
        String sha = "9c5be1cc59e368aebf0909e6dd5a6e07c4b5a6ad";
        String text = "#!/bin/sh\ngit clone -q --depth 1 https://github.com/org/repo.git src && git -C src checkout " + sha + "\n";
        Finding finding = lint("VL107", "scripts/get.sh", text).get(0);
        assertEquals("#!/bin/sh\ngit init src && git -C src remote add origin https://github.com/org/repo.git"
                + " && git -C src fetch --depth 1 origin " + sha + " && git -C src checkout FETCH_HEAD\n",
                applied(text, finding.fixes().get(0)));
    }

    @Test
    void checkoutInAnotherDirectoryThanTheShallowCloneIsClean() {
        assertEquals(List.of(), lint("VL107", "scripts/get.sh", "#!/bin/sh\n"
                + "git clone --depth 1 https://github.com/org/a.git\n"
                + "git clone https://github.com/org/b.git\n"
                + "cd b && git checkout 9c5be1cc59e368aebf0909e6dd5a6e07c4b5a6ad\n"));
    }

    @Test
    void knownDependentIsAWarningAndAWheelPinAnError() {
        List<Finding> findings = lint("VL108", "Dockerfile", "FROM nvidia/cuda:13.0.1-devel-ubuntu24.04\n"
                + "RUN pip install torch==2.9.0 --index-url https://download.pytorch.org/whl/cu130\n"
                + "RUN pip install vllm\n");
        assertEquals(1, findings.size());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("torch 2.9.0"));
    }

    @Test
    void unpinnedTorchWithoutCudaIndexIsNotTracked() {
        assertEquals(List.of(), lint("VL108", "Dockerfile",
                "FROM python:3.12\nRUN pip install torch\nRUN pip install vllm\n"));
    }

    @Test
    void noBuildIsolationFixGoesAfterTheSubcommand() {
        String text = "FROM nvcr.io/nvidia/pytorch:25.02-py3\nRUN git clone https://github.com/vllm-project/vllm.git"
                + " && cd vllm && pip install -r requirements/build.txt"
                + " && TRITON_KERNELS_SRC_DIR=/t python3 -m pip wheel -w /w .\n";
        Finding finding = lint("VL104", "Dockerfile", text).get(0);
        assertTrue(applied(text, finding.fixes().get(0)).contains("python3 -m pip wheel --no-build-isolation -w /w ."));
    }

    @Test
    void noFixWithoutTheBuildRequirementsAndNoFindingWhereTorchIsAbsent() {
        String clone = "RUN git clone https://github.com/vllm-project/vllm.git /v\n";
        List<Finding> plain = lint("VL104", "Dockerfile", "FROM nvcr.io/nvidia/pytorch:25.02-py3\n" + clone
                + "RUN cd /v && pip install .\n");
        assertEquals(1, plain.size());
        assertTrue(plain.get(0).fixes().isEmpty(), "vLLM's setup.py needs its build requirements without isolation");
        String branches = "FROM python:3.12\n" + clone + "RUN if [ \"$(uname -m)\" = aarch64 ]; then"
                + " pip install torch --index-url https://download.pytorch.org/whl/cu128; else echo no torch; fi"
                + " && cd /v && pip install .\n";
        assertEquals(List.of(), lint("VL104", "Dockerfile", branches));
        assertEquals(1, lint("VL104", "Dockerfile", branches.replace("echo no torch", "pip install torch")).size());
    }

    @Test
    void configSettingsForAKnownPackageNameAreReported() {
        List<Finding> findings = lint("VL105", ".github/workflows/b.yml", "on: push\njobs:\n  b:\n"
                + "    runs-on: ubuntu-latest\n    steps:\n"
                + "      - run: pip install vllm==0.15.1 --no-binary vllm -C cmake.define.VLLM_TARGET=cuda\n");
        assertEquals(1, findings.size());
        assertEquals("cmake.define.VLLM_TARGET=cuda", findings.get(0).file().slice(findings.get(0).range()));
    }

    @Test
    void pathsNormalize() {
        assertEquals("/tmp/vllm", BuildSteps.resolve("/tmp/x", "../vllm/"));
        assertEquals("vllm/csrc", BuildSteps.resolve("", "./vllm//csrc"));
        assertEquals("/", BuildSteps.resolve("/a", ".."));
        assertEquals("vllm", BuildSteps.humanish("https://github.com/vllm-project/vllm.git"));
        assertTrue(BuildSteps.looksLikeCommit("1d54c5c6"));
        assertTrue(!BuildSteps.looksLikeCommit("deadbeef") && !BuildSteps.looksLikeCommit("v0.15.1"));
    }

    @Test
    void uvBuildsAreCheckedAndGetTheirOwnFlag() {
        String text = "FROM nvcr.io/nvidia/pytorch:25.02-py3\nCOPY . /src\nWORKDIR /src\n"
                + "RUN uv pip install --system setuptools\nRUN uv build --wheel\n"
                + "RUN uv pip install --system /src\n";
        List<Finding> findings = lint("VL104", "Dockerfile", text, "pyproject.toml",
                "[build-system]\nrequires = [\"setuptools\", \"torch>=2.6\"]\nbuild-backend = \"setuptools.build_meta\"\n"
                        + "[project]\nname = \"kern\"\nversion = \"1\"\n");
        assertEquals(2, findings.size());
        assertTrue(applied(text, findings.get(0).fixes().get(0)).contains("RUN uv build --no-build-isolation --wheel"));
        assertTrue(applied(text, findings.get(1).fixes().get(0)).contains("uv pip install --no-build-isolation --system"));
    }

    @Test
    void fetchContentOverrideWrittenInAnEarlierRunCounts() {
        String clone = "RUN git clone --depth 1 --branch v0.15.1 https://github.com/vllm-project/vllm.git /v\n";
        String build = "RUN cd /v && pip install --no-build-isolation .\n";
        String sed = "RUN sed -i '1i set(FETCHCONTENT_SOURCE_DIR_TRITON_KERNELS /t CACHE PATH \"\" FORCE)'"
                + " /v/cmake/external_projects/triton_kernels.cmake\n";
        assertEquals(1, lint("VL106", "Dockerfile", "FROM nvidia/cuda:12.8.1-devel-ubuntu24.04\n" + clone + build).size());
        assertEquals(List.of(), lint("VL106", "Dockerfile", "FROM nvidia/cuda:12.8.1-devel-ubuntu24.04\n" + clone + sed + build));
    }

    @Test
    void cleanupOnlyRunIsANoteUnlessItsPathsAreMounts() {
        List<Finding> findings = lint("VL102", "Dockerfile", "FROM ubuntu:24.04\nRUN apt-get update && pip install x\n"
                + "RUN rm -rf /var/lib/apt/lists/* && apt-get clean\n"
                + "RUN --mount=type=cache,target=/root/.cache rm -rf /root/.cache/pip\n");
        assertEquals(1, findings.size());
        assertEquals(Severity.NOTE, findings.get(0).severity());
        assertEquals(3, findings.get(0).start().line());
        assertTrue(findings.get(0).message().contains("/var/lib/apt/lists (package lists from apt-get update on line 2)"),
                findings.get(0).message());
    }

    @Test
    void commandsWhoseSubcommandIsAVariableCreateNothingKnown() {
        assertEquals(List.of(), lint("VL102", "Dockerfile",
                "FROM fedora:41\nRUN dnf $ACTION x && pip \"$@\" && uv $SUB\nRUN rm -rf /var/cache/dnf\n"));
    }

    @Test
    void aCacheFilledTwiceIsNamedOnce() {
        List<Finding> findings = lint("VL102", "Dockerfile",
                "FROM fedora:41\nRUN dnf -y install a\nRUN dnf -y install b\nRUN dnf clean all\n");
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("/var/cache/dnf (dnf's cache, filled on line 2)."),
                findings.get(0).message());
    }

    @Test
    void cleanupOfWhatNothingCreatedIsNotReported() {
        assertEquals(List.of(), lint("VL102", "Dockerfile", "FROM ubuntu:24.04\nRUN rm -rf /usr/share/doc /tmp/*\n"));
    }

    @Test
    void expansionsInFindAndCleanupWordsAreNotTrouble() {
        String text = "FROM nvcr.io/nvidia/pytorch:25.02-py3\n"
                + "RUN find /opt/hpcx -mindepth 1 -exec rm -rf $EXTRA {} \\; && apt-get $CMD\n"
                + "RUN find /opt/hpcx -newer $STAMP -delete\n";
        assertEquals(1, lint("VL103", "Dockerfile", text).size());
        assertEquals(List.of(), lint("VL102", "Dockerfile", text));
    }

    @Test
    void cpuBuildsFetchNoCudaKernels() {
        String build = "RUN git clone --depth 1 https://github.com/vllm-project/vllm.git /v && cd /v && pip install --no-build-isolation .\n";
        assertEquals(List.of(), lint("VL106", "Dockerfile", "FROM ubuntu:24.04\nENV VLLM_TARGET_DEVICE=cpu\n" + build));
        assertEquals(1, lint("VL106", "Dockerfile", "FROM ubuntu:24.04\nENV VLLM_TARGET_DEVICE=cuda\n" + build).size());
    }

    @Test
    void anyEarlierTorchInstallCountsForBuildIsolation() {
        String text = "FROM python:3.12\nRUN pip install torch\n"
                + "RUN git clone https://github.com/facebookresearch/xformers.git /x && pip wheel -w /w /x\n";
        assertEquals(1, lint("VL104", "Dockerfile", text).size());
        assertEquals(List.of(), lint("VL104", "Dockerfile", text.replace("RUN pip install torch\n", "")));
    }
}
