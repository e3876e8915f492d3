package dev.vlint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.rule.RuleIndex;
import dev.vlint.rule.Severity;
import dev.vlint.rule.StubRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final RuleIndex IDS = StubRules.index("VL101", "VL102", "VL002");
    private static final Path FILE = Path.of(".vlint.yaml");

    private static Config parse(String text) throws ConfigException {
        return ConfigLoader.parse(FILE, text, IDS, ConfigLoader.ANY_GPU_SHAPE);
    }

    private static ConfigException failure(String text) {
        return assertThrows(ConfigException.class, () -> parse(text));
    }

    @Test
    void readsEverySection() throws Exception {
        Config config = parse("""
                rules:
                  VL102: off
                  VL101: note
                ignore-paths: ["third_party/**", vendor/x]
                targets:
                  gpus: [A100, sm_120, "8.9"]
                  driver-cuda: "12.8"
                  runner-disk-gb: 14
                  runner-labels: [gpu-a100, "linux-*"]
                """);
        assertEquals(Optional.empty(), config.ruleLevels().get("VL102"));
        assertEquals(Optional.of(Severity.NOTE), config.ruleLevels().get("VL101"));
        assertEquals(List.of("third_party/**", "vendor/x"), config.ignorePaths());
        assertEquals(List.of("A100", "sm_120", "8.9"), config.targets().gpus());
        assertEquals("12.8", config.targets().driverCuda());
        assertEquals(14, config.targets().runnerDiskGb());
        assertEquals(List.of("gpu-a100", "linux-*"), config.targets().runnerLabels());
    }

    @Test
    void unquotedCudaVersionKeepsItsDigits() throws Exception {
        assertEquals("12.10", parse("targets:\n  driver-cuda: 12.10\n").targets().driverCuda());
    }

    @Test
    void emptyFileIsTheDefault() throws Exception {
        assertEquals(Config.DEFAULT, parse(""));
        assertEquals(Config.DEFAULT, parse("# only a comment\n"));
    }

    @Test
    void unknownKeyNamesItsLine() {
        ConfigException e = failure("rules: {}\nignore_paths: []\n");
        assertEquals(2, e.line());
        assertEquals(1, e.column());
        assertTrue(e.getMessage().startsWith(".vlint.yaml:2:1: unknown key 'ignore_paths'"), e.getMessage());
    }

    @Test
    void unknownRuleId() {
        ConfigException e = failure("rules:\n  VL101: error\n  VL999: off\n");
        assertEquals(3, e.line());
        assertEquals(3, e.column());
        assertTrue(e.problem().contains("VL999"));
    }

    @Test
    void badLevel() {
        ConfigException e = failure("rules:\n  VL101: loud\n");
        assertEquals(2, e.line());
        assertTrue(e.problem().startsWith("bad level for VL101"), e.problem());
    }

    @Test
    void wrongTypes() {
        assertEquals(1, failure("- a\n- b\n").line());
        assertEquals(2, failure("x: 1\n").line() + 1);
        ConfigException paths = failure("ignore-paths: third_party\n");
        assertTrue(paths.problem().contains("must be a list"), paths.problem());
        assertEquals(3, failure("targets:\n  gpus: [A100]\n  runner-disk-gb: lots\n").line());
        assertEquals(2, failure("targets:\n  driver-cuda: twelve\n").line());
        assertEquals(2, failure("targets:\n  cpus: 4\n").line());
    }

    @Test
    void unknownGpuIsRejectedByThePredicate() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(FILE,
                "targets:\n  gpus:\n    - A100\n    - B999\n", IDS, "A100"::equals));
        assertEquals(4, e.line());
        assertTrue(e.problem().contains("B999"));
    }

    @Test
    void yamlSyntaxErrorIsToldAtTheQuoteThatIsNeverClosed() {
        ConfigException e = failure("rules:\n  VL101: error\n  VL102: 'off\n");
        assertEquals(List.of(new ConfigException.Problem(3, 10, "this quoted value is never closed: add the closing '")),
                e.problems());
    }

    @Test
    void anUnclosedBracketSaysSo() {
        ConfigException e = failure("rules: [\n  VL102: off\n");
        assertEquals(List.of(new ConfigException.Problem(1, 8,
                "this '[' is never closed: expected ',' or ']' but found the end of the file")), e.problems());
    }

    /** Found on the first try: with nothing after "[", the parser's context is an entry, read as '{' at 2:1. */
    @Test
    void aBracketAloneAtTheEndIsTheOneNamed() {
        ConfigException e = failure("rules: [\n");
        assertEquals(List.of(new ConfigException.Problem(1, 8,
                "this '[' is never closed: expected ',' or ']' but found the end of the file")), e.problems());
    }

    @Test
    void everyMistakeIsReportedAtOnce() {
        ConfigException e = failure("""
                rules:
                  vl102: off
                  VL999: off
                  VL101: loud
                  VL102: note
                colour: true
                ignore-paths: third_party
                targets:
                  gpus: [A100, 5]
                  runner-disk-gb: lots
                rules: {}
                """);
        assertEquals(List.of(
                "3:3: unknown rule id 'VL999'",
                "4:10: bad level for VL101 (expected off, error, warning or note)",
                "5:3: 'VL102' is set twice (first at line 2)",
                "6:1: unknown key 'colour' (expected rules, ignore-paths, targets, dockerfile, shellcheck, workflows)",
                "7:15: 'ignore-paths' must be a list",
                "9:16: unknown GPU '5'",
                "10:19: 'runner-disk-gb' must be a positive whole number",
                "11:1: 'rules' is set twice (first at line 1)"),
                e.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
        assertTrue(e.getMessage().startsWith(".vlint.yaml:3:3: unknown rule id 'VL999'"), e.getMessage());
    }

    @Test
    void starterConfigLoadsCleanly() throws Exception {
        Config config = parse(ConfigLoader.starterConfig());
        assertEquals(Config.DEFAULT.ruleLevels(), config.ruleLevels());
        assertTrue(config.targets().gpus().isEmpty());
        String workflowsUncommented = ConfigLoader.starterConfig().replace("# workflows:", "workflows:")
                .replace("  # pinning:", "  pinning:").replace("  # repository:", "  repository:");
        assertEquals("acme/gpu-images", parse(workflowsUncommented).workflows().repository());
    }

    @Test
    void findsConfigAtLintRootThenGitRoot(@TempDir Path dir) throws Exception {
        Git.init().setDirectory(dir.toFile()).call().close();
        Path sub = Files.createDirectories(dir.resolve("a/b"));
        assertTrue(ConfigLoader.find(sub).isEmpty());
        Files.writeString(dir.resolve(".vlint.yaml"), "rules: {}\n");
        assertEquals(dir.resolve(".vlint.yaml").toRealPath(), ConfigLoader.find(sub).orElseThrow().toRealPath());
        Files.writeString(sub.resolve(".vlint.yaml"), "rules: {}\n");
        assertEquals(sub.resolve(".vlint.yaml"), ConfigLoader.find(sub).orElseThrow());
        Path loaded = ConfigLoader.find(sub).orElseThrow();
        assertEquals(Config.DEFAULT.ruleLevels(), ConfigLoader.load(loaded, IDS, g -> true).ruleLevels());
    }

    @Test
    void findsConfigAtTheRootOfALinkedWorktree(@TempDir Path dir) throws Exception {
        Path worktree = Files.createDirectories(dir.resolve("wt"));
        Files.writeString(worktree.resolve(".git"), "gitdir: " + dir.resolve("main/.git/worktrees/wt") + "\n");
        Files.writeString(dir.resolve(".vlint.yaml"), "rules: {}\n");
        Path sub = Files.createDirectories(worktree.resolve("a"));
        assertTrue(ConfigLoader.find(sub).isEmpty(), "the search stops at the work tree");
        Files.writeString(worktree.resolve(".vlint.yaml"), "rules: {}\n");
        assertEquals(worktree.resolve(".vlint.yaml"), ConfigLoader.find(sub).orElseThrow());
    }

    @Test
    void readsHowWorkflowsMayUseActions() throws Exception {
        Config config = parse("""
                workflows:
                  pinning:
                    "*": hash
                    actions/*: ref-pin
                    my-org/deploy/*: any
                  allowed-actions: [actions/*, docker/build-push-action]
                  forbidden-actions: [evil/thing]
                  repository: acme/gpu-images
                """);
        assertEquals(List.of("*", "actions/*", "my-org/deploy/*"), List.copyOf(config.workflows().pinning().keySet()));
        assertEquals("tag", config.workflows().pinning().get("actions/*"), "zizmor's policy names are accepted");
        assertEquals(List.of("actions/*", "docker/build-push-action"), config.workflows().allowedActions());
        assertEquals(List.of("evil/thing"), config.workflows().forbiddenActions());
        assertEquals("acme/gpu-images", config.workflows().repository());
        assertEquals(Config.Workflows.NONE, Config.DEFAULT.workflows());
    }

    @Test
    void badWorkflowSettingsNameTheirPlace() {
        assertEquals(3, failure("workflows:\n  pinning:\n    actions/*: loose\n").line());
        assertTrue(failure("workflows:\n  pinning:\n    actions/*: loose\n").getMessage().contains("any, tag or hash"));
        assertTrue(failure("workflows:\n  allowed-actions: [\"a b\"]\n").getMessage().contains("bad action pattern"));
        assertTrue(failure("workflows:\n  pins: {}\n").getMessage().contains("workflows.pins"));
        assertEquals(2, failure("workflows:\n  repository: https://github.com/acme/x\n").line());
        assertTrue(failure("workflows:\n  repository: acme\n").getMessage().contains("owner/name"));
    }
}
