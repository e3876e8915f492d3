package dev.vlint.rules.shell;

import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.ShellVisitor;
import dev.vlint.shell.ShellSnippets.Snippet;
import dev.vlint.source.TextRange;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VL551: runs ShellCheck, when it is installed, on every shell snippet vlint knows (RUN commands and
 * heredocs, workflow {@code run:} steps, scripts) and reports each of its findings under ShellCheck's
 * own code ({@code SC2086}) at the exact place in the file. The rule owns the {@code SCxxxx} namespace
 * ({@link #member}): each code can be selected, ignored, suppressed and given a level on its own.
 */
public final class ShellCheck implements Rule, ShellVisitor {
    static final String ID = "VL551";
    private static final RuleMeta META = new RuleMeta(ID, "shellcheck", Severity.NOTE,
            "ShellCheck's findings in RUN commands and heredocs, workflow run: steps and shell scripts, each under"
                    + " its SC code at the exact place; runs when the shellcheck executable is installed.",
            Fixability.NONE, EnumSet.of(FileKind.DOCKERFILE, FileKind.WORKFLOW, FileKind.SHELL),
            List.of("shell", "shellcheck"));
    private static final Pattern CODE = Pattern.compile("(?i)SC(\\d{4})");
    private static final String WIKI = "https://www.shellcheck.net/wiki/";

    private final Setup setup;

    /**
     * ShellCheck from {@code PATH}, results cached under the user's cache folder. The system property
     * {@code vlint.shellcheck} overrides the executable: a path, or {@code off} (the test suite's setting).
     */
    public ShellCheck() {
        this(Setup.fromEnvironment());
    }

    public ShellCheck(Setup setup) {
        this.setup = setup;
    }

    /**
     * How the rule reaches ShellCheck.
     *
     * @param executable the shellcheck executable, or null to look for {@code shellcheck} on {@code PATH}
     * @param cacheDir where results are kept between runs, keyed by content; null for no cache
     * @param off never run ShellCheck, and say nothing about it
     */
    public record Setup(Path executable, Path cacheDir, boolean off) {
        static Setup fromEnvironment() {
            String property = System.getProperty("vlint.shellcheck", "");
            return new Setup(property.isEmpty() || property.equals("off") ? null : Path.of(property),
                    defaultCacheDir(), property.equals("off"));
        }

        /** {@code $XDG_CACHE_HOME/vlint/shellcheck}, else {@code ~/.cache/vlint/shellcheck}. */
        static Path defaultCacheDir() {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
            return base.resolve("vlint").resolve("shellcheck");
        }

        /**
         * The executable and its version, or null when there is none that runs. The version is
         * remembered in the cache folder per executable file (its real path, inode, size and
         * modification time), so that a run answered from the cache starts no process at all.
         */
        Tool tool() {
            Path path = executable != null ? executable : onPath();
            if (off || path == null || !Files.isExecutable(path)) {
                return null;
            }
            Path memo = versionMemo(path);
            if (memo != null) {
                try {
                    return new Tool(path, Files.readString(memo, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // not remembered yet: ask the executable
                }
            }
            String version = askVersion(path);
            if (version != null && memo != null) {
                remember(memo, version);
            }
            return version == null ? null : new Tool(path, version);
        }

        private static String askVersion(Path path) {
            try {
                Process process = new ProcessBuilder(path.toString(), "--version").redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    return null;
                }
                Matcher version = Pattern.compile("(?m)^version:\\s*(\\S+)").matcher(output);
                return version.find() ? version.group(1) : output.strip();
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        /** Where the version of this exact executable file is remembered; null without a cache. */
        private Path versionMemo(Path path) {
            if (cacheDir == null) {
                return null;
            }
            try {
                Path real = path.toRealPath();
                BasicFileAttributes file = Files.readAttributes(real, BasicFileAttributes.class);
                String identity = real + "\0" + file.fileKey() + "\0" + file.size() + "\0"
                        + file.lastModifiedTime().toMillis();
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
                return cacheDir.resolve("versions").resolve(HexFormat.of().formatHex(hash, 0, 16));
            } catch (IOException e) {
                return null;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }

        /** Best effort: without the memo the next run asks the executable again. */
        private static void remember(Path memo, String version) {
            try {
                Files.createDirectories(memo.getParent());
                Path temp = Files.createTempFile(memo.getParent(), memo.getFileName().toString(), ".tmp");
                Files.writeString(temp, version, StandardCharsets.UTF_8);
                Files.move(temp, memo, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                // the cache folder is not writable: ShellCheckRun says so when it writes results
            }
        }

        /** The one line a run says when it could not run ShellCheck; null when it is off. */
        String missingNote() {
            if (off) {
                return null;
            }
            String where = executable != null ? "at " + executable : "on PATH";
            return "shellcheck not found " + where + ", so the ShellCheck checks (SC codes) were skipped; install it"
                    + " (Debian and Ubuntu: apt-get install shellcheck) or set 'shellcheck: off' in .vlint.yaml";
        }

        private static Path onPath() {
            String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                    ? "shellcheck.exe" : "shellcheck";
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    Path candidate = Path.of(dir, name);
                    if (Files.isExecutable(candidate)) {
                        return candidate;
                    }
                }
            }
            return null;
        }
    }

    /** Whether {@code setup} reaches a shellcheck that runs. */
    public static boolean installed(Setup setup) {
        return setup.tool() != null;
    }

    /** A shellcheck executable that ran, and the version it printed. */
    record Tool(Path executable, String version) {}

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Optional<RuleMeta> member(String id) {
        Matcher m = CODE.matcher(id);
        if (!m.matches()) {
            return Optional.empty();
        }
        String code = "SC" + m.group(1);
        return Optional.of(new RuleMeta(code, code.toLowerCase(Locale.ROOT), Severity.NOTE,
                "ShellCheck's check " + code + " (" + WIKI + code + "), run by " + ID + " when shellcheck is"
                        + " installed; reported as note whatever ShellCheck's level, unless configured.",
                Fixability.NONE, META.kinds(), META.tags()));
    }

    @Override
    public List<String> notes(Project project) {
        return run(project).notes();
    }

    @Override
    public void snippet(Snippet snippet, RuleContext context) {
        ShellCheckRun.Result result = run(context.project()).result(context.file(), snippet);
        if (result == null) {
            return;
        }
        Optional<Severity> configured = context.config().ruleLevels().get(ID);
        for (ShellCheckRun.Comment comment : result.comments()) {
            TextRange range = result.input().range(comment.line(), comment.column(), comment.endLine(),
                    comment.endColumn());
            if (range == null) {
                continue;
            }
            String code = "SC" + comment.code();
            String message = comment.message().strip().replaceAll("[.]$", "") + "; see " + WIKI + code
                    + " (ShellCheck level: " + comment.level() + ")";
            // Every finding is a note unless configured: see the VL551 page for why.
            Severity severity = configured != null && configured.isPresent() ? configured.get() : Severity.NOTE;
            context.report(new Finding(code, severity, message, context.file().source(), range));
        }
    }

    private ShellCheckRun run(Project project) {
        return project.derived(this, p -> new ShellCheckRun(p, setup));
    }
}
