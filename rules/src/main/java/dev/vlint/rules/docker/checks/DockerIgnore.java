package dev.vlint.rules.docker.checks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore} file, read and matched as moby's patternmatcher does: one pattern a line,
 * {@code #} comments, paths relative to the context root, {@code *} and {@code ?} within one path
 * segment, {@code **} across segments, {@code !} re-including.
 *
 * @param file where it was read from
 */
record DockerIgnore(Path file, List<String> patterns, List<Pattern> compiled, boolean hasExclusions) {
    /** The ignore file BuildKit uses for this Dockerfile and context: {@code <Dockerfile>.dockerignore} first. */
    static DockerIgnore find(Path dockerfile, Path context) {
        for (Path candidate : List.of(dockerfile.resolveSibling(dockerfile.getFileName() + ".dockerignore"),
                context.resolve(".dockerignore"))) {
            if (Files.isRegularFile(candidate)) {
                try {
                    return parse(candidate, Files.readString(candidate, StandardCharsets.UTF_8));
                } catch (IOException | java.io.UncheckedIOException e) {
                    return null;
                }
            }
        }
        return null;
    }

    static DockerIgnore parse(Path file, String text) {
        List<String> patterns = new ArrayList<>();
        List<Pattern> compiled = new ArrayList<>();
        boolean exclusions = false;
        for (String line : text.split("\r?\n", -1)) {
            String pattern = line.strip();
            if (pattern.isEmpty() || pattern.startsWith("#")) {
                continue;
            }
            if (pattern.startsWith("!")) {
                exclusions = true;
                continue;
            }
            pattern = clean(pattern);
            if (pattern.length() > 1 && pattern.startsWith("/")) {
                pattern = pattern.substring(1);
            }
            patterns.add(pattern);
            compiled.add(regex(pattern));
        }
        return new DockerIgnore(file, List.copyOf(patterns), List.copyOf(compiled), exclusions);
    }

    /** The pattern that excludes {@code path} or one of its parent folders, or null (patternmatcher MatchesOrParentMatches). */
    String excluding(String path) {
        List<String> candidates = new ArrayList<>();
        String prefix = null;
        for (String part : path.split("/", -1)) {
            prefix = prefix == null ? part : prefix + "/" + part;
            candidates.add(prefix);
        }
        for (int i = 0; i < compiled.size(); i++) {
            for (String candidate : candidates) {
                if (compiled.get(i).matcher(candidate).matches()) {
                    return patterns.get(i);
                }
            }
        }
        return null;
    }

    /** Whether a pattern excludes every entry of the context root ({@code *}, {@code **}, {@code **}{@code /*}). */
    boolean excludesRoot() {
        return patterns.stream().anyMatch(p -> p.equals("*") || p.equals("**") || p.equals("**/*"));
    }

    /** Go's path.Clean for slash-separated paths. */
    static String clean(String path) {
        boolean rooted = path.startsWith("/");
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                } else if (!rooted) {
                    out.add(part);
                }
            } else {
                out.add(part);
            }
        }
        String joined = String.join("/", out);
        return rooted ? "/" + joined : joined.isEmpty() ? "." : joined;
    }

    private static Pattern regex(String pattern) {
        StringBuilder re = new StringBuilder("^");
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                    i++;
                    if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '/') {
                        i++;
                        re.append("(.*/)?"); // **/ : zero or more folders
                    } else {
                        re.append(".*");
                    }
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '\\' && i + 1 < pattern.length()) {
                re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '[') {
                int close = pattern.indexOf(']', i + 1);
                if (close < 0) {
                    re.append("\\[");
                } else {
                    String body = pattern.substring(i + 1, close).replace("\\", "\\\\");
                    re.append('[').append(body.startsWith("^") ? "^" + body.substring(1) : body).append(']');
                    i = close;
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.append('$').toString());
    }
}
