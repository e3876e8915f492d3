package dev.vlint.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathProblemsTest {
    @TempDir
    Path dir;

    @Test
    void readableFilesAndFoldersHaveNoProblem() throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        assertEquals(Optional.empty(), PathProblems.of(dir));
        assertEquals(Optional.empty(), PathProblems.of(dir.resolve("Dockerfile")));
    }

    @Test
    void missingPathsAndBrokenLinksAreToldApart() throws IOException {
        assertEquals(Optional.of("no such file or folder"), PathProblems.of(dir.resolve("missing/Dockerfile")));
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("gone"));
        assertEquals(Optional.of("broken symbolic link (its target does not exist)"), PathProblems.of(dir.resolve("link")));
    }

    @Test
    void ioFailuresAreDescribedWithoutJavaNames() {
        assertEquals("permission denied", PathProblems.describe(new AccessDeniedException("/x")));
        assertEquals("no such file or folder", PathProblems.describe(new NoSuchFileException("/x")));
        assertEquals("cannot read: Input/output error",
                PathProblems.describe(new FileSystemException("/x", null, "Input/output error")));
    }

    @Test
    void foldersThatCannotBeEnteredArePermissionDenied() throws IOException {
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.writeString(locked.resolve("Dockerfile"), "FROM scratch\n");
        try {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
            Assumptions.assumeFalse(Files.isExecutable(locked),
                    "permissions are not enforced for this user (root); describe() is covered above");
            assertEquals(Optional.of("permission denied (the folder can be listed but not entered)"),
                    PathProblems.of(locked));
            assertEquals(Optional.of("permission denied (a folder on the way cannot be entered)"),
                    PathProblems.of(locked.resolve("Dockerfile")));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
