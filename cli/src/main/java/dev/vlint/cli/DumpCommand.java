package dev.vlint.cli;

import dev.vlint.dockerfile.DockerfileDump;
import dev.vlint.project.FileKind;
import dev.vlint.project.ParseProblem;
import dev.vlint.project.PathProblems;
import dev.vlint.source.Position;
import dev.vlint.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vlint dump FILE}: prints how a Dockerfile was parsed, one node per line, as BuildKit's parser tests do. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Print the parse of a Dockerfile as S-expressions, one instruction per line.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:parsed", "1:the file has errors BuildKit would reject",
                "2:usage error: the file cannot be read, or is not a Dockerfile (a workflow, script, ...)"})
final class DumpCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(paramLabel = "FILE", description = "The Dockerfile.")
    private Path file;

    DumpCommand(Session session) {
        this.session = session;
    }

    /** Extensions of files that are something else than a Dockerfile, whatever their path. */
    private static final Set<String> OTHER_FORMATS = Set.of("yml", "yaml", "json", "toml", "hcl", "py", "sh", "bash",
            "ts", "js", "txt", "md", "whl", "xml", "ini", "cfg");

    @Override
    public Integer call() {
        Path path = session.cwd().resolve(file);
        PathProblems.of(path).ifPresent(problem -> {
            throw new UsageException(file + ": " + problem);
        });
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UsageException(file + ": " + PathProblems.describe(e));
        }
        SourceFile source = SourceFile.decode(file.toString(), bytes);
        String other = otherKind(path, source);
        if (other != null) {
            // ./ keeps a bare name such as "build" from reading as a subcommand
            String lint = file.toString().contains("/") ? file.toString() : "./" + file;
            throw new UsageException("dump prints how a Dockerfile is parsed, and " + file + " is " + other
                    + ", not a Dockerfile; `vlint " + lint + "` lints it");
        }
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

    /**
     * What the file is when vlint knows it as something else than a Dockerfile, else null: a file
     * of unknown name (no extension, or one of no other format) is dumped as a Dockerfile.
     */
    private static String otherKind(Path path, SourceFile source) {
        String written = path.toString().replace('\\', '/');
        String head = source.text().substring(0, Math.min(200, source.text().length()));
        String name = written.substring(written.lastIndexOf('/') + 1);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        return switch (FileKind.classify(written, head)) {
            case DOCKERFILE -> null;
            case WORKFLOW -> "a GitHub workflow";
            case ACTION -> "a GitHub action's metadata";
            case SHELL -> "a shell script";
            case STARTOS_TS -> "a StartOS source";
            case PYPROJECT -> "a pyproject.toml";
            case SETUP_PY -> "a setup.py";
            case REQUIREMENTS -> "a requirements file";
            case WHEEL -> "a wheel";
            case BAKE -> "a bake file";
            case OTHER -> OTHER_FORMATS.contains(extension) ? "a ." + extension + " file" : null;
        };
    }
}
