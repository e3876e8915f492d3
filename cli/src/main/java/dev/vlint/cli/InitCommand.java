package dev.vlint.cli;

import dev.vlint.config.ConfigLoader;
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
    private final Session session;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "Folder to write .vlint.yaml into (default: .).")
    private Path dir;

    InitCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        Path target = session.cwd().resolve(dir == null ? Path.of(".") : dir).resolve(ConfigLoader.FILE_NAME).normalize();
        try {
            Files.writeString(target, ConfigLoader.starterConfig(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new UsageException(target + " already exists; not overwriting it");
        }
        session.out().println("vlint: wrote " + target);
        session.out().flush();
        return Session.OK;
    }
}
