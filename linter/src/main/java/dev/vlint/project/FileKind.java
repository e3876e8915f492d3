package dev.vlint.project;

import java.util.Locale;
import java.util.regex.Pattern;

/** The kinds of file vlint understands. */
public enum FileKind {
    DOCKERFILE,
    /** A GitHub Actions workflow under {@code .github/workflows/}. */
    WORKFLOW,
    /** An action's metadata file, {@code action.yml} or {@code action.yaml} outside the workflows folder. */
    ACTION,
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
     * Names projects give Dockerfiles they build with {@code -f}: {@code Dockerfile.cpu},
     * {@code Dockerfile-cuda}, {@code Dockerfile_2_28}, {@code Containerfile.rhel}, and with the
     * name in front, {@code cuda.Dockerfile}, {@code Qwen2VL_Dockerfile}.
     */
    private static final Pattern DOCKERFILE_NAME = Pattern.compile(
            "(docker|container)file([._-].*)?|.+\\.(docker|container)file", Pattern.CASE_INSENSITIVE);
    /** {@code Qwen2VL_Dockerfile}; a script could be named so too ({@code generate-dockerfile}), hence the shebang check. */
    private static final Pattern DOCKERFILE_SUFFIX_NAME = Pattern.compile(".+[_-](docker|container)file",
            Pattern.CASE_INSENSITIVE);
    /** What a build may name as its Dockerfile and still clearly not be one: sources, documents, data, archives. */
    private static final Pattern NOT_NAMED_DOCKERFILE = Pattern.compile(
            "\\.(java|kt|scala|groovy|go|rs|py|pyc|js|ts|md|rst|adoc|txt|json|ya?ml|toml|xml|html|sh|bash|class|jar"
                    + "|whl|zip|tar|gz|tgz|xz|bz2|png|jpg|svg|pdf)$", Pattern.CASE_INSENSITIVE);

    /**
     * Classifies a file by its path (relative, forward slashes) and the start of its text
     * ({@code head} may be empty for binaries, or before the file is read).
     */
    public static FileKind classify(String path, String head) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        if (DOCKERFILE_NAME.matcher(name).matches() && !NOT_DOCKERFILE_SUFFIX.matcher(lower).find()
                || DOCKERFILE_SUFFIX_NAME.matcher(name).matches() && !head.startsWith("#!")) {
            return DOCKERFILE;
        }
        if (lower.equals("action.yml") || lower.equals("action.yaml")) {
            return ACTION; // also inside .github/workflows/, where some projects keep their local actions
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

    /**
     * The kind of a file that a build names as its Dockerfile ({@code docker build -f}, a workflow's
     * {@code file:}, a compose or bake {@code dockerfile}) or as a bake file, whatever its name:
     * BAKE for {@code .hcl}, OTHER when it clearly is not a Dockerfile, else DOCKERFILE.
     */
    public static FileKind namedByBuild(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".hcl")) {
            return BAKE;
        }
        return NOT_NAMED_DOCKERFILE.matcher(lower).find() ? OTHER : DOCKERFILE;
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
