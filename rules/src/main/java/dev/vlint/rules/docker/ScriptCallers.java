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
import java.util.HashMap;
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
                    String copiedTo = copyDestination(stageRuns(file, dockerfile).get(stage.index()).copies(), inContext);
                    if (runs(file, dockerfile, stage, copiedTo, inContext)) {
                        images.add(BuildSteps.rootImage(file, dockerfile, stage));
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
    private static String copyDestination(List<Instruction> copies, String inContext) {
        String name = inContext.substring(inContext.lastIndexOf('/') + 1);
        String destination = null;
        for (Instruction instruction : copies) {
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
        StageRuns runs = stageRuns(file, dockerfile).get(stage.index());
        if (copiedTo != null && runs.executed().containsKey(copiedTo)) {
            return true;
        }
        for (Map.Entry<String, Step> mounted : runs.mounting()) {
            if (mountedAt(mounted.getValue(), inContext).contains(mounted.getKey())) {
                return true;
            }
        }
        return false;
    }

    /**
     * What one stage copies from the build context (COPY and ADD without --from) and what its RUNs
     * execute: each path with the step that runs it, and apart the steps whose RUN has bind mounts
     * (where the script may be seen). Worked out once per
     * Dockerfile, so many scripts next to one Dockerfile do not each reread all its commands.
     */
    private record StageRuns(List<Instruction> copies, Map<String, Step> executed,
            List<Map.Entry<String, Step>> mounting) {}

    private static final Object STAGE_RUNS = new Object();

    private static List<StageRuns> stageRuns(ProjectFile file, Dockerfile dockerfile) {
        return file.derived(STAGE_RUNS, f -> dockerfile.stages().stream().map(stage -> {
            Map<String, Step> executed = new HashMap<>();
            List<Map.Entry<String, Step>> mounting = new ArrayList<>();
            for (Step step : BuildSteps.ownSteps(f, dockerfile, stage)) {
                String path = executedPath(step);
                if (path == null) {
                    continue;
                }
                executed.putIfAbsent(path, step);
                Instruction run = step.snippet().instruction();
                if (run != null && run.mounts().stream().anyMatch(m -> m.type().equals("bind"))) {
                    mounting.add(Map.entry(path, step));
                }
            }
            List<Instruction> copies = stage.instructions().stream().filter(i -> (i.is("COPY") || i.is("ADD"))
                    && i.flag("from").isEmpty() && i.args().size() >= 2).toList();
            return new StageRuns(copies, executed, mounting);
        }).toList());
    }

    /** The path a step executes, through a shell ({@code bash x.sh}) or directly; null when unknown. */
    private static String executedPath(Step step) {
        if (step.effective().name() == null) {
            return null;
        }
        String name = step.value(step.effective().name());
        if (name != null && SHELLS.contains(name) && !step.effective().args().isEmpty()) {
            name = step.value(step.effective().args().get(0));
        }
        return name == null ? null : step.resolve(name);
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
