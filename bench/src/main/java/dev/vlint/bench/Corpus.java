package dev.vlint.bench;

import dev.vlint.project.FileKind;
import dev.vlint.project.ProjectFile;
import dev.vlint.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A generated corpus read into memory, so benchmarks measure parsing and linting, not the disk. */
final class Corpus {
    static final Path ROOT = Path.of("/corpus");

    private Corpus() {}

    /** Generates {@code count} files (seed 1) into a temporary folder, reads them and deletes the folder. */
    static List<ProjectFile> generate(int count) throws IOException {
        Path dir = Files.createTempDirectory("vlint-jmh");
        try {
            new CorpusGenerator(1, List.of()).write(dir, count);
            List<ProjectFile> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String rel = dir.relativize(file).toString().replace('\\', '/');
                    SourceFile source = SourceFile.decode(rel, Files.readAllBytes(file));
                    files.add(new ProjectFile(ROOT.resolve(rel), FileKind.classify(rel, source.text()), source));
                }
            }
            return files;
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** The same files with empty parse caches. */
    static List<ProjectFile> fresh(List<ProjectFile> files) {
        return files.stream().map(f -> new ProjectFile(f.absolutePath(), f.kind(), f.source())).toList();
    }
}
