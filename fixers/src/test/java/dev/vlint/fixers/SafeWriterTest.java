package dev.vlint.fixers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeWriterTest {
    @TempDir
    Path root;

    private final SafeWriter writer = new SafeWriter();

    private ProjectFile load(byte[] bytes) {
        Project project = TestRules.projectOfBytes(root, Map.of("Dockerfile", bytes));
        return project.files().get(0);
    }

    private byte[] disk() throws IOException {
        return Files.readAllBytes(root.resolve("Dockerfile"));
    }

    private List<String> folder() throws IOException {
        try (Stream<Path> files = Files.list(root)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesNewTextAndLeavesNoTemporaryFile() throws IOException {
        ProjectFile file = load(utf8("FROM a\n"));

        SafeWriter.Outcome outcome = writer.write(file, "FROM b\n");

        assertEquals(SafeWriter.Status.WRITTEN, outcome.status(), outcome.message());
        assertArrayEquals(utf8("FROM b\n"), disk());
        assertEquals(List.of("Dockerfile"), folder());
    }

    @Test
    void keepsByteOrderMark() throws IOException {
        byte[] withBom = SafeWriter.encode(true, "FROM a\r\n");
        ProjectFile file = load(withBom);

        writer.write(file, "FROM b\r\n");

        assertArrayEquals(SafeWriter.encode(true, "FROM b\r\n"), disk());
        assertEquals((byte) 0xEF, disk()[0]);
    }

    @Test
    void keepsTheFinalLineBreakOfAFileThatHadOne() throws IOException {
        ProjectFile file = load(utf8("FROM a\r\nRUN x\r\n"));

        writer.write(file, "FROM a\r\nRUN y");

        assertArrayEquals(utf8("FROM a\r\nRUN y\r\n"), disk());
    }

    @Test
    void fileWithoutFinalLineBreakStaysWithout() throws IOException {
        ProjectFile file = load(utf8("FROM a\nRUN x"));

        writer.write(file, "FROM a\nRUN y");

        assertArrayEquals(utf8("FROM a\nRUN y"), disk());
    }

    @Test
    void keepsPermissionsAndTheExecutableBit() throws IOException {
        assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"));
        ProjectFile file = load(utf8("#!/bin/sh\necho rc0\n"));
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rwxr-x---");
        Files.setPosixFilePermissions(file.absolutePath(), mode);

        assertEquals(SafeWriter.Status.WRITTEN, writer.write(file, "#!/bin/sh\necho rc.0\n").status());

        assertEquals(mode, Files.getPosixFilePermissions(file.absolutePath()));
        assertArrayEquals(utf8("#!/bin/sh\necho rc.0\n"), disk());
    }

    @Test
    void refusesWhenTheFileChangedOnDisk() throws IOException {
        ProjectFile file = load(utf8("FROM a\n"));
        Files.write(file.absolutePath(), utf8("FROM edited\n"));

        SafeWriter.Outcome outcome = writer.write(file, "FROM b\n");

        assertEquals(SafeWriter.Status.REFUSED, outcome.status());
        assertTrue(outcome.message().contains("changed on disk"), outcome.message());
        assertArrayEquals(utf8("FROM edited\n"), disk());
        assertEquals(List.of("Dockerfile"), folder());
    }

    @Test
    void refusesFilesThatAreNotValidUtf8() throws IOException {
        byte[] latin1 = "FROM caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        ProjectFile file = load(latin1);

        SafeWriter.Outcome outcome = writer.write(file, "FROM other\n");

        assertEquals(SafeWriter.Status.REFUSED, outcome.status());
        assertArrayEquals(latin1, disk());
    }

    @Test
    void failureLeavesFileAndFolderAsTheyWere() throws IOException {
        assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"));
        ProjectFile file = load(utf8("FROM a\n"));
        Set<PosixFilePermission> before = Files.getPosixFilePermissions(root);
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeTrue(!Files.isWritable(root), "running as a user who can write anywhere");
            SafeWriter.Outcome outcome = writer.write(file, "FROM b\n");
            assertEquals(SafeWriter.Status.FAILED, outcome.status());
        } finally {
            Files.setPosixFilePermissions(root, before);
        }
        assertArrayEquals(utf8("FROM a\n"), disk());
        assertEquals(List.of("Dockerfile"), folder());
    }

    @Test
    void failedMoveRemovesTheTemporaryFile() throws IOException {
        ProjectFile file = load(utf8("FROM a\n"));
        List<Path> temps = new ArrayList<>();
        SafeWriter failing = new SafeWriter((temp, target) -> {
            temps.add(temp);
            assertEquals(target.getParent(), temp.getParent());
            assertArrayEquals(utf8("FROM b\n"), Files.readAllBytes(temp));
            throw new IOException("disk full");
        });

        SafeWriter.Outcome outcome = failing.write(file, "FROM b\n");

        assertEquals(SafeWriter.Status.FAILED, outcome.status());
        assertTrue(outcome.message().contains("disk full"), outcome.message());
        assertEquals(1, temps.size());
        assertArrayEquals(utf8("FROM a\n"), disk());
        assertEquals(List.of("Dockerfile"), folder());
    }

    @Test
    void writesThroughASymlinkWithoutReplacingIt() throws IOException {
        ProjectFile target = load(utf8("FROM a\n"));
        Path link = root.resolve("link");
        try {
            Files.createSymbolicLink(link, target.absolutePath());
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symlinks here");
        }
        ProjectFile viaLink = new ProjectFile(link, target.kind(), target.source());

        assertEquals(SafeWriter.Status.WRITTEN, writer.write(viaLink, "FROM b\n").status());

        assertTrue(Files.isSymbolicLink(link));
        assertArrayEquals(utf8("FROM b\n"), disk());
    }

    @Test
    void reportWritesOnlyChangedFiles() throws IOException {
        Project project = TestRules.project(root, Map.of("Dockerfile", "RUN 1rc0\n", "other/Dockerfile", "RUN x\n"));
        FixReport report = FixSession.run(project, List.of(TestRules.RC0), FixMode.SAFE, ParseCheck.NONE);

        List<SafeWriter.Outcome> outcomes = report.write(writer);

        assertEquals(1, outcomes.size());
        assertTrue(outcomes.get(0).ok());
        assertArrayEquals(utf8("RUN 1rc.0\n"), disk());
        assertArrayEquals(utf8("RUN x\n"), Files.readAllBytes(root.resolve("other/Dockerfile")));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLinkedFileIsWrittenAtItsTargetAndStaysALink() throws IOException {
        Files.createDirectories(root.resolve("docker"));
        Files.writeString(root.resolve("docker/Dockerfile.cuda"), "FROM a\n");
        Path link = Files.createSymbolicLink(root.resolve("Dockerfile"), Path.of("docker/Dockerfile.cuda"));
        ProjectFile file = new ProjectFile(link, dev.vlint.project.FileKind.DOCKERFILE,
                dev.vlint.source.SourceFile.of("Dockerfile", "FROM a\n"));

        SafeWriter.Outcome outcome = SafeWriter.within(root).write(file, "FROM b\n");

        assertEquals(SafeWriter.Status.WRITTEN, outcome.status(), outcome.message());
        assertTrue(Files.isSymbolicLink(link), "the link is kept");
        assertEquals("FROM b\n", Files.readString(root.resolve("docker/Dockerfile.cuda")));
    }

    @Test
    void nothingOutsideTheRootIsWrittenEvenThroughALink(@TempDir Path elsewhere) throws IOException {
        Path outside = elsewhere.resolve("Dockerfile");
        Files.writeString(outside, "FROM a\n");
        Path link = Files.createSymbolicLink(root.resolve("Dockerfile"), outside);
        for (Path path : List.of(link, outside)) {
            ProjectFile file = new ProjectFile(path, dev.vlint.project.FileKind.DOCKERFILE,
                    dev.vlint.source.SourceFile.of("Dockerfile", "FROM a\n"));

            SafeWriter.Outcome outcome = SafeWriter.within(root).write(file, "FROM b\n");

            assertEquals(SafeWriter.Status.REFUSED, outcome.status(), path.toString());
            assertTrue(outcome.message().startsWith("Dockerfile: not written: it is " + outside.toRealPath()
                    + ", outside the lint root " + root), outcome.message());
        }
        assertEquals("FROM a\n", Files.readString(outside));
    }
}
