package dev.vlint.rules.workflow;

import dev.vlint.kb.KnowledgeBase;
import dev.vlint.project.Project;
import dev.vlint.rule.WorkflowVisitor.Place;
import dev.vlint.workflow.ActionRef;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.YamlNode;
import dev.vlint.workflow.expr.Contexts;
import dev.vlint.workflow.expr.ExprType;
import dev.vlint.workflow.expr.ExprType.ObjectType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The types of the contexts a workflow defines, per job: {@code matrix} from the job's
 * {@code strategy.matrix} (with {@code include}), {@code steps} from the steps with an id that run
 * before the place, {@code needs} from the needed jobs' {@code outputs}, {@code inputs} from
 * {@code workflow_call}/{@code workflow_dispatch} (or an action's {@code inputs}), {@code jobs}
 * for {@code on.workflow_call.outputs}. Whatever cannot be known statically (a matrix from
 * {@code fromJSON}, a YAML alias) is open: any property is allowed there.
 */
final class ExpressionScopes {
    private static final ExprType OPEN = ObjectType.mapOf(ExprType.ANY);

    private final Workflow workflow;
    private final Project project;
    private final boolean action;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Map<String, ExprType> fileContexts = new HashMap<>();
    private final Map<Job, Map<String, ExprType>> jobContexts = new HashMap<>();
    /** Per job (null for an action's steps): the steps context before each step index, shared while no id is added. */
    private final Map<Job, List<ExprType>> stepsBefore = new HashMap<>();

    ExpressionScopes(Workflow workflow, Project project, boolean action) {
        this.workflow = workflow;
        this.project = project;
        this.action = action;
        for (Job job : workflow.jobs()) {
            jobs.putIfAbsent(job.id(), job);
        }
        fileContexts.putAll(Contexts.BUILT_IN);
        fileContexts.put("inputs", action ? actionInputs() : workflowInputs());
        if (action) {
            fileContexts.put("matrix", ExprType.ANY);
            fileContexts.put("needs", ExprType.ANY);
        } else {
            fileContexts.put("jobs", jobsType());
            fileContexts.put("matrix", ObjectType.strict(Map.of()));
            fileContexts.put("needs", ObjectType.strict(Map.of()));
        }
        fileContexts.put("steps", ObjectType.strict(Map.of()));
    }

    /** The context types at {@code place}. */
    Map<String, ExprType> at(Place place) {
        Job job = place.job();
        if (job == null && place.step() == null && !action) {
            return fileContexts; // an action's outputs (no step) read every step's outputs, below
        }
        Map<String, ExprType> contexts = new HashMap<>(job == null ? fileContexts
                : jobContexts.computeIfAbsent(job, this::jobContexts));
        List<ExprType> before = stepsBefore.computeIfAbsent(job, j -> stepsBefore(j == null ? workflow.actionSteps() : j.steps()));
        contexts.put("steps", place.step() == null ? before.get(before.size() - 1)
                : before.get(Math.min(place.step().index(), before.size() - 1)));
        return contexts;
    }

    private Map<String, ExprType> jobContexts(Job job) {
        Map<String, ExprType> contexts = new HashMap<>(fileContexts);
        contexts.put("matrix", matrix(job));
        contexts.put("needs", needs(job));
        return contexts;
    }

    private ExprType workflowInputs() {
        YamlNode on = workflow.root().get("on");
        if (on == null || Workflows.isDynamic(on)) {
            return OPEN;
        }
        Map<String, ExprType> inputs = new LinkedHashMap<>();
        boolean open = false;
        for (YamlNode.Entry trigger : workflow.triggers()) {
            String event = trigger.key().value();
            if (!event.equals("workflow_call") && !event.equals("workflow_dispatch")) {
                continue;
            }
            YamlNode defined = trigger.value() == null ? null : trigger.value().get("inputs");
            if (defined == null) {
                continue;
            }
            if (!defined.isMapping()) {
                open |= !defined.isNull();
                continue;
            }
            for (YamlNode.Entry input : defined.entries()) {
                inputs.merge(input.key().value(), inputType(input.value()), (a, b) -> a.equals(b) ? a : ExprType.ANY);
            }
        }
        return open ? new ObjectType(inputs, ExprType.ANY) : ObjectType.strict(inputs);
    }

    private static ExprType inputType(YamlNode definition) {
        YamlNode type = definition == null ? null : definition.get("type");
        if (type == null || !type.isScalar()) {
            return ExprType.ANY;
        }
        return switch (type.value()) {
            case "boolean" -> ExprType.BOOL;
            case "number" -> ExprType.NUMBER;
            case "string", "choice", "environment" -> ExprType.STRING;
            default -> ExprType.ANY;
        };
    }

    private ExprType actionInputs() {
        YamlNode defined = workflow.root().get("inputs");
        if (defined == null || defined.isNull()) {
            return ObjectType.strict(Map.of());
        }
        if (!defined.isMapping()) {
            return OPEN;
        }
        Map<String, ExprType> inputs = new LinkedHashMap<>();
        defined.entries().forEach(e -> inputs.put(e.key().value(), ExprType.STRING));
        return ObjectType.strict(inputs);
    }

    private ExprType jobsType() {
        Map<String, ExprType> all = new LinkedHashMap<>();
        for (Job job : jobs.values()) {
            all.put(job.id(), jobResult(job));
        }
        return ObjectType.strict(all);
    }

    private ExprType jobResult(Job job) {
        return ObjectType.strict(Map.of("result", ExprType.STRING, "outputs", outputs(job)));
    }

    /** A job's outputs: its {@code outputs:} keys, or those of the workflow it calls when that is in the repository. */
    private ExprType outputs(Job job) {
        ActionRef called = job.calledWorkflow();
        if (called != null) {
            if (!called.isLocal()) {
                return ObjectType.mapOf(ExprType.STRING);
            }
            return Workflows.localWorkflow(project, called.action())
                    .map(w -> w.yaml().root().get("on"))
                    .map(on -> on.isMapping() ? on.get("workflow_call") : null)
                    .map(call -> call.get("outputs"))
                    .map(ExpressionScopes::keysAsStrings)
                    .orElse(ObjectType.mapOf(ExprType.STRING));
        }
        YamlNode outputs = job.node().get("outputs");
        return outputs == null ? ObjectType.strict(Map.of()) : keysAsStrings(outputs);
    }

    private static ExprType keysAsStrings(YamlNode mapping) {
        if (!mapping.isMapping()) {
            return mapping.isNull() ? ObjectType.strict(Map.of()) : ObjectType.mapOf(ExprType.STRING);
        }
        Map<String, ExprType> keys = new LinkedHashMap<>();
        mapping.entries().forEach(e -> keys.put(e.key().value(), ExprType.STRING));
        return ObjectType.strict(keys);
    }

    private static ExprType matrix(Job job) {
        YamlNode strategy = job.node().get("strategy");
        if (strategy == null) {
            return ObjectType.strict(Map.of());
        }
        if (!strategy.isMapping()) {
            return OPEN;
        }
        YamlNode matrix = strategy.get("matrix");
        if (matrix == null) {
            return ObjectType.strict(Map.of());
        }
        if (!matrix.isMapping()) {
            return OPEN;
        }
        Map<String, ExprType> axes = new LinkedHashMap<>();
        boolean open = false;
        for (YamlNode.Entry entry : matrix.entries()) {
            String key = entry.key().value();
            if (key.equals("<<")) {
                open = true;
            } else if (key.equals("include")) {
                YamlNode include = entry.value();
                if (include != null && include.isSequence()) {
                    for (YamlNode item : include.items()) {
                        if (item.isMapping() && item.entries().stream().noneMatch(e -> e.key().value().equals("<<"))) {
                            item.entries().forEach(e -> axes.put(e.key().value(), ExprType.ANY));
                        } else {
                            open = true;
                        }
                    }
                } else if (include != null && !include.isNull()) {
                    open = true;
                }
            } else if (!key.equals("exclude")) {
                axes.put(key, ExprType.ANY);
            }
        }
        return open ? new ObjectType(axes, ExprType.ANY) : ObjectType.strict(axes);
    }

    private ExprType needs(Job job) {
        YamlNode needs = job.node().get("needs");
        if (needs == null) {
            return ObjectType.strict(Map.of());
        }
        if (Workflows.isDynamic(needs) || needs.isMapping()) {
            return OPEN;
        }
        Map<String, ExprType> needed = new LinkedHashMap<>();
        for (YamlNode id : Workflows.values(needs)) {
            if (!id.isScalar() || Workflows.isDynamic(id)) {
                return OPEN;
            }
            Job other = findJob(id.value());
            needed.put(id.value(), other == null ? ObjectType.strict(Map.of("result", ExprType.STRING,
                    "outputs", ObjectType.mapOf(ExprType.STRING))) : jobResult(other));
        }
        return ObjectType.strict(needed);
    }

    private Job findJob(String id) {
        Job exact = jobs.get(id);
        return exact != null ? exact
                : jobs.values().stream().filter(j -> j.id().equalsIgnoreCase(id)).findFirst().orElse(null);
    }

    /**
     * For each step index, the steps context it sees; the last element is the context after every
     * step. Built once per id count; past {@link Workflows#MAX_CANDIDATES} ids (no real job has
     * that many) every step sees all of them, so a job of n steps costs O(n), not O(n^2).
     */
    private List<ExprType> stepsBefore(List<Step> steps) {
        List<String> ids = new ArrayList<>();
        List<ExprType> results = new ArrayList<>();
        List<Integer> idsBefore = new ArrayList<>();
        boolean open = false;
        int openFrom = Integer.MAX_VALUE;
        int index = 0;
        for (Step step : steps) {
            while (idsBefore.size() <= step.index()) {
                idsBefore.add(ids.size());
            }
            YamlNode id = step.id();
            if (id != null && id.isScalar() && !id.isNull()) {
                if (Workflows.isDynamic(id)) {
                    open = true;
                    openFrom = Math.min(openFrom, ids.size());
                    ids.add(null);
                    results.add(null);
                } else {
                    ids.add(id.value());
                    results.add(stepResult(step));
                }
            }
            index = step.index() + 1;
        }
        while (idsBefore.size() <= index) {
            idsBefore.add(ids.size());
        }
        boolean many = ids.size() > Workflows.MAX_CANDIDATES;
        int dynamicFrom = open ? openFrom : Integer.MAX_VALUE;
        Map<Integer, ExprType> byCount = new HashMap<>();
        List<ExprType> before = new ArrayList<>(idsBefore.size());
        for (int count : idsBefore) {
            int upTo = many ? ids.size() : count;
            before.add(byCount.computeIfAbsent(upTo, n -> {
                Map<String, ExprType> known = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    if (ids.get(i) != null) {
                        known.put(ids.get(i), results.get(i));
                    }
                }
                return n > dynamicFrom || many ? new ObjectType(known, ExprType.ANY) : ObjectType.strict(known);
            }));
        }
        return before;
    }

    private ExprType stepResult(Step step) {
        return ObjectType.strict(Map.of("outputs", stepOutputs(step), "outcome", ExprType.STRING,
                "conclusion", ExprType.STRING));
    }

    /** Strict when the action's metadata is known (in the repository or the knowledge base), else any name. */
    private ExprType stepOutputs(Step step) {
        ActionRef ref = step.action();
        ExprType loose = ObjectType.mapOf(ExprType.STRING);
        if (ref == null || ref.isDocker()) {
            return loose;
        }
        if (ref.isLocal()) {
            return Workflows.localAction(project, ref.action())
                    .map(a -> a.yaml().root().get("outputs"))
                    .map(ExpressionScopes::keysAsStrings)
                    .orElse(loose);
        }
        if (ref.ref() == null) {
            return loose;
        }
        return KnowledgeBase.bundled().actions().action(ref.action(), ref.ref())
                .filter(a -> !a.anyOutputs())
                .map(a -> {
                    Map<String, ExprType> outputs = new LinkedHashMap<>();
                    a.outputs().forEach(o -> outputs.put(o, ExprType.STRING));
                    return (ExprType) ObjectType.strict(outputs);
                })
                .orElse(loose);
    }
}
