package dev.vlint.rules.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * A stand-in {@code shellcheck} executable: it records its arguments (one line per run), keeps a
 * copy of every file it was given and of the {@code .shellcheckrc} beside them (and counts the
 * {@code --version} runs apart), and answers in ShellCheck's json1 format with one finding (code
 * 2086, level info) on each occurrence of the word {@code MARK} in each file, with ShellCheck's
 * columns: 1-based code points, a tab counting as one. Tests can then check that every finding maps
 * back onto the {@code MARK} in the source file, whatever lines the rule added around the snippet.
 */
final class FakeShellCheck {
    private static final String SCRIPT = """
            #!/usr/bin/env python3
            import json, os, shutil, sys
            log = %s
            args = sys.argv[1:]
            if args == ["--version"]:
                with open(os.path.join(log, "version.log"), "a") as f:
                    f.write("--version\\n")
                print("ShellCheck - fake\\nversion: 0.0.1-fake")
                sys.exit(0)
            with open(os.path.join(log, "args.log"), "a") as f:
                f.write(" ".join(args) + "\\n")
            if os.path.exists(".shellcheckrc"):
                shutil.copy(".shellcheckrc", os.path.join(log, "rc"))
            seen = len(os.listdir(os.path.join(log, "seen")))
            comments = []
            for name in [a for a in args if not a.startswith("-")]:
                seen += 1
                # the pid keeps the copies of processes running side by side apart
                shutil.copy(name, os.path.join(log, "seen", "%%05d-%%d-%%s" %% (seen, os.getpid(), name)))
                with open(name, encoding="utf-8", newline="") as f:
                    lines = f.read().split("\\n")
                for number, line in enumerate(lines, 1):
                    at = line.find("MARK")
                    while at >= 0:
                        comments.append({"file": name, "line": number, "endLine": number, "column": at + 1,
                                         "endColumn": at + 5, "level": "info", "code": 2086,
                                         "message": "Fake finding.", "fix": None})
                        at = line.find("MARK", at + 1)
            print(json.dumps({"comments": comments}))
            sys.exit(1 if comments else 0)
            """;

    final Path executable;
    final Path log;

    private FakeShellCheck(Path executable, Path log) {
        this.executable = executable;
        this.log = log;
    }

    static FakeShellCheck in(Path dir) throws IOException {
        Path log = Files.createDirectories(dir.resolve("log"));
        Files.createDirectories(log.resolve("seen"));
        Path executable = dir.resolve("shellcheck");
        Files.writeString(executable, SCRIPT.formatted(pythonString(log.toString())), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new FakeShellCheck(executable, log);
    }

    /** One line of arguments per run of the fake. */
    List<String> runs() throws IOException {
        Path args = log.resolve("args.log");
        return Files.exists(args) ? Files.readAllLines(args) : List.of();
    }

    /** How many times the fake was asked for its version. */
    long versionRuns() throws IOException {
        Path runs = log.resolve("version.log");
        return Files.exists(runs) ? Files.readAllLines(runs).size() : 0;
    }

    /** The {@code .shellcheckrc} the last run found beside its files, or null. */
    String runControl() throws IOException {
        Path rc = log.resolve("rc");
        return Files.exists(rc) ? Files.readString(rc, StandardCharsets.UTF_8) : null;
    }

    /** The texts of every file the fake was given, in order. */
    List<String> seenTexts() throws IOException {
        try (Stream<Path> files = Files.list(log.resolve("seen"))) {
            return files.sorted().map(f -> {
                try {
                    return Files.readString(f, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    private static String pythonString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
