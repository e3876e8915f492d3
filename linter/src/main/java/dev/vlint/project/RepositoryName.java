package dev.vlint.project;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * This repository's {@code owner/name} on its forge: {@code workflows.repository} in the config,
 * else the path of the git remote {@code origin} (https, ssh and scp-like URLs).
 */
public final class RepositoryName {
    /** A URL with a host (https, ssh, scp-like); its last two path segments, without {@code .git}. */
    private static final Pattern OWNER_AND_NAME = Pattern.compile("(?:[A-Za-z][A-Za-z0-9+.-]*://[^/]+/|[^/:]+:)"
            + "(?:[^/]+/)*?([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\\.git)?/?");

    private RepositoryName() {}

    /**
     * The name of the repository holding {@code path} (root-relative), looked up once per repository;
     * empty when neither the config nor a remote names it.
     */
    public static Optional<String> of(Project project, String path) {
        String configured = project.config().workflows().repository();
        if (configured != null) {
            return Optional.of(configured);
        }
        Map<String, Optional<String>> byRoot = project.derived(RepositoryName.class, p -> new ConcurrentHashMap<>());
        return byRoot.computeIfAbsent(Repositories.rootOf(project, path),
                root -> fromOrigin(project.root().resolve(root)));
    }

    static Optional<String> fromOrigin(Path root) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(root.toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try (Repository repo = builder.setMustExist(true).build()) {
            return fromUrl(repo.getConfig().getString("remote", "origin", "url"));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // an unreadable repository names nothing
        }
    }

    static Optional<String> fromUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher m = OWNER_AND_NAME.matcher(url.trim());
        return m.matches() ? Optional.of(m.group(1) + "/" + m.group(2)) : Optional.empty();
    }
}
