package dev.vlint.project;

import dev.vlint.buildmodel.NamedBuildFiles;
import dev.vlint.config.Config;
import dev.vlint.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Finds the files to lint under the given paths and reads them into a {@link Project}.
 * Inside a git work tree, what git ignores ({@code .gitignore} files at any depth,
 * {@code .git/info/exclude}, {@code core.excludesFile}) is skipped; elsewhere every file is
 * walked. {@code ignore-paths} globs apply everywhere. Files named explicitly are always read.
 * Files are classified by name first; a second pass reads the files that a workflow, script,
 * Makefile, compose or bake file builds as a Dockerfile (or evaluates as a bake file), whatever
 * their name.
 *
 * <p>A symbolic link to a file inside the lint root is read under the link's own path (unless its
 * target is read itself); a link to a file outside the root, a broken link and a link to a folder
 * are skipped with a note saying so.
 */
public final class ProjectLoader {
    /** Files larger than this are skipped with a note. */
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    /** Folders never walked outside git (inside git, .gitignore decides). */
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "node_modules", "target");

    private ProjectLoader() {}

    /**
     * @param root the folder that paths in findings are relative to
     * @param paths files and folders to lint
     * @param notes receives one line per file that was skipped and why
     */
    public static Project load(Path root, List<Path> paths, Config config, Consumer<String> notes) {
        Path absRoot = root.toAbsolutePath().normalize();
        List<PathMatcher> ignored = config.ignorePaths().stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
        List<Path> found = new ArrayList<>();
        Consumer<Path> reader = file -> {
            if (ignored.stream().noneMatch(m -> m.matches(Path.of(relative(absRoot, file))))) {
                found.add(file);
            }
        };
        for (Path path : paths) {
            Path abs = path.toAbsolutePath().normalize();
            if (Files.isDirectory(abs)) {
                if (!walkGit(absRoot, abs, notes, reader)) {
                    walkPlain(absRoot, abs, notes, reader);
                }
            } else if (Files.isRegularFile(abs) || Files.isSymbolicLink(abs)) {
                found.add(abs);
            } else {
                notes.accept(relative(absRoot, abs) + ": no such file or folder");
            }
        }
        Links links = new Links(absRoot);
        Walk walk = new Walk(absRoot, notes, links);
        // Links are followed only to files vlint reads, and only inside the lint root.
        walk.readAll(found.stream().filter(file -> !Files.isSymbolicLink(file)
                || mayBeRead(absRoot, file) && links.mayRead(file, notes)).toList());
        Project project = walk.project(config);
        if (walk.unclassified.isEmpty()) {
            return project;
        }
        // Second pass: files named as the Dockerfile (or bake file) of a build are read whatever their name.
        // The first project's parsed files are reused, so nothing is parsed twice.
        int before = walk.files.size();
        for (String path : NamedBuildFiles.of(project, walk.buildDescriptions)) {
            Path file = walk.unclassified.remove(path);
            FileKind kind = file == null ? FileKind.OTHER : FileKind.namedByBuild(path);
            ProjectFile named = kind == FileKind.OTHER ? null : walk.readAs(file, path, kind, true, notes);
            if (named != null) {
                walk.files.add(named);
            }
        }
        return walk.files.size() == before ? project : walk.project(config);
    }

    /** What one load has read so far. */
    private static final class Walk {
        final Path root;
        final Consumer<String> notes;
        final List<ProjectFile> files = new ArrayList<>();
        /** Files their name does not classify, by root-relative path: a build may still name one as its Dockerfile. */
        final Map<String, Path> unclassified = new HashMap<>();
        /** Makefiles and compose files, by path: read only to find the Dockerfiles they build. */
        final Map<String, SourceFile> buildDescriptions = new LinkedHashMap<>();

        final Links links;

        Walk(Path root, Consumer<String> notes, Links links) {
            this.root = root;
            this.notes = notes;
            this.links = links;
        }

        Project project(Config config) {
            files.sort((a, b) -> a.path().compareTo(b.path()));
            return new Project(root, links.dropLinksToReadFiles(dropDuplicates(files), notes), config);
        }

        /**
         * Reads and decodes the files on all cores (in a large project most of the load time, which
         * would otherwise leave the linter's threads waiting on one), then keeps them in their order.
         */
        void readAll(List<Path> paths) {
            Read[] reads = new Read[paths.size()];
            IntStream.range(0, paths.size()).parallel().forEach(i -> reads[i] = read(paths.get(i)));
            for (Read read : reads) {
                read.notes.forEach(notes);
                if (read.file != null) {
                    files.add(read.file);
                } else if (read.description != null) {
                    buildDescriptions.put(read.description.path(), read.description);
                } else if (read.unclassified != null) {
                    unclassified.put(relative(root, read.unclassified), read.unclassified);
                }
            }
        }

        /** What reading one path gave: a file, a build description, a file to keep for the second pass, notes. */
        private record Read(ProjectFile file, SourceFile description, Path unclassified, List<String> notes) {}

        private Read read(Path file) {
            String rel = relative(root, file);
            List<String> said = new ArrayList<>(0);
            FileKind kind = FileKind.classify(rel, "");
            if (!mayBeRead(root, file)) {
                if (NamedBuildFiles.isBuildDescription(rel)) {
                    return new Read(null, text(file, rel, said::add), null, said);
                }
                return new Read(null, null, file, said);
            }
            return new Read(readAs(file, rel, kind, false, said::add), null, null, said);
        }

        /**
         * Reads the file as {@code kind} ({@code named}: a build names it so); OTHER means "classify
         * by its first line". Null when it is not a file vlint reads.
         */
        ProjectFile readAs(Path file, String rel, FileKind kind, boolean named, Consumer<String> notes) {
            if (kind == FileKind.WHEEL) {
                // Wheels can be gigabytes; rules read their metadata from the archive itself.
                return new ProjectFile(file, kind, SourceFile.of(rel, ""));
            }
            SourceFile source = text(file, rel, notes);
            if (source == null) {
                return null;
            }
            String head = source.text().substring(0, Math.min(200, source.text().length()));
            if (kind == FileKind.OTHER || kind == FileKind.DOCKERFILE && head.startsWith("#!") && !named) {
                kind = FileKind.classify(rel, head); // generate-dockerfile with a shebang is a script
                if (kind == FileKind.OTHER) {
                    return null;
                }
            }
            return new ProjectFile(file, kind, source);
        }

        /** The file's text, or null (with a note) when it is too large, binary or unreadable. */
        private static SourceFile text(Path file, String rel, Consumer<String> notes) {
            try {
                long size = Files.size(file);
                if (size > MAX_FILE_BYTES) {
                    notes.accept(rel + ": skipped, " + size + " bytes is over the " + MAX_FILE_BYTES + "-byte limit");
                    return null;
                }
                byte[] bytes = Files.readAllBytes(file);
                if (isBinary(bytes)) {
                    notes.accept(rel + ": skipped, binary content");
                    return null;
                }
                return SourceFile.decode(rel, bytes);
            } catch (IOException e) {
                notes.accept(rel + ": skipped, " + PathProblems.describe(e));
                return null;
            } catch (RuntimeException e) {
                notes.accept(rel + ": cannot read: " + e.getMessage());
                return null;
            }
        }
    }

    /**
     * The symbolic links met while loading: which may be read (a file inside the lint root), and
     * which were read, so a link whose target is read too is dropped rather than linted twice.
     */
    private static final class Links {
        private final Path root;
        private Path realRoot;
        private final Map<Path, Path> targets = new HashMap<>();

        Links(Path root) {
            this.root = root;
        }

        /** True for a regular file, or a link to a file inside the lint root; notes why a link is skipped. */
        boolean mayRead(Path file, Consumer<String> notes) {
            if (!Files.isSymbolicLink(file)) {
                return true;
            }
            String rel = relative(root, file);
            Path target;
            try {
                target = file.toRealPath();
                if (realRoot == null) {
                    realRoot = root.toRealPath();
                }
            } catch (NoSuchFileException e) {
                notes.accept(rel + ": skipped, broken symbolic link (its target does not exist)");
                return false;
            } catch (IOException e) {
                notes.accept(rel + ": skipped, symbolic link that cannot be followed: " + PathProblems.describe(e));
                return false;
            }
            if (Files.isDirectory(target)) {
                notes.accept(rel + ": skipped, symbolic link to a folder (" + target + "); folder links are not"
                        + " followed, lint the folder itself");
                return false;
            }
            if (!target.startsWith(realRoot)) {
                notes.accept(rel + ": skipped, symbolic link to " + target + ", outside the lint root " + root);
                return false;
            }
            targets.put(file, target);
            return true;
        }

        /** Drops a link read under its own path when its target was read too (same file, one report). */
        List<ProjectFile> dropLinksToReadFiles(List<ProjectFile> files, Consumer<String> notes) {
            if (targets.isEmpty()) {
                return files;
            }
            Map<Path, ProjectFile> direct = new HashMap<>();
            for (ProjectFile file : files) {
                if (!targets.containsKey(file.absolutePath())) {
                    try {
                        direct.put(file.absolutePath().toRealPath(), file);
                    } catch (IOException e) {
                        direct.put(file.absolutePath(), file);
                    }
                }
            }
            List<ProjectFile> kept = new ArrayList<>();
            for (ProjectFile file : files) {
                ProjectFile same = direct.get(targets.get(file.absolutePath()));
                if (same != null) {
                    notes.accept(file.path() + ": skipped, symbolic link to " + same.path() + ", which is linted itself");
                } else {
                    kept.add(file);
                }
            }
            return kept;
        }
    }

    /** Walks the folder with git's view of ignored files; false when it is not in a git work tree. */
    private static boolean walkGit(Path root, Path dir, Consumer<String> notes, Consumer<Path> reader) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
        if (builder.getGitDir() == null) {
            return false;
        }
        try (Repository repo = builder.setMustExist(true).build()) {
            if (repo.isBare()) {
                return false;
            }
            Path workTree = repo.getWorkTree().toPath().toRealPath();
            Path realDir = dir.toRealPath();
            if (!realDir.startsWith(workTree)) {
                return false;
            }
            String prefix = workTree.relativize(realDir).toString().replace('\\', '/');
            try (TreeWalk walk = new TreeWalk(repo)) {
                walk.addTree(new FileTreeIterator(repo));
                if (!prefix.isEmpty()) {
                    walk.setFilter(PathFilter.create(prefix));
                }
                while (walk.next()) {
                    String path = walk.getPathString();
                    if (path.length() <= prefix.length()) {
                        walk.enterSubtree(); // a folder on the way down to the named one
                        continue;
                    }
                    WorkingTreeIterator entry = walk.getTree(0, WorkingTreeIterator.class);
                    if (entry.isEntryIgnored()) {
                        continue;
                    }
                    Path file = dir.resolve(prefix.isEmpty() ? path : path.substring(prefix.length() + 1));
                    FileMode mode = walk.getFileMode(0);
                    if (walk.isSubtree()) {
                        if (Files.isReadable(file)) {
                            walk.enterSubtree();
                        } else {
                            notes.accept(relative(root, file) + ": cannot read folder");
                        }
                    } else if (mode != FileMode.GITLINK) {
                        reader.accept(file);
                    }
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            notes.accept(relative(root, dir) + ": cannot read git ignore rules (" + e.getMessage()
                    + "), walking every file");
            return false;
        }
    }

    private static void walkPlain(Path root, Path dir, Consumer<String> notes, Consumer<Path> reader) {
        try {
            Files.walkFileTree(dir, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                            return !d.equals(dir) && SKIPPED_FOLDERS.contains(d.getFileName().toString())
                                    ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isRegularFile() || attrs.isSymbolicLink()) {
                                reader.accept(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            notes.accept(relative(root, file) + (e instanceof FileSystemLoopException
                                    ? ": skipped, symbolic link loop" : ": cannot read: " + e.getMessage()));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException | RuntimeException e) {
            notes.accept(relative(root, dir) + ": cannot list folder: " + e.getMessage());
        }
    }

    /** A file named twice (or inside two named folders) is linted once. */
    private static List<ProjectFile> dropDuplicates(List<ProjectFile> sorted) {
        List<ProjectFile> unique = new ArrayList<>();
        for (ProjectFile file : sorted) {
            if (unique.isEmpty() || !unique.get(unique.size() - 1).path().equals(file.path())) {
                unique.add(file);
            }
        }
        return unique;
    }

    /** Whether the file may be one vlint reads, by its name or (extension-less) its shebang. */
    private static boolean mayBeRead(Path root, Path file) {
        return FileKind.classify(relative(root, file), "") != FileKind.OTHER || mayBeShell(file);
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
