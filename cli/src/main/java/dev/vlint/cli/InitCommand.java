package dev.vlint.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vlint init}: writes a commented starter {@code .vlint.yaml}; never overwrites one. */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Write a starter .vlint.yaml.")
final class InitCommand implements Callable<Integer> {
    static final String STARTER = """
            # vlint configuration. Every rule runs at its default level unless set here.
            rules:
            #  VL102: off              # or error, warning, note

            # Paths (globs) that vlint does not lint.
            ignore-paths:
            #  - "third_party/**"

            # What the images are built for; rules about CUDA, drivers and runners use these.
            targets:
            #  gpus: [A100, H100, RTX 5090]   # names, sm_XX or X.Y
            #  driver-cuda: "12.8"            # newest CUDA the host driver supports
            #  runner-disk-gb: 14             # disk of self-hosted runners
            """;

    private final Session session;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "Folder to write .vlint.yaml into (default: .).")
    private Path dir;

    InitCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        Path target = session.cwd().resolve(dir == null ? Path.of(".") : dir).resolve(ConfigReader.FILE_NAME).normalize();
        try {
            Files.writeString(target, STARTER, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new UsageException(target + " already exists; not overwriting it");
        }
        session.out().println("vlint: wrote " + target);
        session.out().flush();
        return Session.OK;
    }
}
