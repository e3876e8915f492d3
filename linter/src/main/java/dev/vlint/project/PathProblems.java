package dev.vlint.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/** Why a path cannot be linted, in words a user can act on: missing, broken link or permission denied. */
public final class PathProblems {
    private PathProblems() {}

    /** Why {@code path} (a file or folder named on the command line) cannot be read; empty when it can. */
    public static Optional<String> of(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Optional.of(Files.isSymbolicLink(path) ? "broken symbolic link (its target does not exist)"
                    : "no such file or folder");
        } catch (IOException e) {
            return Optional.of(e instanceof AccessDeniedException
                    ? "permission denied (a folder on the way cannot be entered)" : describe(e));
        }
        try {
            if (attributes.isDirectory()) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
                    entries.iterator().hasNext();
                }
                if (!Files.isExecutable(path)) {
                    return Optional.of("permission denied (the folder can be listed but not entered)");
                }
            } else {
                try (InputStream in = Files.newInputStream(path)) {
                    in.read();
                }
            }
        } catch (IOException e) {
            return Optional.of(e instanceof AccessDeniedException
                    ? "permission denied (the " + (attributes.isDirectory() ? "folder cannot be listed)" : "file cannot be read)")
                    : describe(e));
        }
        return Optional.empty();
    }

    /** An I/O failure without the path (the caller names it) and without Java's exception names. */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemLoopException) {
            return "symbolic link loop";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a folder";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return "cannot read: " + fs.getReason();
        }
        return "cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
