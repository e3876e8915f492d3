package dev.vlint.project;

import dev.vlint.config.Config;
import dev.vlint.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Finds the files to lint under the given paths and reads them into a {@link Project}. */
public final class ProjectLoader {
    /** Files larger than this are skipped with a note. */
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    private ProjectLoader() {}

    /**
     * @param root the folder that paths in findings are relative to
     * @param paths files and folders to lint
     * @param notes receives one line per file that was skipped and why
     */
    public static Project load(Path root, List<Path> paths, Config config, Consumer<String> notes) {
        Path absRoot = root.toAbsolutePath().normalize();
        List<ProjectFile> files = new ArrayList<>();
        for (Path path : paths) {
            Path abs = path.toAbsolutePath().normalize();
            if (Files.isDirectory(abs)) {
                try (Stream<Path> walk = Files.walk(abs)) {
                    walk.filter(Files::isRegularFile).filter(p -> !isHidden(abs, p)).sorted()
                            .forEach(p -> read(absRoot, p, notes, files));
                } catch (IOException | RuntimeException e) {
                    notes.accept(relative(absRoot, abs) + ": cannot list folder: " + e.getMessage());
                }
            } else if (Files.isRegularFile(abs)) {
                read(absRoot, abs, notes, files);
            } else {
                notes.accept(relative(absRoot, abs) + ": no such file or folder");
            }
        }
        return new Project(absRoot, files, config);
    }

    private static boolean isHidden(Path base, Path file) {
        for (Path part : base.relativize(file)) {
            String name = part.toString();
            if (name.equals(".git") || name.equals("target") || name.equals("node_modules")) {
                return true;
            }
        }
        return false;
    }

    private static void read(Path root, Path file, Consumer<String> notes, List<ProjectFile> into) {
        String rel = relative(root, file);
        FileKind kind = FileKind.classify(rel, "");
        try {
            if (kind == FileKind.OTHER && !mayBeShell(file)) {
                return;
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                notes.accept(rel + ": skipped, " + size + " bytes is over the " + MAX_FILE_BYTES + "-byte limit");
                return;
            }
            byte[] bytes = Files.readAllBytes(file);
            if (kind == FileKind.WHEEL) {
                into.add(new ProjectFile(file, kind, SourceFile.of(rel, "")));
                return;
            }
            if (isBinary(bytes)) {
                notes.accept(rel + ": skipped, binary content");
                return;
            }
            SourceFile source = SourceFile.decode(rel, bytes);
            if (kind == FileKind.OTHER) {
                kind = FileKind.classify(rel, source.text().substring(0, Math.min(200, source.text().length())));
                if (kind == FileKind.OTHER) {
                    return;
                }
            }
            into.add(new ProjectFile(file, kind, source));
        } catch (IOException | RuntimeException e) {
            notes.accept(rel + ": cannot read: " + e.getMessage());
        }
    }

    /** Extension-less files are read far enough to see a shebang. */
    private static boolean mayBeShell(Path file) {
        String name = file.getFileName().toString();
        if (name.contains(".")) {
            return false;
        }
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return new String(head, StandardCharsets.ISO_8859_1).equals("#!");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8000);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    static String relative(Path root, Path file) {
        Path rel = file.startsWith(root) ? root.relativize(file) : file;
        String text = rel.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }
}
