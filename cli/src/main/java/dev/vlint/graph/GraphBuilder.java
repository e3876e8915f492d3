package dev.vlint.graph;

import dev.vlint.bake.BakeBlock;
import dev.vlint.bake.BakeFile;
import dev.vlint.bake.BakeParser;
import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.RunMount;
import dev.vlint.dockerfile.Stage;
import dev.vlint.graph.BuildGraph.Cluster;
import dev.vlint.graph.BuildGraph.Edge;
import dev.vlint.graph.BuildGraph.EdgeKind;
import dev.vlint.graph.BuildGraph.FindingCounts;
import dev.vlint.graph.BuildGraph.Node;
import dev.vlint.graph.BuildGraph.NodeKind;
import dev.vlint.kb.BaseImages;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.Finding;
import dev.vlint.source.TextRange;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.WorkflowParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Builds the {@link BuildGraph} of a project, marking each node with the findings inside it. */
public final class GraphBuilder {
    private static final Pattern STAGE_INDEX = Pattern.compile("\\d+");

    private final BaseImages images;
    private final BuildEdgeSource builds;

    /**
     * @param images where base-image facts (CUDA, torch, Python) come from
     * @param builds what builds which Dockerfile
     */
    public GraphBuilder(BaseImages images, BuildEdgeSource builds) {
        this.images = images;
        this.builds = builds;
    }

    /** The graph of {@code project}; suppressed findings are not counted. */
    public BuildGraph build(Project project, List<Finding> findings) {
        Draft draft = new Draft(project, findings);
        project.files(FileKind.DOCKERFILE).stream().sorted(Comparator.comparing(ProjectFile::path)).forEach(file -> {
            Dockerfile dockerfile = file.model(DockerfileParser.KEY);
            if (dockerfile != null) {
                draft.addDockerfile(file.path(), dockerfile);
            }
        });
        builds.edges(project).forEach(draft::addBuild);
        return new BuildGraph(draft.clusters, new ArrayList<>(draft.nodes.values()), new ArrayList<>(draft.edges));
    }

    /** The graph being assembled for one project. */
    private final class Draft {
        private final Project project;
        private final Map<String, List<Finding>> findingsByFile = new HashMap<>();
        private final Map<String, Dockerfile> dockerfiles = new HashMap<>();
        private final List<Cluster> clusters = new ArrayList<>();
        private final Map<String, Node> nodes = new LinkedHashMap<>();
        private final Set<Edge> edges = new LinkedHashSet<>();

        Draft(Project project, List<Finding> findings) {
            this.project = project;
            for (Finding finding : findings) {
                if (!finding.suppressed()) {
                    findingsByFile.computeIfAbsent(finding.file().path(), k -> new ArrayList<>()).add(finding);
                }
            }
        }

        void addDockerfile(String path, Dockerfile dockerfile) {
            dockerfiles.put(path, dockerfile);
            List<Stage> stages = dockerfile.stages();
            int textEnd = dockerfile.source().text().length();
            int firstStage = stages.isEmpty() ? textEnd : stages.get(0).from().range().start();
            String cluster = "dockerfile:" + path;
            clusters.add(new Cluster(cluster, path, count(path, 0, firstStage)));
            for (Stage stage : stages) {
                int end = stage.index() + 1 < stages.size() ? stages.get(stage.index() + 1).from().range().start()
                        : textEnd;
                addStage(path, cluster, stage, count(path, stage.from().range().start(), end));
                if (stage.baseStage() >= 0) {
                    edges.add(new Edge(stageId(path, stage.baseStage()), stageId(path, stage.index()), EdgeKind.FROM,
                            "FROM"));
                } else {
                    edges.add(new Edge(image(stage.expandedBaseImage()), stageId(path, stage.index()), EdgeKind.FROM,
                            "FROM"));
                }
            }
            for (Stage stage : stages) {
                for (Instruction instruction : stage.instructions()) {
                    addCopiesAndMounts(path, dockerfile, stage, instruction);
                }
            }
        }

        private void addStage(String path, String cluster, Stage stage, FindingCounts findings) {
            List<String> label = new ArrayList<>();
            label.add((stage.name() == null ? "unnamed" : stage.name()) + " (" + stage.index() + ")");
            stage.from().flag("platform").flatMap(f -> f.value()).ifPresent(p -> label.add("platform " + p));
            addNode(new Node(stageId(path, stage.index()), NodeKind.STAGE, withSummary(label, findings), cluster,
                    findings));
        }

        private void addCopiesAndMounts(String path, Dockerfile dockerfile, Stage stage, Instruction instruction) {
            String to = stageId(path, stage.index());
            if (instruction.is("COPY")) {
                instruction.flag("from").flatMap(f -> f.value()).ifPresent(from -> edges.add(new Edge(
                        fromNode(path, dockerfile, stage, instruction, from), to, EdgeKind.COPY_FROM, "COPY --from")));
            }
            if (instruction.is("RUN")) {
                for (RunMount mount : instruction.mounts()) {
                    mount.from().ifPresent(from -> edges.add(new Edge(
                            fromNode(path, dockerfile, stage, instruction, from), to, EdgeKind.MOUNT_FROM,
                            "mount " + mount.type())));
                }
            }
        }

        /**
         * The node a {@code --from} value names: an earlier stage by name or index, else an image
         * (or named build context). Build args are expanded first, as BuildKit does.
         */
        private String fromNode(String path, Dockerfile dockerfile, Stage stage, Instruction instruction,
                String value) {
            String name = stage.scopeAt(instruction).expand(value);
            Optional<Stage> named = STAGE_INDEX.matcher(name).matches()
                    ? dockerfile.stages().stream().filter(s -> String.valueOf(s.index()).equals(name)).findFirst()
                    : dockerfile.stage(name);
            if (named.isPresent() && named.get().index() < stage.index()) {
                return stageId(path, named.get().index());
            }
            return image(name);
        }

        /** The node of an image reference, added on first use with what the knowledge base knows about it. */
        private String image(String reference) {
            String id = "image:" + reference;
            if (!nodes.containsKey(id)) {
                List<String> label = new ArrayList<>();
                label.add(reference);
                if (!reference.contains("$")) {
                    images.resolve(reference).map(GraphBuilder::facts).filter(f -> !f.isEmpty()).ifPresent(label::add);
                }
                addNode(new Node(id, NodeKind.IMAGE, label, null, FindingCounts.NONE));
            }
            return id;
        }

        void addBuild(BuildEdge build) {
            String from = builder(build);
            String label = build.platforms().isEmpty() ? "builds" : "builds " + String.join(", ", build.platforms());
            edges.add(new Edge(from, buildTarget(build), EdgeKind.BUILDS, label));
        }

        /** The node of the job, bake target or script that runs the build. */
        private String builder(BuildEdge build) {
            if (build.job() == null) {
                String id = "script:" + build.source();
                addNode(new Node(id, NodeKind.SCRIPT, List.of("script", build.source()), null,
                        count(build.source(), 0, Integer.MAX_VALUE)));
                return id;
            }
            ProjectFile file = project.file(build.source());
            boolean bake = file != null && file.kind() == FileKind.BAKE;
            String id = (bake ? "bake:" : "job:") + build.source() + "#" + build.job();
            if (!nodes.containsKey(id)) {
                TextRange range = file == null ? null
                        : bake ? bakeTargetRange(file, build.job()) : jobRange(file, build.job());
                FindingCounts findings = range == null ? FindingCounts.NONE
                        : count(build.source(), range.start(), range.end());
                List<String> label = new ArrayList<>();
                label.add((bake ? "bake target " : "job ") + build.job());
                label.add(build.source());
                if (!build.runsOn().isEmpty()) {
                    label.add("runs-on " + String.join(", ", build.runsOn()));
                }
                addNode(new Node(id, bake ? NodeKind.BAKE_TARGET : NodeKind.JOB, withSummary(label, findings), null,
                        findings));
            }
            return id;
        }

        /** The stage a build produces: its target, or the last stage; a placeholder when that is not in the graph. */
        private String buildTarget(BuildEdge build) {
            Dockerfile dockerfile = dockerfiles.get(build.dockerfilePath());
            if (dockerfile != null && !dockerfile.stages().isEmpty()) {
                Optional<Stage> stage = build.target() == null
                        ? Optional.of(dockerfile.stages().get(dockerfile.stages().size() - 1))
                        : dockerfile.stage(build.target());
                if (stage.isPresent()) {
                    return stageId(build.dockerfilePath(), stage.get().index());
                }
            }
            String id = "dockerfile:" + build.dockerfilePath() + (build.target() == null ? "" : "#" + build.target());
            List<String> label = new ArrayList<>();
            label.add(build.dockerfilePath());
            if (build.target() != null) {
                label.add("target " + build.target());
            }
            label.add(dockerfile == null ? "not among the linted files" : "no such stage");
            addNode(new Node(id, NodeKind.DOCKERFILE, label, null, FindingCounts.NONE));
            return id;
        }

        private TextRange jobRange(ProjectFile file, String jobId) {
            Workflow workflow = file.model(WorkflowParser.KEY);
            Job job = workflow == null ? null : workflow.job(jobId);
            return job == null ? null : new TextRange(job.key().range().start(), job.node().range().end());
        }

        private TextRange bakeTargetRange(ProjectFile file, String target) {
            BakeFile bake = file.model(BakeParser.KEY);
            BakeBlock block = bake == null ? null : bake.target(target);
            return block == null ? null : block.range();
        }

        private void addNode(Node node) {
            nodes.putIfAbsent(node.id(), node);
        }

        /** Findings of {@code path} that start in [start, end). */
        private FindingCounts count(String path, int start, int end) {
            FindingCounts counts = FindingCounts.NONE;
            for (Finding finding : findingsByFile.getOrDefault(path, List.of())) {
                int at = finding.range().start();
                if (at >= start && at < end) {
                    counts = counts.plus(finding.severity());
                }
            }
            return counts;
        }
    }

    private static String stageId(String path, int index) {
        return "stage:" + path + "#" + index;
    }

    private static List<String> withSummary(List<String> label, FindingCounts findings) {
        List<String> lines = new ArrayList<>(label);
        if (!findings.summary().isEmpty()) {
            lines.add(findings.summary());
        }
        return lines;
    }

    /** "CUDA 12.8.1 · torch 2.7.0 · Python 3.12"; empty when the knowledge base knows none of them. */
    static String facts(BaseImages.ImageFacts facts) {
        List<String> parts = new ArrayList<>();
        facts.cuda().ifPresent(v -> parts.add("CUDA " + v));
        facts.torch().ifPresent(v -> parts.add("torch " + v));
        facts.python().ifPresent(v -> parts.add("Python " + v));
        return String.join(" · ", parts);
    }
}
