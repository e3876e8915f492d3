package dev.vlint.cli;

import dev.vlint.config.Config;
import dev.vlint.config.ConfigException;
import dev.vlint.config.ConfigLoader;
import dev.vlint.config.HadolintConfig;
import dev.vlint.project.PathProblems;
import dev.vlint.rule.Rule;
import dev.vlint.rules.RuleConfigs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
        List<String> given = List.of(args);
        if (given.stream().anyMatch(Session::asksForHelp)) {
            return commandLine(null).execute(args);
        }
        // A parse error prints the usage, which lists every subcommand: parse again with all of them.
        return commandLine(given).setParameterExceptionHandler((e, unused) -> commandLine(null).execute(args))
                .execute(args);
    }

    /**
     * The command line with the subcommands in {@code named} (all when null). picocli reads each
     * subcommand's annotations by reflection, which a lint run should not pay for.
     */
    private CommandLine commandLine(List<String> named) {
        CommandLine commandLine = new CommandLine(new LintCommand(this).spec(), LintCommand.LAZY_FACTORY);
        subcommands().forEach((name, command) -> {
            if (named == null || named.contains(name)) {
                commandLine.addSubcommand(name, command.apply(this));
            }
        });
        // picocli's own Path converter calls Paths.get by reflection, which costs a one-file run 4 ms.
        commandLine.registerConverter(Path.class, Path::of);
        return commandLine.setOut(out).setErr(err).setExecutionExceptionHandler((e, cmd, parsed) -> fail(e));
    }

    /** {@code --help}, {@code -h} or a cluster of short options with it ({@code -hV}). */
    private static boolean asksForHelp(String arg) {
        return arg.equals("--help") || !arg.startsWith("--") && arg.startsWith("-") && arg.indexOf('h') > 0;
    }

    /** The subcommands by name, in the order the help lists them. */
    private static Map<String, Function<Session, Object>> subcommands() {
        Map<String, Function<Session, Object>> commands = new LinkedHashMap<>();
        commands.put("rules", RulesCommand::new);
        commands.put("explain", ExplainCommand::new);
        commands.put("init", InitCommand::new);
        commands.put("dump", DumpCommand::new);
        commands.put("build", BuildCommand::new);
        commands.put("graph", GraphCommand::new);
        commands.put("kb", KbCommand::new);
        return commands;
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
        Optional<Path> hadolint = explicit != null ? Optional.empty() : findHadolint(root);
        return RuleConfigs.withHadolint(file, hadolint, rules);
    }

    /** hadolint's config in the working directory, else at the lint root or its git root, as for .vlint.yaml. */
    private Optional<Path> findHadolint(Path root) {
        Optional<Path> found = HadolintConfig.in(cwd);
        for (Path dir = root.toAbsolutePath(); found.isEmpty() && dir != null; dir = dir.getParent()) {
            found = HadolintConfig.in(dir);
            if (Files.exists(dir.resolve(".git"))) {
                break;
            }
        }
        return found;
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
