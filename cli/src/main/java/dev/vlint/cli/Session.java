package dev.vlint.cli;

import dev.vlint.config.Config;
import dev.vlint.config.ConfigException;
import dev.vlint.config.ConfigLoader;
import dev.vlint.project.PathProblems;
import dev.vlint.rule.Rule;
import dev.vlint.rules.RuleConfigs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * One invocation of vlint with everything it reads from its surroundings, so tests can run the
 * whole command line in-process.
 *
 * @param cwd the working directory
 * @param env the environment ({@code NO_COLOR}, {@code VLINT_DEBUG})
 * @param terminal whether standard output is a terminal (colour is only used there)
 * @param rules all rules vlint knows
 * @param errTerminal whether standard error is a terminal (the progress line is only shown there)
 */
public record Session(Path cwd, PrintWriter out, PrintWriter err, Map<String, String> env, boolean terminal,
        List<Rule> rules, boolean errTerminal) {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    public Session {
        rules = List.copyOf(rules);
    }

    /** A session whose standard error is a terminal exactly when standard output is. */
    public Session(Path cwd, PrintWriter out, PrintWriter err, Map<String, String> env, boolean terminal,
            List<Rule> rules) {
        this(cwd, out, err, env, terminal, rules, terminal);
    }

    /** Runs the command line and returns the exit code. */
    public int run(String... args) {
        CommandLine commandLine = new CommandLine(new LintCommand(this))
                .addSubcommand(new RulesCommand(this))
                .addSubcommand(new ExplainCommand(this))
                .addSubcommand(new InitCommand(this))
                .addSubcommand(new DumpCommand(this))
                .addSubcommand(new BuildCommand(this))
                .addSubcommand(new GraphCommand(this))
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((e, cmd, parsed) -> fail(e));
        return commandLine.execute(args);
    }

    /**
     * The config of a run: {@code --config FILE} when given, else {@code .vlint.yaml} in the working
     * directory, else at the lint root or its git root.
     */
    Config config(Path explicit, Path root) throws ConfigException {
        Optional<Path> file;
        if (explicit != null) {
            Path path = cwd.resolve(explicit);
            if (!Files.isRegularFile(path)) {
                throw new UsageException("config file " + explicit + " does not exist");
            }
            file = Optional.of(path);
        } else {
            Path local = cwd.resolve(ConfigLoader.FILE_NAME);
            file = Files.isRegularFile(local) ? Optional.of(local) : ConfigLoader.find(root);
        }
        return file.isPresent() ? RuleConfigs.load(file.get(), rules) : Config.DEFAULT;
    }

    /**
     * The paths to lint ({@code .} when none is given), resolved against the working directory.
     * A path that is missing or cannot be read is a usage error, all of them named at once: a typo
     * in a CI step must not pass as a clean run.
     */
    List<Path> readableTargets(List<Path> written) {
        List<Path> targets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path path : written.isEmpty() ? List.of(Path.of(".")) : written) {
            Path target = cwd.resolve(path).normalize();
            PathProblems.of(target).ifPresent(problem -> problems.add(path + ": " + problem));
            targets.add(target);
        }
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("\n", problems));
        }
        return targets;
    }

    /** Whether colour may be used on standard output (a terminal, and NO_COLOR not set). */
    boolean colorAllowed() {
        return terminal && env.getOrDefault("NO_COLOR", "").isEmpty();
    }

    private int fail(Exception e) {
        if (e instanceof ConfigException config) {
            Path file = config.file();
            Path shown = file != null && file.isAbsolute() && file.startsWith(cwd) ? cwd.relativize(file) : file;
            for (ConfigException.Problem problem : config.problems()) {
                err.println("vlint: config error: " + shown + ":" + problem.line() + ":" + problem.column() + ": "
                        + problem.message());
            }
            return USAGE;
        }
        if (e instanceof UsageException) {
            e.getMessage().lines().forEach(line -> err.println("vlint: " + line));
            return USAGE;
        }
        return internalError("", e);
    }

    /** Reports a bug in vlint on one line ({@code VLINT_DEBUG=1}: with the stack trace); returns 3. */
    int internalError(String context, Throwable e) {
        if ("1".equals(env.get("VLINT_DEBUG"))) {
            err.println("vlint: internal error: " + context + oneLine(e));
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        } else {
            err.println("vlint: internal error: " + context + oneLine(e) + " (VLINT_DEBUG=1 shows the stack trace)");
        }
        err.flush();
        return INTERNAL;
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + message;
    }
}
