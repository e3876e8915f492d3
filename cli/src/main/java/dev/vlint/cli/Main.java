package dev.vlint.cli;

import dev.vlint.kb.KnowledgeBase;
import dev.vlint.rules.BuiltinRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code vlint} executable. */
public final class Main {
    /** The version vlint reports (kept equal to the Maven project version). */
    public static final String VERSION = "0.1.0";

    private Main() {}

    public static void main(String[] args) {
        // Lint runs need the knowledge base; reading it meanwhile hides its load behind start-up and parsing.
        if (mayLint(args)) {
            Thread warmUp = new Thread(KnowledgeBase::bundled, "vlint-knowledge-base");
            warmUp.setDaemon(true);
            warmUp.start();
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        boolean terminal = System.console() != null;
        Session session = new Session(Path.of("").toAbsolutePath(), out, err, System.getenv(),
                terminal, BuiltinRules.all(), stderrIsTerminal(terminal));
        int code = session.run(args);
        out.flush();
        err.flush();
        // Not System.exit: it first looks up a logger to log the exit, and that search opens the
        // jar's 5,000-entry index (4 ms). No shutdown hook is left to run: the output is flushed and
        // vlint build removes its own hook when it ends.
        Runtime.getRuntime().halt(code);
    }

    /** False for the runs that never read the knowledge base: help, version and the other subcommands. */
    static boolean mayLint(String... args) {
        for (String arg : args) {
            switch (arg) {
                case "-h", "--help", "-V", "--version", "rules", "explain", "init", "dump" -> {
                    return false;
                }
                default -> { }
            }
        }
        return true;
    }

    /**
     * Java cannot ask about standard error; on Linux its descriptor's link names the device.
     * Elsewhere the console check (standard input and output) stands in for it.
     */
    private static boolean stderrIsTerminal(boolean console) {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            String target = Files.readSymbolicLink(fd).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return console;
        }
    }
}
