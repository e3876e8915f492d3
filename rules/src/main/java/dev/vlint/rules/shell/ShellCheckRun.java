package dev.vlint.rules.shell;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.shell.Redirection;
import dev.vlint.shell.ShellSnippets;
import dev.vlint.shell.ShellSnippets.Snippet;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.source.MappedText;
import dev.vlint.source.TextRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * ShellCheck's findings for every shell snippet of one project, computed once on first use:
 * the snippets of all Dockerfiles, workflows and scripts are turned into {@link ShellCheckInput}s,
 * those already in the cache are read from it, and the rest are written to temporary files and
 * checked in batches, many files per process and one process per core at a time.
 */
final class ShellCheckRun {
    /** One entry of ShellCheck's {@code --format=json1} output. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Comment(String file, int line, int column, int endLine, int endColumn, String level, int code,
            String message) {}

    /** A snippet's input and what ShellCheck said about it. */
    record Result(ShellCheckInput input, List<Comment> comments) {}

    /** The options of every run; part of the cache key. */
    private static final List<String> OPTIONS = List.of("--format=json1", "--severity=style",
            "--exclude=" + ShellCheckInput.EXCLUDED);
    /** A batch that takes longer is stopped and its snippets go unchecked. */
    private static final long BATCH_TIMEOUT_SECONDS = 300;
    private static final int MAX_BATCH = 64;
    /** The first line of a cache entry; a new layout changes it, and old entries are checked again. */
    private static final String CACHE_HEADER = "vlint shellcheck cache 2";
    /** Built only when ShellCheck runs: a run that finds every answer in the cache needs no JSON. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    private final Project project;
    private final ShellCheck.Setup setup;
    private final Set<String> notes = Collections.synchronizedSet(new LinkedHashSet<>());
    private ShellCheck.Tool tool;
    private String rc;
    private boolean toolLookedUp;
    private Map<Snippet, Result> results;

    ShellCheckRun(Project project, ShellCheck.Setup setup) {
        this.project = project;
        this.setup = setup;
    }

    /**
     * ShellCheck's result for {@code snippet} (one of {@code file}'s), or null when it was not checked.
     * A file whose snippets are all in the cache is answered on the caller's thread; the first file
     * with a snippet missing from it runs ShellCheck for the whole project, once.
     */
    Result result(ProjectFile file, Snippet snippet) {
        Optional<Map<Snippet, Result>> cached = file.derived(this, this::fromCache);
        if (cached.isPresent()) {
            return cached.get().get(snippet);
        }
        synchronized (this) {
            if (results == null) {
                results = compute();
            }
            return results.get(snippet);
        }
    }

    /** The results of the file's snippets when the cache holds them all (none without ShellCheck). */
    private Optional<Map<Snippet, Result>> fromCache(ProjectFile file) {
        ShellCheck.Tool tool = tool();
        if (tool == null) {
            return Optional.of(Map.of());
        }
        Map<Snippet, Result> found = new IdentityHashMap<>();
        for (Map.Entry<Snippet, ShellCheckInput> entry : inputs(file).toList()) {
            List<Comment> cached = readCache(key(tool, rc, entry.getValue()));
            if (cached == null) {
                return Optional.empty();
            }
            found.put(entry.getKey(), new Result(entry.getValue(), cached));
        }
        return Optional.of(found);
    }

    /** The executable (null when there is none, with a note saying so), looked up once per run. */
    private synchronized ShellCheck.Tool tool() {
        if (!toolLookedUp) {
            tool = setup.tool();
            if (tool == null && setup.missingNote() != null) {
                notes.add(setup.missingNote());
            }
            rc = tool == null ? "" : runControl();
            toolLookedUp = true;
        }
        return tool;
    }

    /** What the user should know about this run: ShellCheck missing, failing or slow. */
    List<String> notes() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    private Map<Snippet, Result> compute() {
        ShellCheck.Tool tool = tool();
        List<Map.Entry<Snippet, ShellCheckInput>> inputs = project.files().parallelStream()
                .filter(f -> f.kind() == FileKind.DOCKERFILE || f.kind() == FileKind.WORKFLOW
                        || f.kind() == FileKind.SHELL)
                .flatMap(ShellCheckRun::inputs).toList();
        Map<Snippet, Result> found = new IdentityHashMap<>();
        Map<String, List<Map.Entry<Snippet, ShellCheckInput>>> pending = new LinkedHashMap<>();
        for (Map.Entry<Snippet, ShellCheckInput> entry : inputs) {
            String key = key(tool, rc, entry.getValue());
            List<Comment> cached = readCache(key);
            if (cached != null) {
                found.put(entry.getKey(), new Result(entry.getValue(), cached));
            } else {
                pending.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
            }
        }
        List<String> keys = new ArrayList<>(pending.keySet());
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
        int batchSize = Math.max(1, Math.min(MAX_BATCH, (keys.size() + threads * 4 - 1) / (threads * 4)));
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += batchSize) {
            batches.add(keys.subList(i, Math.min(keys.size(), i + batchSize)));
        }
        if (batches.isEmpty()) {
            return found;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, batches.size()), runnable -> {
            Thread thread = new Thread(runnable, "vlint-shellcheck");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Map<String, List<Comment>>>> running = new ArrayList<>();
            for (List<String> batch : batches) {
                running.add(pool.submit(() -> check(tool, rc, batch, pending)));
            }
            for (Future<Map<String, List<Comment>>> future : running) {
                try {
                    future.get().forEach((key, comments) -> {
                        writeCache(key, comments);
                        for (Map.Entry<Snippet, ShellCheckInput> entry : pending.get(key)) {
                            found.put(entry.getKey(), new Result(entry.getValue(), comments));
                        }
                    });
                } catch (ExecutionException e) {
                    notes.add("ShellCheck could not be run (" + e.getCause().getMessage()
                            + "); some shell snippets were not checked");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            notes.add("ShellCheck was interrupted; some shell snippets were not checked");
        } finally {
            pool.shutdownNow();
        }
        return found;
    }

    /**
     * The inputs of one file's snippets. A heredoc fed to a shell ({@code bash <<EOF}) is a snippet of
     * its own, read by that shell; the snippet holding it leaves that text to it.
     */
    private static Stream<Map.Entry<Snippet, ShellCheckInput>> inputs(ProjectFile file) {
        List<Snippet> snippets = ShellSnippets.of(file);
        Set<MappedText> bodies = Collections.newSetFromMap(new IdentityHashMap<>());
        snippets.forEach(snippet -> bodies.add(snippet.text()));
        Map<MappedText, String> feeders = new IdentityHashMap<>();
        Map<Snippet, List<TextRange>> nested = new IdentityHashMap<>();
        for (Snippet snippet : snippets) {
            for (SimpleCommand command : snippet.script().commands()) {
                for (Redirection redirection : command.redirections()) {
                    MappedText body = redirection.hereDoc() == null ? null : redirection.hereDoc().body();
                    if (body != null && bodies.contains(body)) {
                        feeders.put(body, command.effective().commandName());
                        nested.computeIfAbsent(snippet, s -> new ArrayList<>()).add(body.fileRange(0, body.length()));
                    }
                }
            }
        }
        List<Map.Entry<Snippet, ShellCheckInput>> out = new ArrayList<>();
        for (Snippet snippet : snippets) {
            ShellCheckInput input = ShellCheckInput.of(file, snippet, feeders.get(snippet.text()),
                    nested.getOrDefault(snippet, List.of()));
            if (input != null) {
                out.add(Map.entry(snippet, input));
            }
        }
        return out.stream();
    }

    /**
     * Checks one batch: each input is written to its own file (beside a copy of the project's
     * {@code .shellcheckrc}, or an empty one, so that no other rc file applies) and one process reads them all.
     */
    private Map<String, List<Comment>> check(ShellCheck.Tool tool, String rc, List<String> keys,
            Map<String, List<Map.Entry<Snippet, ShellCheckInput>>> pending) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("vlint-shellcheck");
        try {
            Files.writeString(dir.resolve(".shellcheckrc"), rc, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>();
            command.add(tool.executable().toString());
            command.addAll(OPTIONS);
            Map<String, String> keyOfFile = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                ShellCheckInput input = pending.get(keys.get(i)).get(0).getValue();
                String name = "s" + i + input.extension();
                Files.writeString(dir.resolve(name), input.text(), StandardCharsets.UTF_8);
                keyOfFile.put(name, keys.get(i));
                command.add(name);
            }
            Path out = dir.resolve("out.json");
            Path err = dir.resolve("err.txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("LC_ALL", "C.UTF-8");
            Process process = builder.start();
            if (!process.waitFor(BATCH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                notes.add("ShellCheck took longer than " + BATCH_TIMEOUT_SECONDS + " s on a batch of " + keys.size()
                        + " shell snippets and was stopped; those snippets were not checked");
                return Map.of();
            }
            JsonNode comments = process.exitValue() <= 1 ? parse(out) : null;
            if (comments == null) {
                String reason = Files.readString(err, StandardCharsets.UTF_8).lines().findFirst().orElse("no output");
                notes.add("ShellCheck failed (exit " + process.exitValue() + ": " + reason + "); "
                        + "some shell snippets were not checked");
                return Map.of();
            }
            Map<String, List<Comment>> byKey = new LinkedHashMap<>();
            keyOfFile.values().forEach(key -> byKey.put(key, new ArrayList<>()));
            for (JsonNode node : comments) {
                Comment comment = Json.MAPPER.treeToValue(node, Comment.class);
                String key = keyOfFile.get(comment.file());
                if (key != null) {
                    byKey.get(key).add(new Comment(null, comment.line(), comment.column(), comment.endLine(),
                            comment.endColumn(), comment.level(), comment.code(), comment.message()));
                }
            }
            return byKey;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** The {@code comments} array of json1 output, or null when the output is not json1. */
    private static JsonNode parse(Path out) {
        try {
            JsonNode comments = Json.MAPPER.readTree(out.toFile()).get("comments");
            return comments != null && comments.isArray() ? comments : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The project's {@code .shellcheckrc} at the lint root, or empty. */
    private String runControl() {
        for (String name : List.of(".shellcheckrc", "shellcheckrc")) {
            Path file = project.root().resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    notes.add("cannot read " + name + ": " + e.getMessage() + "; ShellCheck ran without it");
                }
            }
        }
        return "";
    }

    // ---- cache: one small text file per input, named by the hash of everything ShellCheck's answer depends on ----

    private static String key(ShellCheck.Tool tool, String rc, ShellCheckInput input) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : List.of("vlint-shellcheck-2", tool.version(), String.join(" ", OPTIONS), rc,
                    input.extension(), input.text())) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private Path cacheFile(String key) {
        return setup.cacheDir().resolve(key.substring(0, 2)).resolve(key.substring(2) + ".txt");
    }

    private List<Comment> readCache(String key) {
        if (setup.cacheDir() == null) {
            return null;
        }
        Path file = cacheFile(key);
        try {
            return Files.isRegularFile(file) ? decode(Files.readString(file, StandardCharsets.UTF_8)) : null;
        } catch (IOException | RuntimeException e) {
            return null; // unreadable or damaged: check again
        }
    }

    /** Writes aside and renames, so a concurrent run reads the whole entry or none. */
    private void writeCache(String key, List<Comment> comments) {
        if (setup.cacheDir() == null) {
            return;
        }
        Path file = cacheFile(key);
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), key.substring(2, 10), ".tmp");
            Files.writeString(temp, encode(comments), StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            notes.add("cannot write the ShellCheck cache under " + setup.cacheDir() + ": " + e.getMessage());
        }
    }

    /**
     * A cache entry: a header line, then one line per comment, its fields separated by tabs and the
     * message escaped. Plain text, so that a run answered from the cache loads no JSON library.
     */
    static String encode(List<Comment> comments) {
        StringBuilder out = new StringBuilder(CACHE_HEADER).append('\n');
        for (Comment c : comments) {
            out.append(c.line()).append('\t').append(c.column()).append('\t').append(c.endLine()).append('\t')
                    .append(c.endColumn()).append('\t').append(c.code()).append('\t').append(escape(c.level()))
                    .append('\t').append(escape(c.message())).append('\n');
        }
        return out.toString();
    }

    /** The comments of a cache entry; throws on anything {@link #encode} does not write. */
    static List<Comment> decode(String text) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals(CACHE_HEADER) || !text.endsWith("\n")) {
            throw new IllegalArgumentException("not a ShellCheck cache entry");
        }
        List<Comment> comments = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length != 7) {
                throw new IllegalArgumentException("bad ShellCheck cache line: " + line);
            }
            comments.add(new Comment(null, Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                    Integer.parseInt(f[3]), unescape(f[5]), Integer.parseInt(f[4]), unescape(f[6])));
        }
        return comments;
    }

    private static String escape(String text) {
        String s = text == null ? "" : text;
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = s.charAt(++i);
            out.append(switch (next) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case '\\' -> '\\';
                default -> throw new IllegalArgumentException("bad escape \\" + next);
            });
        }
        return out.toString();
    }
}
