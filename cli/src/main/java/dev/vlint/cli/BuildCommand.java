package dev.vlint.cli;

import dev.vlint.config.Config;
import dev.vlint.config.ConfigException;
import dev.vlint.fixers.ParseCheck;
import dev.vlint.fixers.build.BuildDriver;
import dev.vlint.fixers.build.BuildOptions;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vlint build [OPTIONS] -- docker buildx build ARGS...}: lints the Dockerfile the build would
 * use, builds from a patched copy with the safe fixes applied, and passes docker's exit code through.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Run a docker build from a copy of its Dockerfile with vlint's safe fixes applied.",
        footerHeading = "%n",
        footer = "Example: vlint build --dry-run -- docker buildx build --platform linux/amd64,linux/arm64"
                + " -f docker/Dockerfile.cpu .")
final class BuildCommand implements Callable<Integer> {
    private final Session session;

    @Option(names = "--dry-run", description = "Print the patch and the commands; run nothing.")
    private boolean dryRun;

    @Option(names = "--shadow-dir", paramLabel = "DIR", description = "Where to write the patched Dockerfile (default: a temporary folder).")
    private Path shadowDir;

    @Option(names = "--docker-root", paramLabel = "PATH", description = "Docker's data folder; its free space limits the disk budget.")
    private Path dockerRoot;

    @Option(names = "--disk-budget-gb", paramLabel = "GB", description = "Disk the build may use.")
    private Integer diskBudgetGb;

    @Option(names = "--one-platform-at-a-time", description = "Build each --platform separately and prune in between.")
    private boolean onePlatformAtATime;

    @Option(names = "--allow-split-push", description = "Allow splitting a build that pushes (the tag ends up on the last platform).")
    private boolean allowSplitPush;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: .vlint.yaml here or at the git root).")
    private Path config;

    @Parameters(paramLabel = "DOCKER-COMMAND", arity = "1..*", description = "The docker build command, after --.")
    private List<String> dockerArgs = new ArrayList<>();

    BuildCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws ConfigException {
        BuildOptions options = new BuildOptions(dryRun, resolve(shadowDir), resolve(dockerRoot), diskBudgetGb,
                onePlatformAtATime, allowSplitPush);
        BuildDriver driver = new BuildDriver(session.config(config, session.cwd()), ParseCheck.PRIMARY, new KnowledgeBaseDiskEstimator(),
                session.cwd(), session.env());
        return driver.run(options, dockerArgs, session.rules(), streamOf(session.out()), streamOf(session.err()));
    }


    private Path resolve(Path path) {
        return path == null ? null : session.cwd().resolve(path);
    }

    /** The driver prints to streams; the session (and tests) hold writers. */
    private static PrintStream streamOf(PrintWriter writer) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                writer.write(new String(bytes, offset, length, StandardCharsets.UTF_8));
                writer.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }
}
