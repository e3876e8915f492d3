package dev.vlint.dockerfile;

import dev.vlint.project.ProjectFile;
import dev.vlint.source.SourceFile;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell a shell-form RUN runs under: the stage's last {@code SHELL} before it (a stage built
 * {@code FROM} another stage starts with that stage's shell), or the shell named by a
 * {@code # hadolint shell=NAME} comment above it (one before the first FROM sets the default of
 * every stage), else {@code /bin/sh -c}.
 */
public final class RunShell {
    public static final List<String> DEFAULT = List.of("/bin/sh", "-c");
    private static final Pattern PRAGMA = Pattern.compile("^[ \\t]*#[ \\t]*hadolint[ \\t]+shell[ \\t]*=[ \\t]*(\\S+)");
    private static final List<String> NOT_POSIX = List.of("pwsh", "powershell", "cmd");

    private RunShell() {}

    /** The shell command of {@code run} (a RUN of {@code stage}, or an ONBUILD RUN trigger in it). */
    public static List<String> of(ProjectFile file, Instruction run) {
        return file.derived(RunShell.class, RunShell::index).getOrDefault(run, DEFAULT);
    }

    /** Whether the shell is a POSIX shell; PowerShell and cmd.exe are not, and their RUNs are not shell scripts. */
    public static boolean isPosix(List<String> shell) {
        String program = shell.isEmpty() ? "" : shell.get(0).toLowerCase(Locale.ROOT);
        return NOT_POSIX.stream().noneMatch(program::contains);
    }

    private record Pragma(int offset, List<String> shell) {}

    private static Map<Instruction, List<String>> index(ProjectFile file) {
        Map<Instruction, List<String>> shells = new IdentityHashMap<>();
        Dockerfile dockerfile = file.model(DockerfileParser.KEY);
        if (dockerfile == null) {
            return shells;
        }
        List<Pragma> pragmas = pragmas(file.source());
        List<String> fileDefault = DEFAULT;
        int p = 0;
        if (!dockerfile.stages().isEmpty()) {
            int firstFrom = dockerfile.stages().get(0).from().range().start();
            for (; p < pragmas.size() && pragmas.get(p).offset() < firstFrom; p++) {
                fileDefault = pragmas.get(p).shell();
            }
        }
        List<List<String>> endShells = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            List<String> current = stage.baseStage() >= 0 && stage.baseStage() < endShells.size()
                    ? endShells.get(stage.baseStage()) : fileDefault;
            for (Instruction instruction : stage.instructions()) {
                for (; p < pragmas.size() && pragmas.get(p).offset() < instruction.range().start(); p++) {
                    current = pragmas.get(p).shell();
                }
                if (instruction.is("SHELL") && instruction.jsonForm() && !instruction.args().isEmpty()) {
                    current = instruction.args().stream().map(Word::text).toList();
                } else if (instruction.is("RUN")) {
                    shells.put(instruction, current);
                } else if (instruction.trigger() != null && instruction.trigger().is("RUN")) {
                    shells.put(instruction.trigger(), current);
                }
            }
            endShells.add(current);
        }
        return shells;
    }

    private static List<Pragma> pragmas(SourceFile source) {
        List<Pragma> found = new ArrayList<>();
        String text = source.text();
        if (!text.contains("hadolint")) {
            return found;
        }
        for (int line = 0; line < source.lineCount(); line++) {
            Matcher m = PRAGMA.matcher(source.lineText(line));
            if (m.find()) {
                found.add(new Pragma(source.lineStart(line), List.of(m.group(1))));
            }
        }
        return found;
    }
}
