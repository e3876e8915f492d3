package dev.vlint.buildmodel;

import dev.vlint.project.Project;
import dev.vlint.shell.ShellParser;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import dev.vlint.source.MappedText;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import dev.vlint.workflow.YamlNode;
import dev.vlint.workflow.YamlReader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The paths that builds name as their Dockerfile or bake file: the project's build model
 * (workflows, scripts, bake files), plus Makefile recipes and compose files, which are read only
 * for this. The project loader reads these files whatever their names.
 */
public final class NamedBuildFiles {
    private static final Pattern COMPOSE = Pattern.compile("(docker-)?compose([.-][\\w.-]+)?\\.ya?ml");
    private static final Pattern MAKEFILE = Pattern.compile("(GNUmakefile|[Mm]akefile|.+\\.mk)");

    private NamedBuildFiles() {}

    /** Makefiles and compose files, whose builds name Dockerfiles. */
    public static boolean isBuildDescription(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return MAKEFILE.matcher(name).matches() || COMPOSE.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }

    /** @param descriptions Makefiles and compose files by project-relative path */
    public static Set<String> of(Project project, Map<String, SourceFile> descriptions) {
        Set<String> named = new LinkedHashSet<>(BuildModel.of(project).namedFiles());
        descriptions.forEach((path, source) -> {
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (MAKEFILE.matcher(name).matches()) {
                makefile(source, named);
            } else {
                compose(source, named);
            }
        });
        return named;
    }

    /** {@code services.*.build}: a context string, or {@code context} and {@code dockerfile} (relative to the context). */
    private static void compose(SourceFile file, Set<String> into) {
        YamlNode root = YamlReader.read(file).root();
        YamlNode services = root == null || !root.isMapping() ? null : root.get("services");
        if (services == null || !services.isMapping()) {
            return;
        }
        String dir = Paths.parent(file.path());
        for (YamlNode.Entry service : services.entries()) {
            YamlNode build = service.value() == null || !service.value().isMapping() ? null : service.value().get("build");
            if (build == null || !build.isMapping()) {
                continue;
            }
            YamlNode context = build.get("context");
            YamlNode dockerfile = build.get("dockerfile");
            if (dockerfile != null && dockerfile.isScalar() && !dockerfile.value().contains("$")) {
                String base = context != null && context.isScalar() && !context.value().contains("$")
                        ? Paths.join(dir, context.value()) : dir;
                into.add(Paths.join(base, dockerfile.value()));
            }
        }
    }

    /** Recipe lines (a tab first, a backslash continuing them) that run {@code docker|podman [buildx] build -f FILE}. */
    private static void makefile(SourceFile file, Set<String> into) {
        String text = file.text();
        String dir = Paths.parent(file.path());
        int start = 0;
        while (start < text.length()) {
            int end = start;
            do {
                int newline = text.indexOf('\n', end);
                end = newline < 0 ? text.length() : newline + 1;
            } while (end < text.length() && end >= 2 && text.charAt(end - 2) == '\\');
            if (text.charAt(start) == '\t') {
                int body = start + 1;
                while (body < end && "@-+ \t".indexOf(text.charAt(body)) >= 0) {
                    body++; // make's echo, ignore-error and always-run prefixes
                }
                MappedText recipe = MappedText.slice(file, new TextRange(body, end));
                for (SimpleCommand command : ShellParser.parse(recipe).model().commands()) {
                    dockerfileOption(command).ifPresent(f -> into.add(Paths.join(dir, f)));
                }
            }
            start = end;
        }
    }

    /** The literal {@code -f}/{@code --file} of a {@code docker build}, {@code docker buildx build} or {@code podman build}. */
    private static Optional<String> dockerfileOption(SimpleCommand command) {
        String name = command.commandName();
        List<Word> args = command.args();
        if (!"docker".equals(name) && !"podman".equals(name) || args.isEmpty()) {
            return Optional.empty();
        }
        int i = "buildx".equals(args.get(0).literalValue()) || "image".equals(args.get(0).literalValue()) ? 1 : 0;
        if (i >= args.size() || !"build".equals(args.get(i).literalValue())) {
            return Optional.empty();
        }
        for (i++; i < args.size(); i++) {
            String arg = args.get(i).literalValue();
            if (arg == null) {
                continue;
            }
            if ((arg.equals("-f") || arg.equals("--file")) && i + 1 < args.size()) {
                return Optional.ofNullable(args.get(i + 1).literalValue());
            }
            if (arg.startsWith("--file=")) {
                return Optional.of(arg.substring("--file=".length()));
            }
        }
        return Optional.empty();
    }
}
