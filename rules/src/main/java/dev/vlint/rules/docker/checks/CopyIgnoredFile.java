package dev.vlint.rules.docker.checks;

import dev.vlint.buildmodel.BuildInvocation;
import dev.vlint.buildmodel.BuildModel;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.dockerfile.Word;
import dev.vlint.rule.RelatedLocation;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * VL521: COPY or ADD of a path that the build context's {@code .dockerignore} (or
 * {@code <Dockerfile>.dockerignore}) excludes (BuildKit's CopyIgnoredFile). The context is the one
 * the project's builds use (workflow, bake file, script); with none known it is taken to be the
 * Dockerfile's folder, and the finding is a note. As in BuildKit, an ignore file with {@code !}
 * exceptions turns the check off.
 */
public final class CopyIgnoredFile implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Checks.meta("VL521", "copy-ignored-file", Severity.ERROR,
            "COPY or ADD of a path that .dockerignore excludes from the build context.", Fixability.NONE,
            "CopyIgnoredFile");

    /** One build context of this Dockerfile and its ignore file. */
    private record Context(String path, DockerIgnore ignore, BuildInvocation build) {}

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("COPY", "ADD");
    }

    @Override
    public boolean visitsTriggers() {
        return false;
    }

    @Override
    public void instruction(Instruction instruction, Stage stage, RuleContext context) {
        if (stage == null || instruction.is("COPY") && instruction.flag("from").isPresent()
                || instruction.args().size() < 2) {
            return;
        }
        List<Context> contexts = context.state(() -> contexts(context));
        List<Word> sources = instruction.args().subList(0, instruction.args().size() - 1);
        for (Word source : sources) {
            String raw = source.text();
            if (raw.startsWith("<<") || raw.contains("://") || raw.startsWith("git@")) {
                continue;
            }
            String value = stage.scopeAt(instruction).expand(raw);
            if (value.indexOf('$') >= 0) {
                continue;
            }
            String path = DockerIgnore.clean(value);
            for (Context c : contexts) {
                if (c.ignore() == null || c.ignore().hasExclusions()) {
                    continue;
                }
                boolean root = path.equals(".") || path.equals("/");
                String pattern = root ? (c.ignore().excludesRoot() ? "*" : null) : c.ignore().excluding(path);
                if (pattern != null) {
                    report(context, instruction, source, path, pattern, root, c);
                    break;
                }
            }
        }
    }

    private static void report(RuleContext context, Instruction instruction, Word source, String path, String pattern,
            boolean root, Context c) {
        Path project = context.project().root();
        String ignoreFile = project.relativize(c.ignore().file()).toString().replace('\\', '/');
        String what = instruction.keyword() + " " + source.text() + ": '" + path + "' is excluded from the build"
                + " context by the pattern '" + pattern + "' in " + ignoreFile;
        boolean literal = !root && path.chars().noneMatch(ch -> ch == '*' || ch == '?' || ch == '[');
        String consequence = literal ? ", so the build fails with \"not found\"" : ", so it copies nothing from it";
        String advice = ". Remove the pattern, add a '!" + path + "' exception, or copy something else.";
        if (c.build() == null) {
            context.report(Severity.NOTE, source.range(), what + consequence + " if the context is " + c.path()
                    + ", the Dockerfile's folder (no build of this Dockerfile is known)" + advice);
        } else {
            List<RelatedLocation> related = List.of(new RelatedLocation(c.build().file(), c.build().range(),
                    "builds with context " + c.path()));
            context.report(context.finding(literal ? Severity.ERROR : Severity.WARNING, source.range(),
                    what + consequence + advice, related, List.of()));
        }
    }

    /**
     * Whether an ignore file can apply: {@code <Dockerfile>.dockerignore}, or a {@code .dockerignore}
     * in the Dockerfile's folder or a folder above it up to the project root (where build contexts
     * of a Dockerfile are).
     */
    private static boolean anyIgnoreFile(Path root, Path dockerfile) {
        if (Files.isRegularFile(dockerfile.resolveSibling(dockerfile.getFileName() + ".dockerignore"))) {
            return true;
        }
        for (Path dir = dockerfile.getParent(); dir != null && dir.startsWith(root); dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(".dockerignore"))) {
                return true;
            }
        }
        return false;
    }

    /** The contexts of the project's builds of this Dockerfile, or its own folder when none is known. */
    private static List<Context> contexts(RuleContext context) {
        Path root = context.project().root();
        Path dockerfile = context.file().absolutePath();
        if (!anyIgnoreFile(root, dockerfile)) {
            return List.of(); // the common case, decided without reading the project's builds
        }
        Map<String, Context> byPath = new LinkedHashMap<>();
        for (BuildInvocation build : BuildModel.of(context.project()).buildsOf(context.file().path())) {
            if (build.context() != null && !byPath.containsKey(build.context())) {
                byPath.put(build.context(), new Context(build.context(),
                        DockerIgnore.find(dockerfile, root.resolve(build.context()).normalize()), build));
            }
        }
        if (byPath.isEmpty()) {
            Path folder = dockerfile.getParent();
            String relative = root.relativize(folder).toString().replace('\\', '/');
            byPath.put(relative, new Context(relative.isEmpty() ? "." : relative, DockerIgnore.find(dockerfile, folder),
                    null));
        }
        return new ArrayList<>(byPath.values());
    }
}
