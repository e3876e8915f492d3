package dev.vlint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * The files git sees as changed, for {@code --changed} and {@code --since}: paths relative to the
 * lint root, only files that still exist (deleted files have nothing to lint).
 */
final class ChangedFiles {
    private ChangedFiles() {}

    /** Files changed against HEAD: staged, unstaged, and untracked files git does not ignore. */
    static Set<String> sinceHead(Path root) {
        return collect(root, null);
    }

    /**
     * Files that differ between {@code ref} (anything {@code git rev-parse} takes: a branch, tag,
     * sha, {@code HEAD~3}, {@code origin/main}) and the working tree, untracked files included.
     */
    static Set<String> since(Path root, String ref) {
        return collect(root, ref);
    }

    private static Set<String> collect(Path root, String ref) {
        String option = ref == null ? "--changed" : "--since";
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(root.toFile());
        if (builder.getGitDir() == null) {
            throw new UsageException(option + " needs a git work tree, and " + root + " is not in one");
        }
        try (Repository repo = builder.setMustExist(true).build(); Git git = new Git(repo)) {
            if (repo.isBare()) {
                throw new UsageException(option + " needs a git work tree, and " + repo.getDirectory() + " is bare");
            }
            Set<String> changed = new HashSet<>();
            Status status = git.status().call();
            changed.addAll(status.getAdded());
            changed.addAll(status.getChanged());
            changed.addAll(status.getModified());
            changed.addAll(status.getUntracked());
            changed.addAll(status.getConflicting());
            if (ref != null) {
                // REF against the index; the status above adds what differs between index and working tree.
                for (DiffEntry entry : git.diff().setCached(true).setShowNameAndStatusOnly(true)
                        .setOldTree(tree(repo, ref)).call()) {
                    if (entry.getChangeType() != DiffEntry.ChangeType.DELETE) {
                        changed.add(entry.getNewPath());
                    }
                }
            }
            return relativeToRoot(repo.getWorkTree().toPath(), root, changed);
        } catch (IOException | GitAPIException e) {
            throw new UsageException(option + ": cannot read the git repository at " + root + ": " + e.getMessage());
        }
    }

    private static CanonicalTreeParser tree(Repository repo, String ref) throws IOException {
        ObjectId tree;
        try {
            tree = repo.resolve(ref + "^{tree}");
        } catch (RevisionSyntaxException e) {
            tree = null;
        }
        if (tree == null) {
            throw new UsageException("--since: unknown git revision '" + ref + "'");
        }
        try (ObjectReader reader = repo.newObjectReader()) {
            return new CanonicalTreeParser(null, reader, tree);
        }
    }

    /** Work-tree paths as lint-root paths; files outside the root and deleted files are left out. */
    private static Set<String> relativeToRoot(Path workTree, Path root, Set<String> paths) throws IOException {
        Path realTree = workTree.toRealPath();
        Path realRoot = root.toRealPath();
        Set<String> result = new HashSet<>();
        for (String path : paths) {
            Path file = realTree.resolve(path);
            if (file.startsWith(realRoot) && Files.isRegularFile(file)) {
                result.add(realRoot.relativize(file).toString().replace('\\', '/'));
            }
        }
        return result;
    }
}
