package dev.vlint.rules.docker;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.RunMount;
import dev.vlint.dockerfile.Stage;
import dev.vlint.dockerfile.Word;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rules.docker.BuildSteps.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the Dockerfile stages that run a shell script of the project: the script is copied in
 * ({@code COPY scripts/cleanup.sh /tmp/}) and a later RUN of that stage executes it
 * ({@code RUN /tmp/cleanup.sh}, {@code RUN bash cleanup.sh}).
 */
final class ScriptCallers {
    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash", "zsh", "source", ".");

    private ScriptCallers() {}

    /**
     * The base images of every stage that copies and runs {@code script}, looking only at the
     * Dockerfiles whose folder (the build context) holds the script.
     */
    static List<String> imagesRunning(Project project, ProjectFile script) {
        Map<String, List<ProjectFile>> dockerfilesByFolder = project.derived(ScriptCallers.class, ScriptCallers::byFolder);
        List<String> images = new ArrayList<>();
        String folder = script.path();
        do {
            folder = parent(folder);
            for (ProjectFile file : dockerfilesByFolder.getOrDefault(folder, List.of())) {
                Dockerfile dockerfile = file.model(DockerfileParser.KEY);
                String inContext = folder.isEmpty() ? script.path() : script.path().substring(folder.length() + 1);
                for (Stage stage : dockerfile == null ? List.<Stage>of() : dockerfile.stages()) {
                    String copiedTo = copyDestination(stage, inContext);
                    if (runs(file, dockerfile, stage, copiedTo, inContext)) {
                        images.add(BuildSteps.rootImage(dockerfile, stage));
                    }
                }
            }
        } while (!folder.isEmpty());
        return images;
    }

    private static Map<String, List<ProjectFile>> byFolder(Project project) {
        return project.files(FileKind.DOCKERFILE).stream()
                .collect(Collectors.groupingBy(file -> parent(file.path())));
    }

    /** Where a COPY of the stage puts the script ({@code inContext}: its path in the build context), or null. */
    private static String copyDestination(Stage stage, String inContext) {
        String name = inContext.substring(inContext.lastIndexOf('/') + 1);
        String destination = null;
        for (Instruction instruction : stage.instructions()) {
            if (!(instruction.is("COPY") || instruction.is("ADD")) || instruction.flag("from").isPresent()
                    || instruction.args().size() < 2) {
                continue;
            }
            List<Word> args = instruction.args();
            String dest = args.get(args.size() - 1).text();
            for (Word source : args.subList(0, args.size() - 1)) {
                String from = BuildSteps.resolve("", source.text());
                if (from.equals(inContext)) {
                    destination = dest.endsWith("/") || args.size() > 2 ? BuildSteps.resolve(dest, name) : dest;
                } else if (from.equals(".") || inContext.startsWith(from + "/")) {
                    destination = BuildSteps.resolve(dest, from.equals(".") ? inContext : inContext.substring(from.length() + 1));
                }
            }
        }
        return destination == null ? null : BuildSteps.resolve("/", destination);
    }

    /**
     * Whether a RUN of the stage executes the script, directly or through a shell: at the path a COPY
     * put it ({@code copiedTo}, may be null), or where a bind mount of that RUN shows the build context.
     */
    private static boolean runs(ProjectFile file, Dockerfile dockerfile, Stage stage, String copiedTo,
            String inContext) {
        for (Step step : BuildSteps.ofStage(file, dockerfile, stage)) {
            if (step.stage() != stage || step.effective().name() == null) {
                continue;
            }
            String name = step.value(step.effective().name());
            if (name != null && SHELLS.contains(name) && !step.effective().args().isEmpty()) {
                name = step.value(step.effective().args().get(0));
            }
            if (name == null) {
                continue;
            }
            String path = step.resolve(name);
            if (path.equals(copiedTo) || mountedAt(step, inContext).contains(path)) {
                return true;
            }
        }
        return false;
    }

    /** Where the bind mounts of the step's RUN show the context file {@code inContext}. */
    private static List<String> mountedAt(Step step, String inContext) {
        List<String> paths = new ArrayList<>();
        Instruction run = step.snippet().instruction();
        for (RunMount mount : run == null ? List.<RunMount>of() : run.mounts()) {
            if (!mount.type().equals("bind") || mount.from().isPresent() || mount.target().isEmpty()) {
                continue;
            }
            String source = BuildSteps.resolve("", mount.source().orElse("."));
            String target = BuildSteps.resolve("/", mount.target().get());
            if (source.equals(inContext)) {
                paths.add(target);
            } else if (source.equals(".") || inContext.startsWith(source + "/")) {
                paths.add(BuildSteps.resolve(target, source.equals(".") ? inContext : inContext.substring(source.length() + 1)));
            }
        }
        return paths;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

}
