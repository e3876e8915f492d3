package dev.vlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vlint.report.SarifSchemaCheck;
import dev.vlint.rule.Rule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Map<String, String> env = new HashMap<>();
    private boolean terminal;
    private List<Rule> rules = List.of(TestRules.LATEST, TestRules.APT);

    @BeforeEach
    void project() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(dir.resolve("docker"));
        Files.writeString(dir.resolve("docker/Dockerfile"), "FROM ubuntu:latest\nRUN apt-get update\n");
    }

    private int vlint(String... args) {
        return new Session(dir, new PrintWriter(out), new PrintWriter(err), env, terminal, rules).run(args);
    }

    @Test
    void findingsAtOrAboveTheThresholdExitOne() {
        assertEquals(1, vlint());
        assertTrue(out.toString().startsWith("docker/Dockerfile:1:13: error[XT001] tag latest is not reproducible\n"),
                out.toString());
        assertTrue(out.toString().contains("docker/Dockerfile:2:5: note[XT002] apt-get is used"), out.toString());
        assertTrue(err.toString().matches("Checked 1 file in \\d+\\.\\d\\ds: 1 error, 0 warnings, 1 note"
                + " \\(1 fixable with --fix\\)\n"), err.toString());
    }

    @Test
    void failOnDecidesTheExitCode() {
        assertEquals(0, vlint("--fail-on", "none"));
        assertEquals(1, vlint("--select", "XT002", "--fail-on", "note"));
        assertEquals(0, vlint("--select", "XT002", "--fail-on", "warning"));
        assertEquals(0, vlint("--ignore", "XT001,XT002"));
    }

    @Test
    void pathsAreRelativeToTheGitRootFromASubfolder() throws IOException {
        Path sub = dir.resolve("docker");
        int code = new Session(sub, new PrintWriter(out), new PrintWriter(err), env, false, rules).run("Dockerfile");
        assertEquals(1, code);
        assertTrue(out.toString().startsWith("docker/Dockerfile:1:13:"), out.toString());
    }

    @Test
    void outsideGitPathsAreRelativeToTheWorkingDirectory() throws IOException {
        Files.delete(dir.resolve(".git"));
        assertEquals(1, vlint("docker/Dockerfile"));
        assertTrue(out.toString().startsWith("docker/Dockerfile:1:13:"), out.toString());
    }

    @Test
    void jsonFormat() throws IOException {
        assertEquals(1, vlint("--format", "json"));
        JsonNode array = new ObjectMapper().readTree(out.toString());
        assertEquals(2, array.size());
        assertEquals("XT001", array.get(0).get("rule").asText());
    }

    @Test
    void githubFormat() {
        assertEquals(1, vlint("--format", "github"));
        assertTrue(out.toString().startsWith(
                "::error file=docker/Dockerfile,line=1,col=13,endLine=1,endColumn=18,title=XT001 test-latest-tag::"),
                out.toString());
    }

    @Test
    void sarifToAnOutputFileIsValidAndLeavesNoTemporaryFiles() throws IOException {
        Files.writeString(dir.resolve("report.sarif"), "old content");
        assertEquals(1, vlint("--format", "sarif", "--category", "cuda", "--output", "report.sarif"));
        assertEquals("", out.toString());
        String sarif = Files.readString(dir.resolve("report.sarif"));
        assertEquals(List.of(), SarifSchemaCheck.violations(sarif));
        JsonNode run = new ObjectMapper().readTree(sarif).get("runs").get(0);
        assertEquals("cuda/", run.at("/automationDetails/id").asText());
        assertEquals(2, run.at("/tool/driver/rules").size());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    /** --output /dev/stdout or a pipe: written through, not replaced by a regular file (which broke /dev/null). */
    @Test
    void outputToANamedPipeWritesThroughIt() throws Exception {
        Path pipe = dir.resolve("report.pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
        java.util.concurrent.CompletableFuture<String> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(pipe);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals(1, vlint("--format", "json", "--output", "report.pipe"));
        assertTrue(read.get(30, java.util.concurrent.TimeUnit.SECONDS).contains("\"rule\""));
        assertTrue(Files.exists(pipe) && !Files.isRegularFile(pipe), "the pipe is still a pipe");
    }

    @Test
    void unknownFormatIsAUsageError() {
        assertEquals(2, vlint("--format", "xml"));
        assertTrue(err.toString().contains("invalid value 'xml' for --format"), err.toString());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, vlint("--bogus"));
        assertTrue(err.toString().contains("--bogus"), err.toString());
    }

    @Test
    void unknownRuleInSelectIsAUsageError() {
        assertEquals(2, vlint("--select", "XT999"));
        assertEquals("vlint: unknown rule id 'XT999' in --select (vlint rules lists them)\n", err.toString());
    }

    @Test
    void configErrorNamesFileAndLine() throws IOException {
        Files.writeString(dir.resolve(".vlint.yaml"), "rules:\n  XT001: off\n  XT404: error\n");
        assertEquals(2, vlint());
        assertEquals("vlint: config error: .vlint.yaml:3:3: unknown rule id 'XT404'\n",
                err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void everyConfigErrorIsPrintedWithItsPlace() throws IOException {
        Files.writeString(dir.resolve(".vlint.yaml"), "rules:\n  xt001: off\n  XT404: error\ncolour: true\n");
        assertEquals(2, vlint());
        assertEquals("vlint: config error: .vlint.yaml:3:3: unknown rule id 'XT404'\n"
                + "vlint: config error: .vlint.yaml:4:1: unknown key 'colour' (expected rules, ignore-paths, targets, dockerfile, shellcheck, workflows)\n",
                err.toString());
        err.getBuffer().setLength(0);
        Files.writeString(dir.resolve(".vlint.yaml"), "rules: [\n  XT001: off\n");
        assertEquals(2, vlint());
        assertEquals("vlint: config error: .vlint.yaml:1:8: this '[' is never closed: expected ',' or ']' but found"
                + " the end of the file\n", err.toString());
    }

    @Test
    void configTurnsRulesOffAndChangesLevels() throws IOException {
        Files.writeString(dir.resolve("custom.yaml"), "rules:\n  XT001: off\n  XT002: error\n");
        assertEquals(1, vlint("--config", "custom.yaml"));
        assertFalse(out.toString().contains("XT001"), out.toString());
        assertTrue(out.toString().contains("error[XT002]"), out.toString());
    }

    @Test
    void unknownConfigKeyAndBrokenYamlAreConfigErrors() throws IOException {
        Files.writeString(dir.resolve(".vlint.yaml"), "rules: {}\ncolour: true\n");
        assertEquals(2, vlint());
        assertTrue(err.toString().contains(".vlint.yaml:2:1: unknown key 'colour'"), err.toString());
        Files.writeString(dir.resolve(".vlint.yaml"), "rules:\n  XT001: \"off\n");
        assertEquals(2, vlint());
        assertTrue(err.toString().contains(".vlint.yaml:2:10: this quoted value is never closed"), err.toString());
    }

    @Test
    void aFailingRuleIsReportedInOneLineAndTheRunGoesOn() {
        rules = List.of(TestRules.BROKEN, TestRules.APT);
        assertEquals(3, vlint());
        assertTrue(out.toString().contains("docker/Dockerfile:2:5: note[XT002] apt-get is used"), out.toString());
        assertTrue(err.toString().lines().anyMatch(line -> line.equals("vlint: internal error: XT003 failed on "
                + "docker/Dockerfile: IllegalStateException: rule bug (VLINT_DEBUG=1 shows the stack trace)")),
                err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void aFailingRuleEndsAFixRunWithOneLine() {
        rules = List.of(TestRules.BROKEN);
        assertEquals(3, vlint("--fix"));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("vlint: internal error: IllegalStateException: rule bug"), err.toString());
    }

    @Test
    void debugShowsTheStackTrace() {
        rules = List.of(TestRules.BROKEN);
        env.put("VLINT_DEBUG", "1");
        assertEquals(3, vlint());
        assertTrue(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void colourOnlyOnATerminalWithoutNoColor() {
        vlint();
        assertFalse(out.toString().contains("\u001b["), "not a terminal");
        terminal = true;
        out.getBuffer().setLength(0);
        vlint();
        assertTrue(out.toString().contains("\u001b["), "a terminal");
        out.getBuffer().setLength(0);
        vlint("--no-color");
        assertFalse(out.toString().contains("\u001b["), "--no-color");
        env.put("NO_COLOR", "1");
        out.getBuffer().setLength(0);
        vlint();
        assertFalse(out.toString().contains("\u001b["), "NO_COLOR");
    }

    @Test
    void aMissingPathIsAUsageErrorThatWritesNoReport() {
        assertEquals(2, vlint("does/not/exist", "--fail-on", "note", "--format", "sarif", "--output", "x.sarif"));
        assertEquals("vlint: does/not/exist: no such file or folder\n", err.toString());
        assertFalse(Files.exists(dir.resolve("x.sarif")), "no report for a run that linted nothing");
        err.getBuffer().setLength(0);
        assertEquals(2, vlint("docker", "missing", "gone/Dockerfile"));
        assertEquals("vlint: missing: no such file or folder\nvlint: gone/Dockerfile: no such file or folder\n",
                err.toString());
    }

    @Test
    void aBrokenLinkIsNamedAsOne() throws IOException {
        Files.createSymbolicLink(dir.resolve("Dockerfile"), dir.resolve("docker/Dockerfile.gone"));
        assertEquals(2, vlint("Dockerfile"));
        assertEquals("vlint: Dockerfile: broken symbolic link (its target does not exist)\n", err.toString());
    }

    @Test
    void unreadablePathsSayPermissionDenied() throws IOException {
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.writeString(locked.resolve("Dockerfile"), "FROM scratch\n");
        Path file = dir.resolve("docker/Dockerfile");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("-w-------"));
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
            Assumptions.assumeFalse(Files.isReadable(file),
                    "permissions are not enforced for this user (root): PathProblemsTest covers the messages");
            assertEquals(2, vlint("docker/Dockerfile", "locked", "locked/Dockerfile"));
            assertEquals(List.of("vlint: docker/Dockerfile: permission denied (the file cannot be read)",
                    "vlint: locked: permission denied (the folder can be listed but not entered)",
                    "vlint: locked/Dockerfile: permission denied (a folder on the way cannot be entered)"),
                    err.toString().lines().toList());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void rulesTable() {
        assertEquals(0, vlint("rules"));
        assertEquals(List.of("ID     NAME             LEVEL  FIX   ALIASES", "XT001  test-latest-tag  error  safe",
                "XT002  test-apt         note   none  DL9002, AptUsed"), out.toString().lines().toList());
    }

    @Test
    void ruleIdsAreAcceptedInAnyCaseByNameAndByAlias() {
        assertEquals(1, vlint("--select", "xt002", "--fail-on", "note"));
        assertEquals(1, vlint("--select", "dl9002", "--fail-on", "note"));
        assertEquals(1, vlint("--select", "test-apt", "--fail-on", "note"));
        assertEquals(0, vlint("--ignore", "XT001,aptused"));
        assertEquals(2, vlint("--select", "XT00"));
        assertTrue(err.toString().contains("unknown rule id 'XT00' in --select; did you mean XT001?"), err.toString());
    }

    @Test
    void explainShowsTheRulePage() {
        assertEquals(0, vlint("explain", "xt001"));
        assertTrue(out.toString().startsWith("XT001 test-latest-tag\n\nImage tagged latest\n\n  Default severity: error\n"),
                out.toString());
        assertEquals(2, vlint("explain", "XT999"));
    }

    @Test
    void initWritesAStarterThatLoadsAndNeverOverwrites() throws IOException {
        assertEquals(0, vlint("init"));
        assertEquals(dev.vlint.config.ConfigLoader.starterConfig(), Files.readString(dir.resolve(".vlint.yaml")));
        assertEquals(1, vlint(), "the starter config is valid: " + err);
        assertEquals(2, vlint("init"));
        assertTrue(err.toString().contains("already exists"), err.toString());
    }

    @Test
    void diffShowsTheFixAndWritesNothing() throws IOException {
        assertEquals(1, vlint("--diff"));
        assertTrue(out.toString().contains("-FROM ubuntu:latest\n+FROM ubuntu:24.04\n"), out.toString());
        assertEquals("FROM ubuntu:latest\nRUN apt-get update\n", Files.readString(dir.resolve("docker/Dockerfile")));
    }

    @Test
    void diffExitsOneExactlyWhenAFileWouldChangeWhateverFailOnSays() throws IOException {
        assertEquals(1, vlint("--diff", "--fail-on", "none"));
        assertEquals(1, vlint("--diff", "--fail-on", "error"));
        Files.writeString(dir.resolve("docker/Dockerfile"), "FROM ubuntu:24.04\nRUN apt-get update\n");
        assertEquals(0, vlint("--diff", "--fail-on", "note"), "XT002 is left, but nothing would change");
        assertEquals(0, vlint("--help"));
        String help = out.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains("1 findings at or above --fail-on (with --diff: a file would change, whatever"
                + " --fail-on says)"), help);
    }

    @Test
    void aLinkedDockerfileIsLintedAndFixedThroughItsLinkAndOutsideLinksAreNamed(@TempDir Path elsewhere)
            throws IOException {
        Files.move(dir.resolve("docker/Dockerfile"), dir.resolve("docker/cuda.df"));
        Files.createSymbolicLink(dir.resolve("Dockerfile"), Path.of("docker/cuda.df"));
        Files.writeString(elsewhere.resolve("Dockerfile"), "FROM ubuntu:latest\n");
        Files.createSymbolicLink(dir.resolve("Dockerfile.other"), elsewhere.resolve("Dockerfile"));

        assertEquals(1, vlint("--fix", "--fail-on", "note"));

        assertTrue(out.toString().startsWith("Dockerfile:2:5: note[XT002]"), out.toString());
        assertTrue(Files.isSymbolicLink(dir.resolve("Dockerfile")));
        assertEquals("FROM ubuntu:24.04\nRUN apt-get update\n", Files.readString(dir.resolve("docker/cuda.df")));
        assertEquals("FROM ubuntu:latest\n", Files.readString(elsewhere.resolve("Dockerfile")));
        assertTrue(err.toString().contains("vlint: Dockerfile.other: skipped, symbolic link to "
                + elsewhere.resolve("Dockerfile").toRealPath() + ", outside the lint root"), err.toString());
    }

    @Test
    void fixWritesSafeFixesAndReportsWhatIsLeft() throws IOException {
        assertEquals(1, vlint("--fix", "--fail-on", "note"));
        assertEquals("FROM ubuntu:24.04\nRUN apt-get update\n", Files.readString(dir.resolve("docker/Dockerfile")));
        assertFalse(out.toString().contains("XT001"), out.toString());
        assertTrue(out.toString().contains("XT002"), out.toString());
        assertTrue(err.toString().contains("Fixed 1 finding in 1 file (XT001 x1)"), err.toString());
        assertEquals(0, vlint("--fix", "--fail-on", "warning"), "nothing left at warning level");
    }

    @Test
    void dumpPrintsTheParseAndFailsOnWhatBuildKitRejects() throws IOException {
        assertEquals(0, vlint("dump", "docker/Dockerfile"));
        assertEquals("(from \"ubuntu:latest\")\n(run \"apt-get update\")\n", out.toString());
        Files.writeString(dir.resolve("Empty.Dockerfile"), "# only a comment\n");
        assertEquals(1, vlint("dump", "Empty.Dockerfile"));
        assertTrue(err.toString().startsWith("Empty.Dockerfile:"), err.toString());
        assertEquals(2, vlint("dump", "missing/Dockerfile"));
    }

    @Test
    void dumpRefusesFilesThatAreNoDockerfile() throws IOException {
        Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(dir.resolve(".github/workflows/ci.yml"), "on: push\njobs: {}\n");
        Files.writeString(dir.resolve("values.yaml"), "a: 1\n");
        Files.writeString(dir.resolve("build"), "#!/bin/sh\necho hi\n");
        Files.writeString(dir.resolve("app.docker"), "FROM scratch\n");
        assertEquals(2, vlint("dump", ".github/workflows/ci.yml"));
        assertEquals(2, vlint("dump", "values.yaml"));
        assertEquals(2, vlint("dump", "build"));
        assertEquals(List.of(
                "vlint: dump prints how a Dockerfile is parsed, and .github/workflows/ci.yml is a GitHub workflow,"
                        + " not a Dockerfile; `vlint .github/workflows/ci.yml` lints it",
                "vlint: dump prints how a Dockerfile is parsed, and values.yaml is a .yaml file, not a Dockerfile;"
                        + " `vlint ./values.yaml` lints it",
                "vlint: dump prints how a Dockerfile is parsed, and build is a shell script, not a Dockerfile;"
                        + " `vlint ./build` lints it"), err.toString().lines().toList());
        assertEquals("", out.toString());
        assertEquals(0, vlint("dump", "app.docker"), "a name of no other format is read as a Dockerfile");
    }

    @Test
    void buildDryRunPointsDockerAtThePatchedCopyAndLeavesTheOriginal() throws IOException {
        Path shadow = dir.resolve("shadow");
        assertEquals(0, vlint("build", "--dry-run", "--shadow-dir", "shadow", "--", "docker", "buildx", "build",
                "-f", "docker/Dockerfile", "."));
        assertEquals("FROM ubuntu:24.04\nRUN apt-get update\n", Files.readString(shadow.resolve("Dockerfile")));
        assertEquals("FROM ubuntu:latest\nRUN apt-get update\n", Files.readString(dir.resolve("docker/Dockerfile")));
        assertTrue(out.toString().contains("docker buildx build -f " + shadow.resolve("Dockerfile")), out.toString());
    }

    @Test
    void helpListsTheOptionsAndEverySubcommand() {
        for (String help : List.of("--help", "-h", "-hV")) {
            out.getBuffer().setLength(0);
            assertEquals(0, vlint(help));
            assertTrue(out.toString().startsWith("Usage: vlint [-hV] [--changed] [--diff] [--fix]"), out.toString());
            assertTrue(out.toString().contains("      --select=RULES[,RULES...]\n"), out.toString());
            assertTrue(out.toString().contains("\nCommands:\n  rules    List all rules"), out.toString());
            assertTrue(out.toString().contains("\n  graph    Draw the build"), out.toString());
            assertTrue(out.toString().contains("\nExit codes:\n  0   nothing at or above --fail-on"), out.toString());
        }
    }

    @Test
    void aUsageErrorShowsTheWholeUsage() {
        assertEquals(2, vlint("--bogus"));
        assertTrue(err.toString().startsWith("Unknown option: '--bogus'\nUsage: vlint [-hV]"), err.toString());
        assertTrue(err.toString().contains("\nCommands:\n  rules "), err.toString());
    }

    @Test
    void optionsKeepTheirValuesAndDefaults() {
        assertEquals(0, vlint("--version"));
        assertEquals("vlint " + Main.VERSION + "\n", out.toString());
        assertEquals(2, vlint("--fail-on", "sometimes"));
        assertTrue(err.toString().contains("invalid value 'sometimes' for --fail-on"), err.toString());
        assertEquals(0, vlint("--select", "XT002,XT001", "--ignore", "XT001", "--fail-on", "warning", "--no-color"));
        assertTrue(out.toString().contains("note[XT002]") && !out.toString().contains("XT001"), out.toString());
    }

    @Test
    void onlyRunsThatMayLintWarmUpTheKnowledgeBase() {
        assertTrue(Main.mayLint());
        assertTrue(Main.mayLint("--format", "json", "docker/Dockerfile"));
        assertTrue(Main.mayLint("graph", "."));
        assertFalse(Main.mayLint("--version"));
        assertFalse(Main.mayLint("rules"));
        assertFalse(Main.mayLint("explain", "VL101"));
    }
}
