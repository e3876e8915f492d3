package dev.vlint.fixers.build;

import dev.vlint.config.Config;
import dev.vlint.fixers.FixMode;
import dev.vlint.fixers.FixReport;
import dev.vlint.fixers.FixSession;
import dev.vlint.fixers.ParseCheck;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Rule;
import dev.vlint.source.Position;
import dev.vlint.source.SourceFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code vlint build -- docker buildx build ARGS...}: lints the Dockerfile the build would use,
 * writes a copy with the safe fixes into a shadow folder (the original is never touched), points the
 * build at the copy and runs it, splitting a multi-platform build into one build per platform, with
 * the cache pruned in between, when the disk cannot hold all platforms at once.
 */
public final class BuildDriver {
    /** Exit code when vlint itself refuses or fails before docker runs. */
    public static final int USAGE_ERROR = 2;

    private static final long GB = 1_000_000_000L;
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private final Config config;
    private final ParseCheck parseCheck;
    private final DiskEstimator estimator;
    private final Path workingDir;
    private final Map<String, String> environment;

    /** A driver that resolves paths against {@code workingDir} and runs docker with {@code environment}. */
    public BuildDriver(Config config, ParseCheck parseCheck, DiskEstimator estimator, Path workingDir,
            Map<String, String> environment) {
        this.config = config;
        this.parseCheck = parseCheck;
        this.estimator = estimator;
        this.workingDir = workingDir;
        this.environment = Map.copyOf(environment);
    }

    /**
     * Plans and runs (or, with {@code dryRun}, prints) the corrected build.
     *
     * @param dockerArgs the words after {@code --}, starting with {@code docker}
     * @return the exit code of the first docker command that failed, 0 when all succeeded, or
     *     {@link #USAGE_ERROR} when vlint could not run the build
     */
    public int run(BuildOptions options, List<String> dockerArgs, List<Rule> rules, PrintStream out,
            PrintStream err) {
        try {
            BuildPlan plan = plan(options, BuildCommandLine.parse(dockerArgs), rules, err);
            if (options.dryRun()) {
                if (plan.patchedCopy() != null) {
                    out.println("# patched copy: " + plan.patchedCopy());
                }
                plan.commands().forEach(command -> out.println(shellQuote(command)));
                return 0;
            }
            try {
                return execute(plan, err);
            } finally {
                if (options.shadowDir() == null && plan.patchedCopy() != null) {
                    deleteTemporaryFolder(plan.patchedCopy().getParent(), err);
                }
            }
        } catch (BuildException e) {
            err.println("vlint build: " + e.getMessage());
            return USAGE_ERROR;
        }
    }

    /**
     * Lints the Dockerfile, writes the patched copy when fixes apply, and decides the commands.
     * Prints the diff, the findings left and the reasons for its decisions to {@code err}.
     */
    public BuildPlan plan(BuildOptions options, BuildCommandLine command, List<Rule> rules, PrintStream err)
            throws BuildException {
        Path dockerfile = null;
        FixReport report = null;
        SourceFile buildFile = null;
        boolean patch = false;
        String unreadable = unreadableReason(command);
        if (unreadable != null) {
            err.println("vlint build: " + unreadable + "; it cannot be patched, running the build unchanged");
        } else {
            dockerfile = resolveDockerfile(command);
            report = fix(dockerfile, rules);
            printFindings(report, err);
            FixReport.FileResult result = report.files().get(0);
            buildFile = result.fixed();
            patch = result.changed();
            if (patch && !result.original().source().validUtf8()) {
                err.println("vlint build: " + result.original().path()
                        + " is not valid UTF-8; a patched copy would change other bytes, building the original");
                buildFile = result.original().source();
                patch = false;
            }
        }
        List<String> platforms = command.platforms();
        boolean split = platforms.size() > 1
                && (options.onePlatformAtATime() || tooBig(options, command, buildFile, err));
        if (split && command.pushes() && !options.allowSplitPush()) {
            throw new BuildException("refusing to build one platform at a time: the build pushes, and each "
                    + "platform would push the same tag, so the tag would end up with the last platform only. "
                    + "Push per platform with --output type=image,push-by-digest=true,name-canonical=true,push=true "
                    + "and merge the digests with docker buildx imagetools create, or pass --allow-split-push "
                    + "to split anyway");
        }
        if (split && !command.tags().isEmpty()) {
            err.println("vlint build: note: every platform's image gets the tags " + String.join(", ", command.tags())
                    + "; after the last build they name the image of " + platforms.get(platforms.size() - 1));
        }
        BuildCommandLine build = command;
        Path patchedCopy = null;
        String diff = "";
        if (patch) {
            patchedCopy = writeCopy(dockerfile, buildFile, options.shadowDir());
            diff = report.diff();
            err.print(diff);
            err.println("vlint build: building with the patched copy " + patchedCopy);
            build = command.withFile(patchedCopy.toString());
        }
        List<List<String>> commands = new ArrayList<>();
        if (split) {
            for (int i = 0; i < platforms.size(); i++) {
                if (i > 0) {
                    commands.addAll(pruneCommands(build));
                }
                commands.add(build.withPlatform(platforms.get(i)).words());
            }
        } else {
            commands.add(build.words());
        }
        return new BuildPlan(commands, dockerfile, patchedCopy, diff);
    }

    /** Removes the fresh folder made for the copy, which holds nothing but the copy and its dockerignore. */
    private static void deleteTemporaryFolder(Path dir, PrintStream err) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
            Files.delete(dir);
        } catch (IOException e) {
            err.println("vlint build: could not remove " + dir + ": " + e.getMessage());
        }
    }

    /** Runs the commands in order with this process's terminal, stopping at the first that fails. */
    public int execute(BuildPlan plan, PrintStream err) {
        for (List<String> command : plan.commands()) {
            List<String> resolved = new ArrayList<>(command);
            String docker = dockerExecutable(command.get(0));
            if (docker == null) {
                err.println("vlint build: docker not found on PATH; set VLINT_DOCKER to its path");
                return USAGE_ERROR;
            }
            resolved.set(0, docker);
            err.println("vlint build: running " + shellQuote(command));
            int exit = runProcess(resolved, err);
            if (exit != 0) {
                return exit;
            }
        }
        return 0;
    }

    private int runProcess(List<String> command, PrintStream err) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            err.println("vlint build: cannot run " + command.get(0) + ": " + e.getMessage());
            return USAGE_ERROR;
        }
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** Why the Dockerfile cannot be read from here, or null when it can. */
    private static String unreadableReason(BuildCommandLine command) {
        return switch (command.contextKind()) {
            case REMOTE -> "the build context " + command.context() + " is remote";
            case STDIN -> "the build context comes from standard input";
            case LOCAL -> command.file().filter(f -> f.equals("-")).isPresent()
                    ? "the Dockerfile comes from standard input" : null;
        };
    }

    /** {@code -f} is relative to the working folder, like docker's; without it, the context's {@code Dockerfile}. */
    private Path resolveDockerfile(BuildCommandLine command) throws BuildException {
        Path file = command.file().map(workingDir::resolve)
                .orElseGet(() -> workingDir.resolve(command.context()).resolve("Dockerfile")).normalize();
        if (!Files.isRegularFile(file)) {
            throw new BuildException("Dockerfile not found: " + file
                    + (command.file().isPresent() ? "" : " (the context's Dockerfile; name another with -f)"));
        }
        return file;
    }

    private FixReport fix(Path dockerfile, List<Rule> rules) throws BuildException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(dockerfile);
        } catch (IOException e) {
            throw new BuildException("cannot read " + dockerfile + ": " + e.getMessage());
        }
        String label = dockerfile.startsWith(workingDir)
                ? workingDir.relativize(dockerfile).toString().replace('\\', '/') : dockerfile.toString();
        ProjectFile file = new ProjectFile(dockerfile, FileKind.DOCKERFILE, SourceFile.decode(label, bytes));
        return FixSession.run(new Project(workingDir, List.of(file), config), rules, FixMode.SAFE, parseCheck);
    }

    private static void printFindings(FixReport report, PrintStream err) {
        for (Finding finding : report.remaining()) {
            if (!finding.suppressed()) {
                Position at = finding.start();
                err.println(finding.file().path() + ":" + at.line() + ":" + at.column() + ": "
                        + finding.severity().label() + "[" + finding.ruleId() + "] " + finding.message());
            }
        }
        report.notes().forEach(err::println);
        err.println(report.summary());
    }

    /**
     * Writes the fixed text beside nothing of the user's: into the shadow folder, under the original
     * name, with the {@code <name>.dockerignore} BuildKit would look for next to the Dockerfile.
     */
    private Path writeCopy(Path dockerfile, SourceFile fixed, Path shadowDir) throws BuildException {
        try {
            Path dir;
            if (shadowDir == null) {
                dir = Files.createTempDirectory("vlint-build-");
            } else {
                dir = Files.createDirectories(workingDir.resolve(shadowDir));
                if (Files.isSameFile(dir, dockerfile.getParent())) {
                    throw new BuildException("the shadow folder " + dir
                            + " holds the Dockerfile itself; the copy would replace the original");
                }
            }
            Path copy = dir.resolve(dockerfile.getFileName().toString());
            String text = (fixed.hasBom() ? "\uFEFF" : "") + fixed.text();
            Files.write(copy, text.getBytes(StandardCharsets.UTF_8));
            Path ignore = dockerfile.resolveSibling(dockerfile.getFileName() + ".dockerignore");
            if (Files.isRegularFile(ignore)) {
                Files.copy(ignore, dir.resolve(ignore.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
            return copy.toAbsolutePath();
        } catch (IOException e) {
            throw new BuildException("cannot write the patched copy: " + e);
        }
    }

    /** Whether all platforms at once need more disk than the budget; says why when they do. */
    private boolean tooBig(BuildOptions options, BuildCommandLine build, SourceFile dockerfile, PrintStream err)
            throws BuildException {
        if (dockerfile == null) {
            return false;
        }
        OptionalLong perPlatform = estimator.bytesPerPlatform(dockerfile, build);
        if (perPlatform.isEmpty()) {
            return false;
        }
        List<String> limits = new ArrayList<>();
        long budget = Long.MAX_VALUE;
        if (options.diskBudgetGb() != null) {
            budget = Math.min(budget, options.diskBudgetGb() * GB);
            limits.add("--disk-budget-gb " + options.diskBudgetGb());
        }
        Integer runnerDisk = config.targets().runnerDiskGb();
        if (runnerDisk != null) {
            budget = Math.min(budget, runnerDisk * GB);
            limits.add("runner-disk-gb " + runnerDisk + " in the config");
        }
        if (options.dockerRoot() != null) {
            long free = usableSpace(workingDir.resolve(options.dockerRoot()));
            budget = Math.min(budget, free);
            limits.add(gb(free) + " free under " + options.dockerRoot());
        }
        int platforms = build.platforms().size();
        long needed = perPlatform.getAsLong() * platforms;
        if (limits.isEmpty() || needed <= budget) {
            return false;
        }
        err.println("vlint build: " + platforms + " platforms need about " + gb(needed) + " of disk ("
                + gb(perPlatform.getAsLong()) + " each) but the budget is " + gb(budget) + " ("
                + String.join(", ", limits) + "); building one platform at a time and pruning in between");
        if (perPlatform.getAsLong() > budget) {
            err.println("vlint build: warning: even one platform may not fit in " + gb(budget));
        }
        return true;
    }

    private static long usableSpace(Path path) throws BuildException {
        try {
            return Files.getFileStore(path).getUsableSpace();
        } catch (IOException e) {
            throw new BuildException("cannot read the free space of --docker-root " + path + ": " + e.getMessage());
        }
    }

    private static String gb(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / (double) GB);
    }

    /** Frees the build cache and dangling images of the previous platform before the next one starts. */
    private static List<List<String>> pruneCommands(BuildCommandLine build) {
        List<String> cache = new ArrayList<>(List.of(build.executable()));
        if (build.buildx()) {
            cache.addAll(List.of("buildx", "prune", "-f"));
            build.builder().ifPresent(b -> cache.addAll(List.of("--builder", b)));
        } else {
            cache.addAll(List.of("builder", "prune", "-f"));
        }
        return List.of(cache, List.of(build.executable(), "image", "prune", "-f"));
    }

    /** {@code VLINT_DOCKER}, else the path the user wrote, else {@code docker} on PATH; null when none exists. */
    private String dockerExecutable(String written) {
        String override = environment.get("VLINT_DOCKER");
        if (override != null && !override.isEmpty()) {
            return override;
        }
        if (written.contains("/")) {
            return workingDir.resolve(written).toString();
        }
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = workingDir.resolve(dir).resolve(written);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return null;
    }

    /** The command as a POSIX shell would need it typed. */
    static String shellQuote(List<String> command) {
        List<String> quoted = new ArrayList<>();
        for (String word : command) {
            quoted.add(SHELL_SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\"'\"'") + "'");
        }
        return String.join(" ", quoted);
    }
}
