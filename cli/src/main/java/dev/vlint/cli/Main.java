package dev.vlint.cli;

import dev.vlint.rules.BuiltinRules;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The {@code vlint} executable. */
public final class Main {
    /** The version vlint reports (kept equal to the Maven project version). */
    public static final String VERSION = "0.1.0";

    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Session session = new Session(Path.of("").toAbsolutePath(), out, err, System.getenv(),
                System.console() != null, BuiltinRules.all());
        int code = session.run(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
