package dev.vlint.buildmodel;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/** Project-relative path arithmetic with forward slashes. */
final class Paths {
    private static final Pattern WORKSPACE = Pattern.compile("^(\\$\\{\\{\\s*github\\.workspace\\s*}}|\\$GITHUB_WORKSPACE)/?");

    private Paths() {}

    /** Drops "./", resolves "..", strips {@code ${{ github.workspace }}/} and leading slashes of workspace paths. */
    static String normalize(String path) {
        String p = path.trim().replace('\\', '/');
        if (p.startsWith("$")) {
            p = WORKSPACE.matcher(p).replaceFirst("");
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? "." : String.join("/", parts);
    }

    static String join(String dir, String path) {
        if (path.startsWith("/") || dir.equals(".") || dir.isEmpty()) {
            return normalize(path);
        }
        return normalize(dir + "/" + path);
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "." : path.substring(0, slash);
    }
}
