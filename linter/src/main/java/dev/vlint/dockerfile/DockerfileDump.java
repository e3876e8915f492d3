package dev.vlint.dockerfile;

import dev.vlint.project.ParseProblem;
import dev.vlint.project.Parsed;
import dev.vlint.source.SourceFile;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Prints a parsed Dockerfile in the S-expression form of BuildKit's parser tests, one
 * instruction per line: {@code (copy ["--from=build"] "/a" "/b")}.
 */
public final class DockerfileDump {
    private DockerfileDump() {}

    /** The dump text and the problems that make BuildKit (or vlint) reject the file. */
    public record Result(String text, List<ParseProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Parses and dumps {@code file}; what {@code vlint dump FILE} prints. */
    public static Result dump(SourceFile file) {
        Parsed<Dockerfile> parsed = DockerfileParser.parse(file);
        return new Result(dump(parsed.model()), parsed.problems());
    }

    /** One line per instruction, each ending with a line break. */
    public static String dump(Dockerfile dockerfile) {
        StringBuilder out = new StringBuilder();
        for (Instruction instruction : dockerfile.instructions()) {
            out.append('(').append(node(instruction)).append(")\n");
        }
        return out.toString();
    }

    private static String node(Instruction instruction) {
        StringBuilder s = new StringBuilder(instruction.keyword().toLowerCase(Locale.ROOT));
        if (!instruction.flags().isEmpty()) {
            s.append(" [").append(instruction.flags().stream().map(f -> GoQuote.quote(f.text()))
                    .collect(Collectors.joining(" "))).append(']');
        }
        if (instruction.trigger() != null) {
            s.append(" (").append(node(instruction.trigger())).append(')');
        }
        for (Word arg : instruction.args()) {
            s.append(' ').append(GoQuote.quote(arg.text()));
        }
        return s.toString().strip();
    }
}
