package dev.vlint.project;

import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which repository a file belongs to, for a lint run that covers several (a folder of clones, a
 * repository with git submodules): the deepest folder above the file that holds a {@code .github}
 * folder or a {@code .git} entry (a clone's folder, or the file git puts in a submodule), else the
 * lint root. Links that a repository makes implicitly, such as "this repository publishes to PyPI",
 * hold only for files of that repository.
 */
public final class Repositories {
    private final Project project;
    private final Map<String, Boolean> roots = new ConcurrentHashMap<>();

    private Repositories(Project project) {
        this.project = project;
    }

    private static Repositories of(Project project) {
        return project.derived(Repositories.class, Repositories::new);
    }

    /** The root-relative folder of the repository holding {@code path} ("" for the lint root). */
    public static String rootOf(Project project, String path) {
        Repositories repositories = of(project);
        String folder = path;
        while (folder.contains("/")) {
            folder = folder.substring(0, folder.lastIndexOf('/'));
            if (repositories.isRoot(folder)) {
                return folder;
            }
        }
        return "";
    }

    /** Whether two root-relative paths belong to the same repository. */
    public static boolean same(Project project, String a, String b) {
        return rootOf(project, a).equals(rootOf(project, b));
    }

    private boolean isRoot(String folder) {
        return roots.computeIfAbsent(folder, f -> project.holdsFilesUnder(f + "/.github")
                || Files.exists(project.root().resolve(f).resolve(".git")));
    }
}
