package dev.vlint.project;

import dev.vlint.bake.BakeParser;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.python.PyProject;
import dev.vlint.python.RequirementsFile;
import dev.vlint.python.SetupPyFacts;
import dev.vlint.python.WheelMetadata;
import dev.vlint.shell.ShellParser;
import dev.vlint.startos.StartOsSource;
import dev.vlint.workflow.WorkflowParser;
import java.util.List;

/** The parser that decides whether a file of each kind can be read at all (VL001, fix re-parse checks). */
public final class FileModels {
    private FileModels() {}

    /** The model every file of {@code kind} is parsed into, or null for kinds without one. */
    public static ModelKey<?> primary(FileKind kind) {
        return switch (kind) {
            case DOCKERFILE -> DockerfileParser.KEY;
            case WORKFLOW, ACTION -> WorkflowParser.KEY;
            case SHELL -> ShellParser.KEY;
            case STARTOS_TS -> StartOsSource.KEY;
            case PYPROJECT -> PyProject.KEY;
            case SETUP_PY -> SetupPyFacts.KEY;
            case REQUIREMENTS -> RequirementsFile.KEY;
            case BAKE -> BakeParser.KEY;
            case WHEEL, OTHER -> null;
        };
    }

    /** What keeps the file from being read, at the place of each problem. */
    public static List<ParseProblem> problems(ProjectFile file) {
        if (file.kind() == FileKind.WHEEL) {
            return WheelMetadata.read(file.absolutePath()).problems();
        }
        ModelKey<?> key = primary(file.kind());
        return key == null ? List.of() : file.parse(key).problems();
    }
}
