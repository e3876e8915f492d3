package dev.vlint.rules.security;

import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import dev.vlint.workflow.ActionRef;
import dev.vlint.workflow.YamlNode;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A repository action or reusable workflow named by {@code uses: owner/repo[/path]@ref}, with the
 * parts the security rules compare. GitHub resolves owner and repository names without regard to
 * case, so comparisons ignore it.
 */
record Uses(ActionRef ref, String owner, String repo, String path, YamlNode node) {
    private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{40}");
    private static final Pattern VERSION = Pattern.compile("v?(\\d{1,6})(\\.\\d+){0,3}([-+.][0-9A-Za-z.-]*)?");
    /** A version in the comment after a hash pin: {@code # v4.2.2}, {@code # tag=v4}, {@code # 1.2.3}. */
    private static final Pattern COMMENT_VERSION = Pattern.compile("#\\s*(?:tag\\s*[=:]\\s*|pin\\s*@\\s*)?(v?\\d+(?:\\.\\d+){0,3})\\b");

    /** The repository action of {@code node} (a {@code uses:} scalar), or null for local, Docker and expression uses. */
    static Uses of(SourceFile file, YamlNode node) {
        ActionRef ref = ActionRef.of(file, node);
        if (ref == null || ref.isLocal() || ref.isDocker() || ref.action().contains("${{")) {
            return null;
        }
        String[] parts = ref.action().split("/", 3);
        if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return null;
        }
        return new Uses(ref, parts[0], parts[1], parts.length == 3 ? parts[2] : "", node);
    }

    /** {@code owner/repo}. */
    String slug() {
        return owner + "/" + repo;
    }

    /** {@code owner/repo/path} as written, without the ref. */
    String action() {
        return ref.action();
    }

    /** Whether this is {@code name} ({@code owner/repo} or {@code owner/repo/path}), ignoring case. */
    boolean is(String name) {
        return action().equalsIgnoreCase(name) || path.isEmpty() && slug().equalsIgnoreCase(name);
    }

    boolean hashPinned() {
        return ref.ref() != null && SHA.matcher(ref.ref()).matches();
    }

    /**
     * A ref that reads as a version ({@code v4}, {@code 1.2.3}, {@code v2.0.0-beta}), or a release
     * channel whose last part does ({@code release/v1}): moved at releases, like a major tag.
     */
    boolean versionRef() {
        return ref.ref() != null && VERSION.matcher(ref.ref().substring(ref.ref().lastIndexOf('/') + 1)).matches();
    }

    TextRange range() {
        return ref.refRange() == null ? ref.actionRange() : ref.actionRange().union(ref.refRange());
    }

    /**
     * The major version this uses: from a version ref, else from the version comment that tools
     * such as Dependabot keep after a hash pin on the same line.
     */
    OptionalInt major(SourceFile file) {
        if (versionRef()) {
            return majorOf(ref.ref().substring(ref.ref().lastIndexOf('/') + 1));
        }
        if (hashPinned()) {
            int line = file.lineIndex(node.range().end());
            String rest = file.text().substring(node.range().end(), file.lineEnd(line));
            Matcher m = COMMENT_VERSION.matcher(rest);
            if (m.find()) {
                return majorOf(m.group(1));
            }
        }
        return OptionalInt.empty();
    }

    private static OptionalInt majorOf(String version) {
        Matcher m = VERSION.matcher(version);
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    String lowerSlug() {
        return slug().toLowerCase(Locale.ROOT);
    }
}
