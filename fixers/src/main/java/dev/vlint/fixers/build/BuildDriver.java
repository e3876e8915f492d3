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
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code vlint build -- docker buildx build ARGS...}: lints the Dockerfile the build would use,
 * writes a copy with the safe fixes into a shadow folder (the original is never touched), points the
 * build at the copy and runs it, splitting a multi-platform build into one build per platform when
 * the disk cannot hold all platforms at once. A split build runs on a builder of vlint's own, whose
 * cache alone is pruned between platforms and which is removed at the end; between platforms the
 * image just built is untagged. Nothing else of the user's (other caches, dangling images) is touched.
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
    private final Supplier<String> builderNames;

    /** A driver that resolves paths against {@code workingDir} and runs docker with {@code environment}. */
    public BuildDriver(Config config, ParseCheck parseCheck, DiskEstimator estimator, Path workingDir,
            Map<String, String> environment) {
        this.config = config;
        this.parseCheck = parseCheck;
        this.estimator = estimator;
        this.workingDir = workingDir;
        this.environment = Map.copyOf(environment);
        this.builderNames = () -> "vlint-build-" + Long.toHexString(new SecureRandom().nextLong() >>> 16);
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
                    out.println("# patched copy: " + plan.patchedCopy() + (options.shadowDir() == null
                            ? " (not written: a dry run writes the copy only with --shadow-dir)" : ""));
                }
                plan.commands().forEach(command -> out.println(shellQuote(command)));
                if (!plan.cleanup().isEmpty()) {
                    out.println("# at the end, even when a build fails:");
                    plan.cleanup().forEach(command -> out.println(shellQuote(command)));
                }
                return 0;
            }
            Path temporary = options.shadowDir() == null && plan.patchedCopy() != null
                    ? plan.patchedCopy().getParent() : null;
            // Ctrl-C ends the JVM without running finally blocks; the hook still removes the copy.
            Thread hook = new Thread(() -> deleteTemporaryFolder(temporary, err), "vlint-build-cleanup");
            if (temporary != null) {
                Runtime.getRuntime().addShutdownHook(hook);
            }
            try {
                return execute(plan, err);
            } finally {
                if (temporary != null) {
                    Runtime.getRuntime().removeShutdownHook(hook);
                    deleteTemporaryFolder(temporary, err);
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
            patchedCopy = options.dryRun() && options.shadowDir() == null
                    ? Path.of(System.getProperty("java.io.tmpdir"), "vlint-build-XXXXXX", dockerfile.getFileName().toString())
                    : writeCopy(dockerfile, buildFile, options.shadowDir());
            diff = report.diff();
            err.print(diff);
            err.println("vlint build: building with the patched copy " + patchedCopy);
            build = command.withFile(patchedCopy.toString());
        }
        List<List<String>> commands = new ArrayList<>();
        List<List<String>> cleanup = new ArrayList<>();
        if (split) {
            splitCommands(build, commands, cleanup, err);
        } else {
            commands.add(build.words());
        }
        return new BuildPlan(commands, cleanup, dockerfile, patchedCopy, diff);
    }

    /**
     * One build per platform. With buildx, the builds run on a builder created for them, so pruning
     * its cache between platforms frees this build's cache and nothing else, and removing it at the
     * end leaves nothing behind; between platforms the tags of the image just built are removed, when
     * it went to the local image store. The user's other caches and images are never pruned.
     */
    private void splitCommands(BuildCommandLine build, List<List<String>> commands, List<List<String>> cleanup,
            PrintStream err) {
        String docker = build.executable();
        List<String> platforms = build.platforms();
        BuildCommandLine perPlatform = build;
        List<String> pruneCache = null;
        List<String> done = new ArrayList<>();
        if (build.buildx() && build.builder().isEmpty()) {
            String builder = builderNames.get();
            commands.add(List.of(docker, "buildx", "create", "--name", builder, "--driver", "docker-container"));
            perPlatform = (build.hasOutput() ? build : build.withLoad()).withBuilder(builder);
            pruneCache = List.of(docker, "buildx", "prune", "--builder", builder, "--all", "--force");
            cleanup.add(List.of(docker, "buildx", "rm", builder));
            done.add("builds on a builder of its own, " + builder + ", prunes only that builder's cache between"
                    + " platforms and removes the builder at the end");
        } else if (build.buildx()) {
            done.add("keeps the cache of builder " + build.builder().get() + ": it is not this build's alone (without"
                    + " --builder, vlint builds on a builder of its own and prunes only that)");
        } else {
            done.add("keeps the build cache: docker build shares the default builder with your other builds"
                    + " (with docker buildx build, vlint builds on a builder of its own and prunes only that)");
        }
        List<String> untag = null;
        if (build.loadsImage() && !build.tags().isEmpty()) {
            untag = new ArrayList<>(List.of(docker, "image", "rm"));
            untag.addAll(build.tags());
            done.add("removes the tags " + String.join(", ", build.tags()) + " of each platform's image before the"
                    + " next platform builds");
        }
        for (int i = 0; i < platforms.size(); i++) {
            if (i > 0 && pruneCache != null) {
                commands.add(pruneCache);
            }
            if (i > 0 && untag != null) {
                commands.add(untag);
            }
            commands.add(perPlatform.withPlatform(platforms.get(i)).words());
        }
        err.println("vlint build: one platform at a time: vlint " + String.join("; ", done)
                + "; nothing else is pruned");
    }

    /** Removes the fresh folder made for the copy, which holds nothing but the copy and its dockerignore. */
    private static void deleteTemporaryFolder(Path dir, PrintStream err) {
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
            Files.delete(dir);
        } catch (IOException e) {
            err.println("vlint build: could not remove " + dir + ": " + e.getMessage());
        }
    }

    /**
     * Runs the commands in order with this process's terminal, stopping at the first that fails,
     * then, once the first command succeeded, the cleanup commands whatever happened after it; returns
     * the exit code of the first command that failed.
     */
    public int execute(BuildPlan plan, PrintStream err) {
        int exit = 0;
        int succeeded = 0;
        for (List<String> command : plan.commands()) {
            exit = run(command, err);
            if (exit != 0) {
                break;
            }
            succeeded++;
        }
        // The cleanup undoes the first command (creating the builder); without it there is nothing to undo.
        for (List<String> command : succeeded == 0 ? List.<List<String>>of() : plan.cleanup()) {
            int cleaned = run(command, err);
            if (cleaned != 0) {
                err.println("vlint build: cleanup failed (exit " + cleaned + "); run it yourself: " + shellQuote(command));
                exit = exit == 0 ? cleaned : exit;
            }
        }
        return exit;
    }

    private int run(List<String> command, PrintStream err) {
        List<String> resolved = new ArrayList<>(command);
        String docker = dockerExecutable(command.get(0));
        if (docker == null) {
            err.println("vlint build: docker not found on PATH; set VLINT_DOCKER to its path");
            return USAGE_ERROR;
        }
        resolved.set(0, docker);
        err.println("vlint build: running " + shellQuote(command));
        return runProcess(resolved, err);
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
