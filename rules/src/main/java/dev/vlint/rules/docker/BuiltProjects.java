package dev.vlint.rules.docker;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.kb.KnowledgeBase;
import dev.vlint.kb.KnownProjects.KnownProject;
import dev.vlint.kb.KnownProjects.TorchBuildRequirement;
import dev.vlint.project.ProjectFile;
import dev.vlint.python.PyProject;
import dev.vlint.rule.RuleContext;
import dev.vlint.rules.docker.BuildSteps.Cloned;
import dev.vlint.rules.docker.BuildSteps.Sequence;
import dev.vlint.rules.docker.BuildSteps.Step;
import java.util.List;
import java.util.Optional;

/**
 * What project sits in a directory that a build command builds: a repository cloned there
 * earlier (known projects of the knowledge base, e.g. vLLM), or a folder of the build context
 * copied there (read from its pyproject.toml). For workflows and scripts, a relative directory
 * is a folder of the repository.
 */
final class BuiltProjects {
    private static final String SETUPTOOLS = "setuptools.build_meta";

    private BuiltProjects() {}

    /**
     * @param name the distribution or repository name
     * @param backend the build backend, null when unknown
     * @param torchToBuild torch is among the build requirements
     * @param known the knowledge base entry, if any
     */
    record Facts(String name, String backend, boolean torchToBuild, Optional<KnownProject> known) {
        /** setuptools (also its legacy entry point, and a setup.py without pyproject backend). */
        boolean usesSetuptools() {
            return backend != null && (backend.equals(SETUPTOOLS) || backend.startsWith(SETUPTOOLS + ":"));
        }
    }

    /** The project a build command builds, as the build stands at {@code step}, if vlint can tell. */
    static Optional<Facts> of(RuleContext context, Sequence sequence, Step step, PipCommand.Target target) {
        return target.repository() != null ? known(target.repository()) : at(context, sequence, step, target.dir());
    }

    /** The project in {@code dir} as the build stands at {@code step}, if vlint can tell. */
    private static Optional<Facts> at(RuleContext context, Sequence sequence, Step step, String dir) {
        Cloned clone = sequence.cloneBefore(step, dir);
        if (clone != null) {
            return known(BuildSteps.humanish(clone.url()));
        }
        String local = folderOf(context, sequence, step, dir);
        return local == null ? Optional.empty() : fromFolder(context, local);
    }

    /** The project folder of the repository that a build at {@code dir} reads: a local folder, or one COPYed there. */
    static String folderOf(RuleContext context, Sequence sequence, Step step, String dir) {
        return step.stage() == null ? localFolder(dir) : copiedFrom(context, step.stage(), dir);
    }

    /** Facts of a project the knowledge base knows by name. */
    static Optional<Facts> known(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return KnowledgeBase.bundled().projects().project(name).map(p -> new Facts(p.name(), p.buildBackend(),
                p.buildRequiresTorch() != TorchBuildRequirement.NONE,
                Optional.of(p)));
    }

    private static Optional<Facts> fromFolder(RuleContext context, String folder) {
        String prefix = folder.equals(".") ? "" : folder + "/";
        ProjectFile pyprojectFile = context.project().file(prefix + "pyproject.toml");
        boolean hasSetupPy = context.project().file(prefix + "setup.py") != null;
        PyProject pyproject = pyprojectFile == null ? null : pyprojectFile.model(PyProject.KEY);
        if (pyproject == null) {
            return hasSetupPy ? Optional.of(new Facts(folder, SETUPTOOLS + ":__legacy__", false, Optional.empty()))
                    : Optional.empty();
        }
        String name = pyproject.name().map(PyProject.StringValue::value).orElse(folder);
        Optional<KnownProject> known = KnowledgeBase.bundled().projects().project(name);
        // Without a build-backend, pip and uv fall back to setuptools' legacy backend.
        String backend = pyproject.buildBackend().map(PyProject.StringValue::value).orElse(SETUPTOOLS + ":__legacy__");
        boolean torch = pyproject.buildRequires().stream().anyMatch(r -> r.canonicalName().equals("torch"));
        return Optional.of(new Facts(name, backend, torch, known));
    }

    /** A relative directory of a workflow or script, as a folder of the repository. */
    private static String localFolder(String dir) {
        return dir.startsWith("/") || dir.startsWith("~") || dir.startsWith("..") ? null : dir;
    }

    /** The build-context folder that a COPY of the stage chain put at {@code dir}, or null. */
    private static String copiedFrom(RuleContext context, Stage owner, String dir) {
        Dockerfile dockerfile = context.model(DockerfileParser.KEY);
        if (dockerfile == null) {
            return null;
        }
        String path = context.file().path();
        String contextDir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        String found = null;
        for (Stage stage : BuildSteps.chain(dockerfile, owner)) {
            for (Instruction copy : BuildSteps.contextCopies(context.file(), dockerfile, stage)) {
                List<dev.vlint.dockerfile.Word> args = copy.args();
                String dest = BuildSteps.resolve("/", stage.scopeAt(copy).expand(args.get(args.size() - 1).text()));
                if (!dir.equals(dest) && !dir.startsWith(dest.equals("/") ? "/" : dest + "/")) {
                    continue;
                }
                String rest = dir.substring(dest.length()).replaceFirst("^/", "");
                for (dev.vlint.dockerfile.Word source : args.subList(0, args.size() - 1)) {
                    String folder = BuildSteps.resolve("", (contextDir.isEmpty() ? "" : contextDir + "/")
                            + source.text() + (rest.isEmpty() ? "" : "/" + rest));
                    if (context.project().file((folder.equals(".") ? "" : folder + "/") + "pyproject.toml") != null
                            || context.project().file((folder.equals(".") ? "" : folder + "/") + "setup.py") != null) {
                        found = folder;
                    }
                }
            }
        }
        return found;
    }
}
