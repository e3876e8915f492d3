package dev.vlint.project;

import java.util.Locale;
import java.util.regex.Pattern;

/** The kinds of file vlint understands. */
public enum FileKind {
    DOCKERFILE,
    /** A GitHub Actions workflow under {@code .github/workflows/}. */
    WORKFLOW,
    SHELL,
    /** A StartOS TypeScript source (manifest, versions). */
    STARTOS_TS,
    PYPROJECT,
    SETUP_PY,
    REQUIREMENTS,
    /** A Python wheel; its {@code METADATA} is read from the archive. */
    WHEEL,
    BAKE,
    OTHER;

    /** {@code Dockerfile.cpu} is a Dockerfile; {@code Dockerfile.java} or {@code Dockerfile.md} is not. */
    private static final Pattern NOT_DOCKERFILE_SUFFIX = Pattern.compile(
            "\\.(java|kt|scala|groovy|go|rs|py|pyc|js|ts|md|rst|adoc|txt|json|ya?ml|toml|xml|html|sh|bash|class|jar"
                    + "|dockerignore|j2|jinja2?|tmpl|template|in|orig|rej|bak|swp|received|approved)$");

    /**
     * Classifies a file by its path (relative, forward slashes) and the start of its text
     * ({@code head} may be empty for binaries).
     */
    public static FileKind classify(String path, String head) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("dockerfile") || lower.equals("containerfile") || lower.endsWith(".dockerfile")
                || (lower.startsWith("dockerfile.") || lower.startsWith("containerfile."))
                        && !NOT_DOCKERFILE_SUFFIX.matcher(lower).find()) {
            return DOCKERFILE;
        }
        // GitHub reads workflows only directly in .github/workflows/, not in folders below it.
        int workflows = ("/" + path).lastIndexOf("/.github/workflows/");
        if ((lower.endsWith(".yml") || lower.endsWith(".yaml")) && workflows >= 0
                && path.indexOf('/', workflows + ".github/workflows/".length()) < 0) {
            return WORKFLOW;
        }
        if (lower.endsWith(".sh") || lower.endsWith(".bash") || startsWithShellShebang(head)) {
            return SHELL;
        }
        if (lower.endsWith(".ts") && (path.startsWith("startos/") || path.contains("/startos/"))) {
            return STARTOS_TS;
        }
        if (lower.equals("pyproject.toml")) {
            return PYPROJECT;
        }
        if (lower.equals("setup.py")) {
            return SETUP_PY;
        }
        if (lower.endsWith(".txt") && (lower.startsWith("requirements") || ("/" + path).contains("/requirements/"))) {
            return REQUIREMENTS;
        }
        if (lower.endsWith(".whl")) {
            return WHEEL;
        }
        if (lower.equals("docker-bake.hcl") || lower.endsWith(".bake.hcl")) {
            return BAKE;
        }
        return OTHER;
    }

    private static boolean startsWithShellShebang(String head) {
        if (!head.startsWith("#!")) {
            return false;
        }
        int end = head.indexOf('\n');
        String line = end < 0 ? head : head.substring(0, end);
        return line.matches("#!\\s*(/usr)?/bin/(env\\s+)?(ba|da|z|k)?sh\\b.*");
    }
}
