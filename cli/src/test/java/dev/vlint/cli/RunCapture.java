package dev.vlint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vlint.rule.Rule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

/** Runs vlint in-process in one folder and keeps what the last run printed. */
final class RunCapture {
    private final Path cwd;
    private final List<Rule> rules;
    private final boolean terminal;
    private final boolean errTerminal;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    RunCapture(Path cwd, List<Rule> rules, boolean terminal, boolean errTerminal) {
        this.cwd = cwd;
        this.rules = rules;
        this.terminal = terminal;
        this.errTerminal = errTerminal;
    }

    RunCapture(Path cwd, List<Rule> rules) {
        this(cwd, rules, false, false);
    }

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return new Session(cwd, new PrintWriter(out), new PrintWriter(err), Map.of(), terminal, rules, errTerminal)
                .run(args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** The sorted distinct paths of a {@code --format json} report. */
    TreeSet<String> jsonPaths() {
        try {
            JsonNode findings = new ObjectMapper().readTree(out());
            TreeSet<String> paths = new TreeSet<>();
            StreamSupport.stream(findings.spliterator(), false).forEach(f -> paths.add(f.get("path").asText()));
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + out(), e);
        }
    }
}
