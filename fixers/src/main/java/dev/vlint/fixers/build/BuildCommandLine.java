package dev.vlint.fixers.build;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code docker build} command line, parsed the way the Docker CLI reads it: which Dockerfile,
 * which context, which platforms, whether it pushes. The arguments are kept as written so the
 * command can be rebuilt with another Dockerfile or a single platform and nothing else changed.
 */
public final class BuildCommandLine {
    /** Where the build context comes from. */
    public enum ContextKind {
        /** A folder on this machine. */
        LOCAL,
        /** {@code -}: a Dockerfile or a tar archive on standard input. */
        STDIN,
        /** A URL or a git repository. */
        REMOTE
    }

    private static final List<List<String>> COMMANDS = List.of(
            List.of("buildx", "build"), List.of("buildx", "b"), List.of("build"), List.of("image", "build"),
            List.of("builder", "build"));

    private static final Map<String, String> SHORT_NAMES = Map.of(
            "-f", "--file", "-t", "--tag", "-o", "--output", "-q", "--quiet", "-m", "--memory", "-c", "--cpu-shares");

    /** Options of {@code docker buildx build} and the classic {@code docker build} that take a value. */
    private static final Set<String> VALUE_OPTIONS = Set.of(
            "--add-host", "--allow", "--annotation", "--attest", "--build-arg", "--build-context", "--builder",
            "--cache-from", "--cache-to", "--call", "--cgroup-parent", "--file", "--iidfile", "--label",
            "--metadata-file", "--network", "--no-cache-filter", "--output", "--platform", "--progress",
            "--provenance", "--sbom", "--secret", "--shm-size", "--ssh", "--tag", "--target", "--ulimit",
            "--cpu-shares", "--cpuset-cpus", "--cpuset-mems", "--cpu-period", "--cpu-quota", "--isolation",
            "--memory", "--memory-swap", "--security-opt");

    private static final Set<String> FLAG_OPTIONS = Set.of(
            "--check", "--load", "--no-cache", "--pull", "--push", "--quiet", "--squash", "--rm", "--force-rm",
            "--compress", "--disable-content-trust");

    /**
     * One argument after the command words, or an option and its value.
     *
     * @param name the long option name, or null for the positional context or {@code --}
     * @param value the option's value, or null for a flag written without one
     * @param written the arguments as the user wrote them
     */
    private record Arg(String name, String value, List<String> written) {
        Arg {
            written = List.copyOf(written);
        }
    }

    private final String executable;
    private final List<String> commandWords;
    private final List<Arg> args;
    private final int contextIndex;

    private BuildCommandLine(String executable, List<String> commandWords, List<Arg> args, int contextIndex) {
        this.executable = executable;
        this.commandWords = List.copyOf(commandWords);
        this.args = List.copyOf(args);
        this.contextIndex = contextIndex;
    }

    /** Parses {@code docker buildx build ARGS...} and the other spellings of a build. */
    public static BuildCommandLine parse(List<String> words) throws BuildException {
        if (words.isEmpty() || !isDocker(words.get(0))) {
            throw new BuildException("expected a docker build command after --, e.g. -- docker buildx build .");
        }
        List<String> command = COMMANDS.stream()
                .filter(c -> words.size() > c.size() && words.subList(1, 1 + c.size()).equals(c))
                .findFirst()
                .orElseThrow(() -> new BuildException("not a build command: " + String.join(" ", words)
                        + "; expected docker buildx build, docker build or docker image build"));
        List<Arg> args = new ArrayList<>();
        List<Integer> positionals = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> rest = words.subList(1 + command.size(), words.size());
        int i = 0;
        while (i < rest.size()) {
            String word = rest.get(i);
            if (word.equals("--")) {
                args.add(new Arg(null, null, List.of(word)));
                for (String after : rest.subList(i + 1, rest.size())) {
                    positionals.add(args.size());
                    args.add(new Arg(null, after, List.of(after)));
                }
                break;
            }
            if (!word.startsWith("-") || word.equals("-")) {
                positionals.add(args.size());
                args.add(new Arg(null, word, List.of(word)));
                i++;
                continue;
            }
            if (!word.startsWith("--")) {
                i = readShortOptions(rest, i, args, unknown);
                continue;
            }
            int eq = word.indexOf('=');
            String name = eq > 0 ? word.substring(0, eq) : word;
            String joined = eq > 0 ? word.substring(eq + 1) : null;
            if (VALUE_OPTIONS.contains(name) && joined == null) {
                args.add(new Arg(name, valueAfter(rest, i, name), List.of(word, rest.get(i + 1))));
                i += 2;
                continue;
            }
            if (!VALUE_OPTIONS.contains(name) && !FLAG_OPTIONS.contains(name)) {
                unknown.add(name);
            }
            args.add(new Arg(name, joined, List.of(word)));
            i++;
        }
        if (positionals.size() != 1) {
            String found = positionals.isEmpty() ? "none"
                    : String.join(", ", positionals.stream().map(p -> args.get(p).value()).toList());
            String hint = unknown.isEmpty() ? "" : "; unknown options (written without =VALUE): "
                    + String.join(", ", unknown);
            throw new BuildException("expected exactly one build context (a path, - or a URL), found " + found + hint);
        }
        return new BuildCommandLine(words.get(0), command, args, positionals.get(0));
    }

    /**
     * Reads a cluster of one-letter options at {@code rest[i]} the way pflag does: {@code -q},
     * {@code -fvalue}, {@code -f=value}, {@code -f value}, {@code -qf value}. Each option becomes its
     * own argument, so dropping one keeps the others. Returns the index of the next argument.
     */
    private static int readShortOptions(List<String> rest, int i, List<Arg> args, List<String> unknown)
            throws BuildException {
        String word = rest.get(i);
        for (int j = 1; j < word.length(); j++) {
            String spelled = "-" + word.charAt(j);
            String name = SHORT_NAMES.getOrDefault(spelled, spelled);
            if (VALUE_OPTIONS.contains(name)) {
                String joined = word.substring(j + 1);
                if (!joined.isEmpty()) {
                    String value = joined.startsWith("=") ? joined.substring(1) : joined;
                    args.add(new Arg(name, value, List.of(spelled + joined)));
                    return i + 1;
                }
                args.add(new Arg(name, valueAfter(rest, i, spelled), List.of(spelled, rest.get(i + 1))));
                return i + 2;
            }
            if (!FLAG_OPTIONS.contains(name)) {
                unknown.add(spelled);
            }
            args.add(new Arg(name, null, List.of(spelled)));
        }
        return i + 1;
    }

    private static String valueAfter(List<String> rest, int i, String option) throws BuildException {
        if (i + 1 == rest.size()) {
            throw new BuildException("option " + option + " needs a value");
        }
        return rest.get(i + 1);
    }

    private static boolean isDocker(String word) {
        return word.equals("docker") || word.endsWith("/docker");
    }

    /** The docker executable as written, e.g. {@code docker} or {@code /usr/bin/docker}. */
    public String executable() {
        return executable;
    }

    /** Whether the build runs through {@code docker buildx}. */
    public boolean buildx() {
        return commandWords.get(0).equals("buildx");
    }

    public String context() {
        return args.get(contextIndex).value();
    }

    public ContextKind contextKind() {
        String context = context();
        if (context.equals("-")) {
            return ContextKind.STDIN;
        }
        if (context.contains("://") || context.startsWith("git@") || context.startsWith("github.com/")) {
            return ContextKind.REMOTE;
        }
        return ContextKind.LOCAL;
    }

    /** The value of the last {@code -f}/{@code --file}, when there is one. */
    public Optional<String> file() {
        return last("--file");
    }

    /** The {@code --builder} to build with, when one is named. */
    public Optional<String> builder() {
        return last("--builder");
    }

    /** The values of every {@code -t}/{@code --tag}. */
    public List<String> tags() {
        return values("--tag");
    }

    /** Every platform of every {@code --platform}, in order, without repeats. */
    public List<String> platforms() {
        Set<String> platforms = new LinkedHashSet<>();
        for (String value : values("--platform")) {
            for (String platform : value.split(",")) {
                if (!platform.isBlank()) {
                    platforms.add(platform.trim());
                }
            }
        }
        return List.copyOf(platforms);
    }

    /** Whether the result goes to a registry: {@code --push}, or an output with {@code type=registry} or {@code push=true}. */
    public boolean pushes() {
        for (Arg arg : args) {
            if ("--push".equals(arg.name()) && (arg.value() == null || isTrue(arg.value()))) {
                return true;
            }
            if ("--output".equals(arg.name()) && arg.value() != null) {
                for (String field : arg.value().split(",")) {
                    String f = field.trim();
                    if (f.equals("type=registry") || f.equals("push=true")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether the image ends up in the local image store: {@code --load}, an output of
     * {@code type=docker}, or no output at all (the classic builder and buildx's docker driver load
     * then; vlint's own builder is given {@code --load} to do the same).
     */
    public boolean loadsImage() {
        boolean output = false;
        for (Arg arg : args) {
            if ("--load".equals(arg.name()) && (arg.value() == null || isTrue(arg.value()))) {
                return true;
            }
            if ("--output".equals(arg.name()) && arg.value() != null && arg.value().contains("type=docker")) {
                return true;
            }
            output |= "--output".equals(arg.name()) || "--push".equals(arg.name()) || "--load".equals(arg.name());
        }
        return !output;
    }

    /** Whether the command says where the result goes ({@code --load}, {@code --push}, {@code --output}). */
    public boolean hasOutput() {
        return args.stream().anyMatch(a -> "--load".equals(a.name()) || "--push".equals(a.name())
                || "--output".equals(a.name()));
    }

    private static boolean isTrue(String value) {
        return value.equals("true") || value.equals("1");
    }

    /** The same build with the Dockerfile {@code file}: every {@code -f} dropped, one {@code -f file} put first. */
    public BuildCommandLine withFile(String file) {
        List<Arg> replaced = new ArrayList<>();
        replaced.add(new Arg("--file", file, List.of("-f", file)));
        return withReplaced("--file", replaced);
    }

    /** The same build for one platform: every {@code --platform} dropped, one {@code --platform p} put first. */
    public BuildCommandLine withPlatform(String platform) {
        List<Arg> replaced = new ArrayList<>();
        replaced.add(new Arg("--platform", platform, List.of("--platform", platform)));
        return withReplaced("--platform", replaced);
    }

    /** The same build on another builder: every {@code --builder} dropped, one {@code --builder name} put first. */
    public BuildCommandLine withBuilder(String builder) {
        List<Arg> replaced = new ArrayList<>();
        replaced.add(new Arg("--builder", builder, List.of("--builder", builder)));
        return withReplaced("--builder", replaced);
    }

    /** The same build with {@code --load} added in front. */
    public BuildCommandLine withLoad() {
        List<Arg> out = new ArrayList<>();
        out.add(new Arg("--load", null, List.of("--load")));
        out.addAll(args);
        return new BuildCommandLine(executable, commandWords, out, contextIndex + 1);
    }

    private BuildCommandLine withReplaced(String name, List<Arg> replacement) {
        List<Arg> out = new ArrayList<>(replacement);
        int context = -1;
        for (int i = 0; i < args.size(); i++) {
            if (i == contextIndex) {
                context = out.size();
            }
            if (!name.equals(args.get(i).name())) {
                out.add(args.get(i));
            }
        }
        return new BuildCommandLine(executable, commandWords, out, context);
    }

    /** The whole command line, starting with the executable. */
    public List<String> words() {
        List<String> words = new ArrayList<>();
        words.add(executable);
        words.addAll(commandWords);
        args.forEach(arg -> words.addAll(arg.written()));
        return words;
    }

    private List<String> values(String name) {
        return args.stream().filter(a -> name.equals(a.name()) && a.value() != null).map(Arg::value).toList();
    }

    private Optional<String> last(String name) {
        List<String> values = values(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }
}
