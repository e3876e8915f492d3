package dev.vlint.cli;

import dev.vlint.dockerfile.DockerfileDump;
import dev.vlint.project.ParseProblem;
import dev.vlint.source.Position;
import dev.vlint.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vlint dump FILE}: prints how a Dockerfile was parsed, one node per line, as BuildKit's parser tests do. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Print the parse of a Dockerfile as S-expressions, one instruction per line.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:parsed", "1:the file has errors BuildKit would reject", "2:usage error"})
final class DumpCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(paramLabel = "FILE", description = "The Dockerfile.")
    private Path file;

    DumpCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Path path = session.cwd().resolve(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        SourceFile source = SourceFile.decode(file.toString(), bytes);
        DockerfileDump.Result result = DockerfileDump.dump(source);
        session.out().print(result.text());
        session.out().flush();
        for (ParseProblem problem : result.problems()) {
            Position at = source.position(problem.range().start());
            session.err().println(file + ":" + at.line() + ":" + at.column() + ": error: " + problem.message());
        }
        session.err().flush();
        return result.ok() ? Session.OK : Session.FINDINGS;
    }
}
