package dev.vlint.fixers.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.config.Config;
import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.fixers.ParseCheck;
import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.source.TextRange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildDriverTest {
    private static final String DOCKERFILE = "FROM python:3.12\n"
            + "RUN --mount=type=cache,target=/root/.cache pip install torch\n";
    private static final String FIXED = "FROM python:3.12\n"
            + "RUN --mount=type=cache,id=cache-${TARGETARCH},target=/root/.cache pip install torch\n";
    private static final long TEN_GB = 10_000_000_000L;

    /** A cache mount without an id is shared by every platform; the fix gives each platform its own. */
    private static final Rule CACHE_ID = new Rule() {
        private final Pattern mount = Pattern.compile("--mount=type=cache,(\\S*)");
        private final RuleMeta meta = new RuleMeta("VL991", "test-cache-id", Severity.WARNING,
                "cache mount without id", Fixability.SAFE, Set.of(FileKind.DOCKERFILE), List.of("test"));

        @Override
        public RuleMeta meta() {
            return meta;
        }

        @Override
        public void check(RuleContext context) {
            Matcher m = mount.matcher(context.file().source().text());
            while (m.find()) {
                if (!m.group(1).contains("id=")) {
                    context.report(new TextRange(m.start(), m.end()), "cache mount without id",
                            Fix.safe("add a per-platform id", Edit.insert(m.start(1), "id=cache-${TARGETARCH},")));
                }
            }
        }
    };

    @TempDir
    Path work;
    Path log;
    Path fakeBin;
    final Map<String, String> env = new HashMap<>(System.getenv());
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    DiskEstimator estimator = DiskEstimator.UNKNOWN;
    Config config = Config.DEFAULT;

    @BeforeEach
    void fakeDocker() throws IOException {
        fakeBin = Files.createDirectories(work.resolve("bin"));
        log = work.resolve("docker.log");
        Path docker = fakeBin.resolve("docker");
        Files.writeString(docker, "#!/bin/sh\n"
                + "for a in \"$@\"; do printf '%s\\t' \"$a\"; done >> \"$FAKE_DOCKER_LOG\"\n"
                + "printf '\\n' >> \"$FAKE_DOCKER_LOG\"\n"
                + "case \" $* \" in *\" ${FAKE_DOCKER_FAIL_ON:-none} \"*) exit 3 ;; esac\n"
                + "exit \"${FAKE_DOCKER_EXIT:-0}\"\n");
        assertTrue(docker.toFile().setExecutable(true));
        env.remove("VLINT_DOCKER");
        env.put("PATH", fakeBin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("FAKE_DOCKER_LOG", log.toString());
    }

    private Path write(String path, String text) throws IOException {
        Path file = work.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private int run(BuildOptions options, String command) {
        BuildDriver driver = new BuildDriver(config, ParseCheck.NONE, estimator, work, env);
        return driver.run(options, List.of(command.split(" ")), List.of(CACHE_ID),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** The fake docker's calls, one list of arguments per call. */
    private List<List<String>> calls() throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        return Files.readAllLines(log).stream().map(line -> Arrays.asList(line.split("\t"))).toList();
    }

    private static BuildOptions shadow(Path dir) {
        return new BuildOptions(false, dir, null, null, false, false);
    }

    private static BuildOptions budget(int gb, boolean oneAtATime, boolean allowSplitPush) {
        return new BuildOptions(false, null, null, gb, oneAtATime, allowSplitPush);
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void buildsThePatchedCopyAndLeavesTheOriginalAlone() throws IOException {
        Path original = write("ctx/Dockerfile", DOCKERFILE);
        byte[] before = Files.readAllBytes(original);
        Path shadowDir = work.resolve("shadow");

        assertEquals(0, run(shadow(shadowDir), "docker buildx build -t app:1 ctx"));

        Path copy = shadowDir.resolve("Dockerfile").toAbsolutePath();
        assertEquals(List.of(List.of("buildx", "build", "-f", copy.toString(), "-t", "app:1", "ctx")), calls());
        assertEquals(FIXED, Files.readString(copy));
        assertArrayEquals(before, Files.readAllBytes(original));
        assertTrue(errText().contains("+RUN --mount=type=cache,id=cache-${TARGETARCH},target=/root/.cache"),
                errText());
        assertTrue(errText().contains("Fixed 1 finding in 1 file (VL991 x1)"), errText());
    }

    @Test
    void resolvesTheFileAgainstTheWorkingFolderAndCopiesItsDockerignore() throws IOException {
        write("docker/app.Dockerfile", DOCKERFILE);
        write("docker/app.Dockerfile.dockerignore", "node_modules\n");
        Path shadowDir = work.resolve("shadow");

        assertEquals(0, run(shadow(shadowDir), "docker build --file=docker/app.Dockerfile ."));

        Path copy = shadowDir.resolve("app.Dockerfile").toAbsolutePath();
        assertEquals(List.of(List.of("build", "-f", copy.toString(), ".")), calls());
        assertEquals("node_modules\n", Files.readString(shadowDir.resolve("app.Dockerfile.dockerignore")));
    }

    @Test
    void buildsTheOriginalWhenNothingNeedsFixing() throws IOException {
        write("Dockerfile", "FROM python:3.12\n");
        Path shadowDir = work.resolve("shadow");

        assertEquals(0, run(shadow(shadowDir), "docker buildx build ."));

        assertEquals(List.of(List.of("buildx", "build", ".")), calls());
        assertFalse(Files.exists(shadowDir.resolve("Dockerfile")));
    }

    @Test
    void passesTheExitCodeThrough() throws IOException {
        write("Dockerfile", DOCKERFILE);
        env.put("FAKE_DOCKER_EXIT", "7");

        assertEquals(7, run(BuildOptions.DEFAULT, "docker buildx build ."));
        assertEquals(1, calls().size());
    }

    @Test
    void removesTheTemporaryShadowFolderAfterTheBuild() throws IOException {
        write("Dockerfile", DOCKERFILE);
        write("Dockerfile.dockerignore", "*.log\n");

        assertEquals(0, run(BuildOptions.DEFAULT, "docker buildx build ."));

        Path copy = Path.of(calls().get(0).get(3));
        assertEquals("Dockerfile", copy.getFileName().toString());
        assertFalse(Files.exists(copy.getParent()), copy.getParent() + " left behind");
    }

    /** The builder vlint created for a split build: the value of --name in its first call. */
    private String ownBuilder(List<List<String>> calls) {
        assertEquals(List.of("buildx", "create", "--name"), calls.get(0).subList(0, 3), calls.toString());
        String name = calls.get(0).get(3);
        assertTrue(name.matches("vlint-build-[0-9a-f]+"), name);
        assertEquals(List.of("--driver", "docker-container"), calls.get(0).subList(4, 6));
        return name;
    }

    /** A prune or removal that reaches beyond what the build made: any prune not on vlint's builder. */
    private static void assertNothingForeignRemoved(List<List<String>> calls, String builder) {
        for (List<String> call : calls) {
            boolean prune = call.contains("prune");
            assertFalse(prune && !(call.contains("--builder") && call.contains(builder)), "global prune: " + call);
        }
    }

    @Test
    void splitsOnABuilderOfItsOwnAndPrunesOnlyThatWhenTheBudgetIsTooSmall() throws IOException {
        write("Dockerfile", DOCKERFILE);
        estimator = (dockerfile, command) -> OptionalLong.of(TEN_GB);

        assertEquals(0, run(budget(15, false, false),
                "docker buildx build --platform linux/amd64,linux/arm64 -t app -t app:1 ."));

        List<List<String>> calls = calls();
        String builder = ownBuilder(calls);
        String copy = calls.get(1).get(calls.get(1).indexOf("-f") + 1);
        assertEquals(List.of(
                List.of("buildx", "create", "--name", builder, "--driver", "docker-container"),
                List.of("buildx", "build", "--platform", "linux/amd64", "--builder", builder, "--load", "-f", copy,
                        "-t", "app", "-t", "app:1", "."),
                List.of("buildx", "prune", "--builder", builder, "--all", "--force"),
                List.of("image", "rm", "app", "app:1"),
                List.of("buildx", "build", "--platform", "linux/arm64", "--builder", builder, "--load", "-f", copy,
                        "-t", "app", "-t", "app:1", "."),
                List.of("buildx", "rm", builder)), calls);
        assertNothingForeignRemoved(calls, builder);
        assertTrue(errText().contains("building one platform at a time"), errText());
        assertTrue(errText().contains("vlint build: one platform at a time: vlint builds on a builder of its own, "
                + builder + ", prunes only that builder's cache between platforms and removes the builder at the end;"
                + " removes the tags app, app:1 of each platform's image before the next platform builds; nothing"
                + " else is pruned"), errText());
    }

    @Test
    void aBuilderTheUserNamedIsKeptWithItsCache() throws IOException {
        write("Dockerfile", DOCKERFILE);

        assertEquals(0, run(budget(100, true, false),
                "docker buildx build --builder b1 --platform linux/amd64,linux/arm64 -t app --load ."));

        List<List<String>> calls = calls();
        assertEquals(3, calls.size(), calls.toString());
        assertEquals(List.of("--platform", "linux/amd64"), calls.get(0).subList(2, 4));
        assertEquals(List.of("image", "rm", "app"), calls.get(1));
        assertEquals(List.of("--platform", "linux/arm64"), calls.get(2).subList(2, 4));
        assertTrue(calls.get(0).containsAll(List.of("-t", "app", "--load", ".", "--builder", "b1")));
        assertNothingForeignRemoved(calls, "none");
        assertTrue(errText().contains("keeps the cache of builder b1: it is not this build's alone"), errText());
    }

    @Test
    void aFailedPlatformStillRemovesTheBuilderAndPassesItsExitCode() throws IOException {
        write("Dockerfile", DOCKERFILE);
        env.put("FAKE_DOCKER_FAIL_ON", "linux/amd64");

        assertEquals(3, run(budget(100, true, false), "docker buildx build --platform linux/amd64,linux/arm64 ."));

        List<List<String>> calls = calls();
        String builder = ownBuilder(calls);
        assertEquals(3, calls.size(), calls.toString());
        assertEquals(List.of("buildx", "rm", builder), calls.get(2));
        Path copy = Path.of(calls.get(1).get(calls.get(1).indexOf("-f") + 1));
        assertFalse(Files.exists(copy.getParent()), "temporary folder left behind: " + copy.getParent());
    }

    @Test
    void keepsPlatformsTogetherWhenTheBudgetHoldsThem() throws IOException {
        write("Dockerfile", DOCKERFILE);
        estimator = (dockerfile, command) -> OptionalLong.of(TEN_GB);

        assertEquals(0, run(budget(25, false, false), "docker buildx build --platform linux/amd64,linux/arm64 ."));

        assertEquals(1, calls().size());
        assertTrue(calls().get(0).contains("linux/amd64,linux/arm64"));
    }

    @Test
    void theRunnerDiskOfTheConfigLimitsTheBudget() throws IOException {
        write("Dockerfile", DOCKERFILE);
        estimator = (dockerfile, command) -> OptionalLong.of(TEN_GB);
        config = new Config(Map.of(), List.of(), new Config.Targets(List.of(), null, 14));

        assertEquals(0, run(BuildOptions.DEFAULT, "docker buildx build --platform linux/amd64,linux/arm64 -t app ."));

        assertEquals(6, calls().size(), calls().toString());
        assertTrue(errText().contains("runner-disk-gb 14 in the config"), errText());
        assertTrue(errText().contains("they name the image of linux/arm64"), errText());
    }

    @Test
    void theEstimateSeesTheFixedDockerfile() throws IOException {
        write("Dockerfile", DOCKERFILE);
        estimator = (dockerfile, command) -> OptionalLong.of(dockerfile.text().equals(FIXED) ? TEN_GB : 0);

        assertEquals(0, run(budget(15, false, false), "docker buildx build --platform linux/amd64,linux/arm64 ."));

        assertEquals(5, calls().size(), calls().toString());
    }

    @Test
    void splitsARemoteBuildWhenAsked() throws IOException {
        assertEquals(0, run(budget(100, true, false),
                "docker build --platform linux/amd64,linux/arm64 https://github.com/o/r.git"));

        assertEquals(List.of(
                List.of("build", "--platform", "linux/amd64", "https://github.com/o/r.git"),
                List.of("build", "--platform", "linux/arm64", "https://github.com/o/r.git")), calls());
        assertTrue(errText().contains("keeps the build cache: docker build shares the default builder"), errText());
    }

    @Test
    void theFreeSpaceOfTheDockerRootLimitsTheBudget() throws IOException {
        write("Dockerfile", DOCKERFILE);
        long free = Files.getFileStore(work).getUsableSpace();
        // one platform needs all the free space, so two cannot fit even if some is freed meanwhile
        estimator = (dockerfile, command) -> OptionalLong.of(free);

        assertEquals(0, run(new BuildOptions(false, null, work, null, false, false),
                "docker buildx build --platform linux/amd64,linux/arm64 ."));

        assertEquals(5, calls().size(), calls().toString());
    }

    @Test
    void stopsAtTheFirstFailingPlatform() throws IOException {
        write("Dockerfile", DOCKERFILE);
        env.put("FAKE_DOCKER_EXIT", "3");

        assertEquals(3, run(budget(100, true, false), "docker buildx build --platform linux/amd64,linux/arm64 ."));
        assertEquals(1, calls().size(), "the builder could not be created, so there is nothing to remove");
    }

    @Test
    void refusesToSplitABuildThatPushes() throws IOException {
        write("Dockerfile", DOCKERFILE);

        assertEquals(2, run(budget(100, true, false),
                "docker buildx build --platform linux/amd64,linux/arm64 -t r/app:1 --push ."));

        assertEquals(List.of(), calls());
        assertTrue(errText().contains("push-by-digest=true"), errText());
    }

    @Test
    void splitsAPushWhenAllowed() throws IOException {
        write("Dockerfile", DOCKERFILE);

        assertEquals(0, run(budget(100, true, true),
                "docker buildx build --platform linux/amd64,linux/arm64 -t r/app:1 --push ."));

        List<List<String>> calls = calls();
        String builder = ownBuilder(calls);
        assertEquals(List.of("buildx", "prune", "--builder", builder, "--all", "--force"), calls.get(2));
        assertFalse(calls.get(1).contains("--load"), "the build says where its result goes: " + calls.get(1));
        assertEquals(5, calls.size(), "no image to untag: it was pushed, not loaded " + calls);
    }

    @Test
    void dryRunPrintsTheCommandsAndRunsNothing() throws IOException {
        Path original = write("ctx/Dockerfile", DOCKERFILE);
        Path shadowDir = work.resolve("shadow dir");

        assertEquals(0, run(new BuildOptions(true, shadowDir, null, null, true, false),
                "docker buildx build --platform linux/amd64,linux/arm64 --build-arg V=a'b ctx"));

        assertEquals(List.of(), calls());
        assertFalse(Files.exists(log));
        Path copy = shadowDir.resolve("Dockerfile").toAbsolutePath();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        String builder = lines.get(1).replaceFirst("docker buildx create --name (\\S+) .*", "$1");
        String build = " --builder " + builder + " --load -f '" + copy + "' --build-arg 'V=a'\"'\"'b' ctx";
        assertEquals(List.of("# patched copy: " + copy,
                "docker buildx create --name " + builder + " --driver docker-container",
                "docker buildx build --platform linux/amd64" + build,
                "docker buildx prune --builder " + builder + " --all --force",
                "docker buildx build --platform linux/arm64" + build,
                "# at the end, even when a build fails:",
                "docker buildx rm " + builder), lines);
        assertEquals(FIXED, Files.readString(copy));
        assertEquals(DOCKERFILE, Files.readString(original));
        assertTrue(errText().contains("--- a/ctx/Dockerfile"), errText());
    }

    @Test
    void aDryRunWithoutShadowFolderWritesNothingAndLeavesNoFolder() throws IOException {
        write("Dockerfile", DOCKERFILE);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = temporaryFolders(tmp);

        assertEquals(0, run(new BuildOptions(true, null, null, null, false, false), "docker buildx build ."));

        assertEquals(before, temporaryFolders(tmp));
        String copy = tmp.resolve("vlint-build-XXXXXX/Dockerfile").toString();
        assertEquals(List.of("# patched copy: " + copy + " (not written: a dry run writes the copy only with"
                + " --shadow-dir)", "docker buildx build -f " + copy + " ."), out.toString(StandardCharsets.UTF_8).lines().toList());
        assertTrue(errText().contains("+RUN --mount=type=cache,id=cache-${TARGETARCH}"), errText());
    }

    private static List<Path> temporaryFolders(Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(p -> p.getFileName().toString().startsWith("vlint-build-")).sorted().toList();
        }
    }

    @Test
    void runsARemoteContextUnchanged() throws IOException {
        assertEquals(0, run(BuildOptions.DEFAULT, "docker buildx build -t app https://github.com/o/r.git#main"));

        assertEquals(List.of(List.of("buildx", "build", "-t", "app", "https://github.com/o/r.git#main")), calls());
        assertTrue(errText().contains("cannot be patched"), errText());
    }

    @Test
    void aMissingDockerfileIsAUsageError() throws IOException {
        Files.createDirectories(work.resolve("ctx"));

        assertEquals(2, run(BuildOptions.DEFAULT, "docker buildx build ctx"));

        assertEquals(List.of(), calls());
        assertTrue(errText().contains("Dockerfile not found: " + work.resolve("ctx/Dockerfile")), errText());
    }

    @Test
    void anUnknownCommandIsAUsageError() throws IOException {
        assertEquals(2, run(BuildOptions.DEFAULT, "docker run app"));
        assertEquals(List.of(), calls());
    }

    @Test
    void refusesAShadowFolderThatHoldsTheDockerfile() throws IOException {
        Path original = write("ctx/Dockerfile", DOCKERFILE);

        assertEquals(2, run(shadow(work.resolve("ctx")), "docker buildx build ctx"));

        assertEquals(DOCKERFILE, Files.readString(original));
        assertEquals(List.of(), calls());
    }

    @Test
    void vlintDockerOverridesThePath() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        env.put("VLINT_DOCKER", fakeBin.resolve("docker").toString());
        env.put("PATH", "/nonexistent");

        assertEquals(0, run(BuildOptions.DEFAULT, "docker build ."));
        assertEquals(List.of(List.of("build", ".")), calls());
    }

    @Test
    void aMissingDockerIsReported() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        env.put("PATH", "/nonexistent");

        assertEquals(2, run(BuildOptions.DEFAULT, "docker build ."));
        assertTrue(errText().contains("docker not found"), errText());
    }

    @Test
    void shellQuoteLeavesPlainWordsAlone() {
        assertEquals("docker build -t a/b:1 'x y' '' 'it'\"'\"'s'",
                BuildDriver.shellQuote(Stream.of("docker", "build", "-t", "a/b:1", "x y", "", "it's").toList()));
    }
}
