package dev.vlint.fixers;

import dev.vlint.project.ProjectFile;
import dev.vlint.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Arrays;

/**
 * Writes fixed texts back without ever losing data: the file must still hold exactly the bytes it
 * was read from, the new bytes go to a temporary file in the same folder that then atomically
 * replaces the original (keeping its POSIX permissions), and nothing is left behind on failure.
 * A file reached through a symbolic link is written at its target, so the link stays; with a root
 * ({@link #within}), a file whose target lies outside that folder is never written.
 */
public final class SafeWriter {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    public enum Status { WRITTEN, UNCHANGED, REFUSED, FAILED }

    /** The last step, replacing the target with the finished temporary file; tests make it fail. */
    interface Move {
        void move(Path temp, Path target) throws IOException;
    }

    private static final Move ATOMIC = (temp, target) -> Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);

    private final Move move;
    private final Path root;

    public SafeWriter() {
        this(ATOMIC, null);
    }

    SafeWriter(Move move) {
        this(move, null);
    }

    private SafeWriter(Move move, Path root) {
        this.move = move;
        this.root = root;
    }

    /** A writer that refuses every file whose real path (links followed) is not inside {@code root}. */
    public static SafeWriter within(Path root) {
        return new SafeWriter(ATOMIC, root);
    }

    /** What happened to one file; {@code message} says why when it was not written. */
    public record Outcome(Path path, Status status, String message) {
        public boolean ok() {
            return status == Status.WRITTEN || status == Status.UNCHANGED;
        }
    }

    /**
     * Replaces the file's content with {@code newText}, encoded as UTF-8 with the original's BOM
     * and, when the original ended with a line break, a final line break.
     */
    public Outcome write(ProjectFile file, String newText) {
        SourceFile original = file.source();
        Path path = file.absolutePath();
        if (!original.validUtf8()) {
            return new Outcome(path, Status.REFUSED, file.path()
                    + ": not written: the file is not valid UTF-8, rewriting it would change bytes outside the fixes");
        }
        byte[] expected = encode(original.hasBom(), original.text());
        byte[] updated = encode(original.hasBom(), LineBreaks.keepFinalNewline(original, newText));
        try {
            Path target = path.toRealPath();
            Path realRoot = root == null ? null : root.toRealPath();
            if (realRoot != null && !target.startsWith(realRoot)) {
                return new Outcome(path, Status.REFUSED, file.path() + ": not written: it is " + target
                        + ", outside the lint root " + root + "; vlint --fix writes only inside it");
            }
            if (!Arrays.equals(Files.readAllBytes(target), expected)) {
                return new Outcome(path, Status.REFUSED,
                        file.path() + ": not written: the file changed on disk since vlint read it; run vlint again");
            }
            if (Arrays.equals(updated, expected)) {
                return new Outcome(path, Status.UNCHANGED, "");
            }
            replace(target, updated);
            return new Outcome(path, Status.WRITTEN, "");
        } catch (IOException | RuntimeException e) {
            return new Outcome(path, Status.FAILED, file.path() + ": not written: " + e);
        }
    }

    static byte[] encode(boolean bom, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (!bom) {
            return body;
        }
        byte[] out = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(body, 0, out, BOM.length, body.length);
        return out;
    }

    private void replace(Path target, byte[] bytes) throws IOException {
        Path dir = target.getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".vlint-tmp");
        try {
            Files.write(temp, bytes);
            PosixFileAttributeView posix = Files.getFileAttributeView(target, PosixFileAttributeView.class);
            if (posix != null) {
                Files.setPosixFilePermissions(temp, posix.readAttributes().permissions());
            }
            move.move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
