package dev.vlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangedFilesTest {
    private static final String BAD = "FROM ubuntu:latest\n";
    private static final PersonIdent TESTER = new PersonIdent("Tester", "tester@example.com");

    @TempDir
    Path dir;

    private Git git;
    private RunCapture vlint;

    @BeforeEach
    void repository() throws IOException, GitAPIException {
        git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        write(".gitignore", "ignored/\n");
        for (String name : List.of("kept", "edited", "staged", "deleted")) {
            write(name + "/Dockerfile", BAD);
        }
        commit("first");
        vlint = new RunCapture(dir, List.of(TestRules.LATEST));
    }

    @AfterEach
    void close() {
        git.close();
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void commit(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor(TESTER).setCommitter(TESTER).setSign(false).call();
    }

    /** Changes of every kind git knows: unstaged, staged, untracked, ignored, deleted. */
    private void changeTheWorkTree() throws IOException, GitAPIException {
        write("edited/Dockerfile", "# edited\n" + BAD);
        write("staged/Dockerfile", "# staged\n" + BAD);
        git.add().addFilepattern("staged/Dockerfile").call();
        write("added/Dockerfile", BAD);
        git.add().addFilepattern("added/Dockerfile").call();
        write("untracked/Dockerfile", BAD);
        write("ignored/Dockerfile", BAD);
        Files.delete(dir.resolve("deleted/Dockerfile"));
    }

    @Test
    void changedReportsStagedUnstagedAndUntrackedFilesOnly() throws IOException, GitAPIException {
        changeTheWorkTree();
        assertEquals(1, vlint.run("--changed", "--format", "json"), vlint.err());
        assertEquals(Set.of("added/Dockerfile", "edited/Dockerfile", "staged/Dockerfile", "untracked/Dockerfile"),
                vlint.jsonPaths());
    }

    @Test
    void changedSkipsIgnoredFilesEvenWhenNamed() throws IOException, GitAPIException {
        changeTheWorkTree();
        assertEquals(0, vlint.run("--changed", "--format", "json", "ignored/Dockerfile"), vlint.err());
        assertEquals(new TreeSet<>(), vlint.jsonPaths());
    }

    @Test
    void pathsNarrowTheChangedFiles() throws IOException, GitAPIException {
        changeTheWorkTree();
        assertEquals(1, vlint.run("--changed", "--format", "json", "edited", "kept"), vlint.err());
        assertEquals(Set.of("edited/Dockerfile"), vlint.jsonPaths());
    }

    @Test
    void cleanWorkTreeHasNothingChanged() {
        assertEquals(0, vlint.run("--changed"), vlint.err());
        assertEquals("", vlint.out());
        assertTrue(vlint.err().startsWith("Checked 0 files"), vlint.err());
    }

    @Test
    void sinceComparesARevisionWithTheWorkTree() throws IOException, GitAPIException {
        git.tag().setName("v1").setAnnotated(false).call();
        write("kept/Dockerfile", "# second commit\n" + BAD);
        commit("second");
        write("untracked/Dockerfile", BAD);

        assertEquals(1, vlint.run("--since", "HEAD~1", "--format", "json"), vlint.err());
        assertEquals(Set.of("kept/Dockerfile", "untracked/Dockerfile"), vlint.jsonPaths());
        assertEquals(1, vlint.run("--since", "v1", "--format", "json"), vlint.err());
        assertEquals(Set.of("kept/Dockerfile", "untracked/Dockerfile"), vlint.jsonPaths());
        assertEquals(1, vlint.run("--since", "main", "--format", "json"), vlint.err());
        assertEquals(Set.of("untracked/Dockerfile"), vlint.jsonPaths());
    }

    @Test
    void sinceIncludesStagedAndUnstagedChangesAndSkipsDeletedFiles() throws IOException, GitAPIException {
        String first = git.log().call().iterator().next().getName();
        write("kept/Dockerfile", "# second commit\n" + BAD);
        commit("second");
        changeTheWorkTree();
        assertEquals(1, vlint.run("--since", first.substring(0, 10), "--format", "json"), vlint.err());
        assertEquals(Set.of("added/Dockerfile", "edited/Dockerfile", "kept/Dockerfile", "staged/Dockerfile",
                "untracked/Dockerfile"), vlint.jsonPaths());
    }

    @Test
    void unknownRevisionIsAUsageError() {
        assertEquals(2, vlint.run("--since", "no-such-branch"));
        assertEquals("vlint: --since: unknown git revision 'no-such-branch'\n", vlint.err());
    }

    @Test
    void changedAndSinceExcludeEachOther() {
        assertEquals(2, vlint.run("--changed", "--since", "HEAD"));
        assertEquals("vlint: --changed and --since cannot be combined\n", vlint.err());
    }

    @Test
    void diffWithSinceShowsOnlyChangedFiles() throws IOException, GitAPIException {
        write("kept/Dockerfile", "# second commit\n" + BAD);
        commit("second");
        assertEquals(1, vlint.run("--since", "HEAD~1", "--diff"), vlint.err());
        assertTrue(vlint.out().contains("+++ b/kept/Dockerfile"), vlint.out());
        assertEquals(1, vlint.out().lines().filter(line -> line.startsWith("+++ ")).count(), vlint.out());
    }

    @Test
    void outsideAGitWorkTreeIsAUsageError(@TempDir Path plain) throws IOException {
        Files.writeString(plain.resolve("Dockerfile"), BAD);
        RunCapture outside = new RunCapture(plain, List.of(TestRules.LATEST));
        assertEquals(2, outside.run("--changed"));
        assertTrue(outside.err().startsWith("vlint: --changed needs a git work tree"), outside.err());
        assertEquals(2, outside.run("--since", "HEAD"));
        assertTrue(outside.err().startsWith("vlint: --since needs a git work tree"), outside.err());
    }

    @Test
    void fixWithChangedLeavesUnchangedFilesAlone() throws IOException, GitAPIException {
        changeTheWorkTree();
        assertEquals(0, vlint.run("--changed", "--fix"), vlint.err());
        assertEquals("# edited\nFROM ubuntu:24.04\n", Files.readString(dir.resolve("edited/Dockerfile")));
        assertEquals(BAD, Files.readString(dir.resolve("kept/Dockerfile")));
    }
}
