package dev.vlint.graph;

import dev.vlint.bake.BakeAttribute;
import dev.vlint.bake.BakeBlock;
import dev.vlint.bake.BakeFile;
import dev.vlint.bake.BakeParser;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.workflow.ActionRef;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.WorkflowParser;
import dev.vlint.workflow.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A first answer to "what builds which Dockerfile": {@code docker/build-push-action} steps of
 * workflow jobs and {@code target} blocks of bake files. Builds from {@code run:} scripts and
 * bake actions are not followed.
 */
public final class StepBuildEdges implements BuildEdgeSource {
    private static final String BUILD_PUSH_ACTION = "docker/build-push-action";
    private static final String DEFAULT_CONTEXT = "{{defaultContext}}";
    private static final Pattern MATRIX_VALUE = Pattern.compile("\\$\\{\\{\\s*matrix\\.([A-Za-z0-9_-]+)\\s*}}");

    @Override
    public List<BuildEdge> edges(Project project) {
        List<BuildEdge> edges = new ArrayList<>();
        for (ProjectFile file : byPath(project.files(FileKind.WORKFLOW))) {
            Workflow workflow = file.model(WorkflowParser.KEY);
            if (workflow != null) {
                workflow.jobs().forEach(job -> edges.addAll(jobEdges(file.path(), job)));
            }
        }
        for (ProjectFile file : byPath(project.files(FileKind.BAKE))) {
            BakeFile bake = file.model(BakeParser.KEY);
            if (bake != null) {
                edges.addAll(bakeEdges(file.path(), bake));
            }
        }
        return edges;
    }

    private static List<BuildEdge> jobEdges(String workflowPath, Job job) {
        List<BuildEdge> edges = new ArrayList<>();
        List<String> runsOn = new ArrayList<>();
        for (YamlNode label : job.runsOn()) {
            matrixValues(job, label.value()).stream().filter(l -> !runsOn.contains(l)).forEach(runsOn::add);
        }
        for (Step step : job.steps()) {
            ActionRef action = step.action();
            if (action == null || !action.action().equals(BUILD_PUSH_ACTION)) {
                continue;
            }
            String context = context(scalar(step.with("context")));
            String file = scalar(step.with("file"));
            String dockerfile = file == null ? join(context, "Dockerfile") : normalize(file);
            List<String> platforms = new ArrayList<>();
            for (String platform : split(scalar(step.with("platforms")))) {
                platforms.addAll(matrixValues(job, platform));
            }
            edges.add(new BuildEdge(workflowPath, job.id(), runsOn, dockerfile, scalar(step.with("target")),
                    platforms));
        }
        return edges;
    }

    /** The build context as a project path; a git context ({{defaultContext}}:sub) means the sub-folder. */
    private static String context(String written) {
        if (written == null || written.equals(DEFAULT_CONTEXT)) {
            return ".";
        }
        if (written.startsWith(DEFAULT_CONTEXT + ":")) {
            return normalize(written.substring(DEFAULT_CONTEXT.length() + 1));
        }
        return normalize(written);
    }

    /** {@code ${{ matrix.platform }}} stands for every value the matrix gives that axis. */
    private static List<String> matrixValues(Job job, String value) {
        Matcher m = MATRIX_VALUE.matcher(value);
        if (!m.matches()) {
            return List.of(value);
        }
        List<String> values = job.matrixValues(m.group(1)).stream()
                .filter(YamlNode::isScalar).map(YamlNode::value).distinct().toList();
        return values.isEmpty() ? List.of(value) : values;
    }

    private static List<BuildEdge> bakeEdges(String bakePath, BakeFile bake) {
        List<BuildEdge> edges = new ArrayList<>();
        Path folder = Path.of(bakePath).getParent();
        for (BakeBlock block : bake.targets()) {
            if (block.name() == null) {
                continue;
            }
            Map<String, BakeAttribute> target = bake.resolve(block.name());
            String context = first(target.get("context"), ".");
            String dockerfile = first(target.get("dockerfile"), "Dockerfile");
            String contextPath = folder == null ? context : folder.resolve(context).toString();
            BakeAttribute platforms = target.get("platforms");
            BakeAttribute stage = target.get("target");
            edges.add(new BuildEdge(bakePath, block.name(), List.of(), join(contextPath, dockerfile),
                    stage == null ? null : first(stage, null),
                    platforms == null ? List.of() : platforms.value().strings()));
        }
        return edges;
    }

    private static String first(BakeAttribute attribute, String fallback) {
        if (attribute == null) {
            return fallback;
        }
        List<String> strings = attribute.value().strings();
        return strings.isEmpty() ? fallback : strings.get(0);
    }

    private static String scalar(YamlNode node) {
        return node != null && node.isScalar() && !node.isNull() ? node.value().trim() : null;
    }

    /** {@code platforms:} of build-push-action is a comma- or newline-separated list. */
    private static List<String> split(String list) {
        if (list == null) {
            return List.of();
        }
        return Arrays.stream(list.split("[,\\n]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String join(String folder, String file) {
        return normalize(Path.of(folder).resolve(file).toString());
    }

    /** A project-relative path with "./" and ".." segments resolved and forward slashes. */
    static String normalize(String path) {
        String normalized = Path.of(path).normalize().toString().replace('\\', '/');
        return normalized.isEmpty() ? "." : normalized;
    }

    private static List<ProjectFile> byPath(List<ProjectFile> files) {
        return files.stream().sorted(Comparator.comparing(ProjectFile::path)).toList();
    }
}
