package dev.vlint.engine;

import dev.vlint.project.FileKind;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.rule.WorkflowVisitor.Place;
import dev.vlint.source.MappedText;
import dev.vlint.source.SourceFile;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.WorkflowParser;
import dev.vlint.workflow.YamlNode;
import dev.vlint.workflow.YamlScalars;
import dev.vlint.workflow.expr.ExprParser;
import dev.vlint.workflow.expr.Template;
import dev.vlint.workflow.expr.WorkflowKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Walks a workflow once: jobs, steps, and every expression template with its place. */
final class WorkflowWalker implements Walker<WorkflowVisitor> {
    @Override
    public Class<WorkflowVisitor> visitorType() {
        return WorkflowVisitor.class;
    }

    @Override
    public boolean walks(FileKind kind) {
        return kind == FileKind.WORKFLOW || kind == FileKind.ACTION;
    }

    @Override
    public void walk(ProjectFile file, Visitors<WorkflowVisitor> visitors) {
        Workflow workflow = file.model(WorkflowParser.KEY);
        if (workflow == null || workflow.root() == null) {
            return;
        }
        visitors.each((visitor, context) -> visitor.startFile(workflow, context));
        Map<String, Job> jobs = new HashMap<>();
        Map<Job, List<Step>> steps = new HashMap<>();
        for (Job job : workflow.jobs()) {
            jobs.put(job.id(), job);
            steps.put(job, job.steps());
            visitors.each((visitor, context) -> visitor.job(job, context));
            for (Step step : steps.get(job)) {
                visitors.each((visitor, context) -> visitor.step(step, job, context));
            }
        }
        List<Step> actionSteps = file.kind() == FileKind.ACTION ? workflow.actionSteps() : List.of();
        for (Step step : actionSteps) {
            visitors.each((visitor, context) -> visitor.step(step, null, context));
        }
        Visitors<WorkflowVisitor> readers = visitors.filter(WorkflowVisitor::visitsExpressions);
        if (!readers.isEmpty()) {
            new Templates(file.source(), jobs, steps, actionSteps, readers).collect(workflow.root(), new ArrayList<>());
        }
        visitors.each((visitor, context) -> visitor.endFile(workflow, context));
    }

    /** Finds the templates of every scalar, in file order, and hands each to the readers. */
    private record Templates(SourceFile source, Map<String, Job> jobs, Map<Job, List<Step>> steps,
            List<Step> actionSteps, Visitors<WorkflowVisitor> readers) {
        void collect(YamlNode node, List<String> path) {
            if (node == null) {
                return;
            }
            if (node.isScalar()) {
                if (node.value() != null && node.value().contains("${{")) {
                    Place place = place(node, path);
                    for (Template template : Template.find(YamlScalars.mappedText(source, node))) {
                        readers.each((visitor, context) -> visitor.expression(template, place, context));
                    }
                } else if (node.value() != null && !node.value().isBlank() && isCondition(path)) {
                    // An if: is an expression even without ${{ }}: the whole value is one template.
                    Place place = place(node, path);
                    MappedText text = YamlScalars.mappedText(source, node);
                    Template template = new Template(text.fileRange(0, text.length()),
                            ExprParser.parse(text, 0, text.length()));
                    readers.each((visitor, context) -> visitor.expression(template, place, context));
                }
                return;
            }
            for (YamlNode.Entry entry : node.entries()) {
                path.add(entry.key().value());
                collect(entry.value(), path);
                path.remove(path.size() - 1);
            }
            List<YamlNode> items = node.items();
            for (int i = 0; i < items.size(); i++) {
                path.add(String.valueOf(i));
                collect(items.get(i), path);
                path.remove(path.size() - 1);
            }
        }

        /** jobs.&lt;id&gt;.if, jobs.&lt;id&gt;.steps[n].if and an action's runs.steps[n].if. */
        private static boolean isCondition(List<String> path) {
            int n = path.size();
            return n >= 3 && path.get(n - 1).equals("if") && (path.get(0).equals("jobs") && (n == 3 || n == 5
                    && path.get(2).equals("steps")) || n == 4 && path.get(0).equals("runs") && path.get(1).equals("steps"));
        }

        private Place place(YamlNode scalar, List<String> path) {
            Job job = path.size() >= 2 && path.get(0).equals("jobs") ? jobs.get(path.get(1)) : null;
            Step step = null;
            if (job != null && path.size() >= 4 && path.get(2).equals("steps")) {
                step = stepAt(steps.get(job), path.get(3));
            } else if (job == null && path.size() >= 3 && path.get(0).equals("runs") && path.get(1).equals("steps")) {
                step = stepAt(actionSteps, path.get(2));
            }
            return new Place(scalar, List.copyOf(path), WorkflowKeys.of(path), job, step);
        }

        /** Looks at the position first: a scan per expression would make a job of many steps quadratic. */
        private static Step stepAt(List<Step> steps, String index) {
            int at = !index.isEmpty() && index.length() < 9 && index.chars().allMatch(Character::isDigit)
                    ? Integer.parseInt(index) : -1;
            if (at >= 0 && at < steps.size() && steps.get(at).index() == at) {
                return steps.get(at);
            }
            for (Step candidate : steps) {
                if (String.valueOf(candidate.index()).equals(index)) {
                    return candidate;
                }
            }
            return null;
        }
    }
}
