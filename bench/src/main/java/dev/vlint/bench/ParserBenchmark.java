package dev.vlint.bench;

import dev.vlint.project.FileKind;
import dev.vlint.project.FileModels;
import dev.vlint.project.ProjectFile;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parses every file of one kind from a generated corpus of 500 files with the kind's parser; the
 * score is the time for all of them, with fresh caches.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParserBenchmark {
    @Param({"DOCKERFILE", "WORKFLOW", "SHELL", "STARTOS_TS", "PYPROJECT"})
    public FileKind kind;

    private List<ProjectFile> files;

    @Setup(Level.Trial)
    public void load() throws IOException {
        files = Corpus.generate(500).stream().filter(f -> f.kind() == kind).toList();
        long chars = files.stream().mapToLong(f -> f.source().text().length()).sum();
        System.out.printf("%n%d %s files, %d chars%n", files.size(), kind, chars);
    }

    @Benchmark
    public int parse() {
        int problems = 0;
        for (ProjectFile file : Corpus.fresh(files)) {
            problems += FileModels.problems(file).size();
        }
        return problems;
    }
}
