package dev.vlint.rules.docker;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.dockerfile.Word;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rules.docker.BuildSteps.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the Dockerfile stages that run a shell script of the project: the script is copied in
 * ({@code COPY scripts/cleanup.sh /tmp/}) and a later RUN of that stage executes it
 * ({@code RUN /tmp/cleanup.sh}, {@code RUN bash cleanup.sh}).
 */
final class ScriptCallers {
    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash", "zsh", "source", ".");

    private ScriptCallers() {}

    /** The base images of every stage that copies and runs {@code script}. */
    static List<String> imagesRunning(Project project, ProjectFile script) {
        List<String> images = new ArrayList<>();
        for (ProjectFile file : project.files(FileKind.DOCKERFILE)) {
            Dockerfile dockerfile = file.model(DockerfileParser.KEY);
            if (dockerfile == null) {
                continue;
            }
            String contextDir = parent(file.path());
            for (Stage stage : dockerfile.stages()) {
                String copiedTo = copyDestination(stage, contextDir, script.path());
                if (copiedTo != null && runs(file, dockerfile, stage, copiedTo)) {
                    images.add(BuildSteps.rootImage(dockerfile, stage));
                }
            }
        }
        return images;
    }

    /** Where a COPY of the stage puts the script, or null when none copies it. */
    private static String copyDestination(Stage stage, String contextDir, String scriptPath) {
        String name = scriptPath.substring(scriptPath.lastIndexOf('/') + 1);
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
                String inContext = contextDir.isEmpty() ? scriptPath : relativeTo(contextDir, scriptPath);
                boolean whole = from.equals(inContext);
                boolean inside = from.equals(".") || inContext != null && inContext.startsWith(from + "/");
                if (inContext == null || !(whole || inside)) {
                    continue;
                }
                if (whole) {
                    destination = dest.endsWith("/") || args.size() > 2 ? BuildSteps.resolve(dest, name) : dest;
                } else {
                    String rest = from.equals(".") ? inContext : inContext.substring(from.length() + 1);
                    destination = BuildSteps.resolve(dest, rest);
                }
            }
        }
        return destination == null ? null : BuildSteps.resolve("/", destination);
    }

    /** Whether a RUN of the stage executes the file at {@code path}, directly or through a shell. */
    private static boolean runs(ProjectFile file, Dockerfile dockerfile, Stage stage, String path) {
        for (Step step : BuildSteps.ofStage(file, dockerfile, stage)) {
            if (step.stage() != stage || step.effective().name() == null) {
                continue;
            }
            String name = step.value(step.effective().name());
            if (name != null && SHELLS.contains(name) && !step.effective().args().isEmpty()) {
                name = step.value(step.effective().args().get(0));
            }
            if (name != null && step.resolve(name).equals(path)) {
                return true;
            }
        }
        return false;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : slash == 0 ? "/" : path.substring(0, slash);
    }

    private static String relativeTo(String dir, String path) {
        return path.startsWith(dir + "/") ? path.substring(dir.length() + 1) : null;
    }
}
