package dev.vlint.bench;

import dev.vlint.config.Config;
import dev.vlint.engine.Linter;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rules.BuiltinRules;
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

/** The whole engine (every built-in rule) over a generated corpus of 1,000 files, with fresh caches. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LintBenchmark {
    @Param({"1", "2"})
    public int threads;

    private List<ProjectFile> files;

    @Setup(Level.Trial)
    public void load() throws IOException {
        files = Corpus.generate(1000);
    }

    @Benchmark
    public int lint() {
        Project project = new Project(Corpus.ROOT, Corpus.fresh(files), Config.DEFAULT);
        return new Linter(BuiltinRules.all()).lint(project, threads).size();
    }
}
