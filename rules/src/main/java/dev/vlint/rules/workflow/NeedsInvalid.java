package dev.vlint.rules.workflow;

import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.YamlNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** VL705: {@code needs:} naming a job that does not exist, the same job twice, or jobs that wait for each other. */
public final class NeedsInvalid implements Rule, WorkflowVisitor {
    private static final RuleMeta META = new RuleMeta("VL705", "needs-invalid", Severity.ERROR,
            "A job's needs: names a job that does not exist, names one twice, or closes a cycle of jobs"
                    + " waiting for each other.",
            Fixability.NONE, EnumSet.of(FileKind.WORKFLOW), List.of("ci", "workflow"), List.of("actionlint:job-needs"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void endFile(Workflow workflow, RuleContext context) {
        Map<String, Job> byId = new LinkedHashMap<>();
        for (Job job : workflow.jobs()) {
            byId.putIfAbsent(job.id().toLowerCase(Locale.ROOT), job);
        }
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (Job job : workflow.jobs()) {
            YamlNode needs = job.node().get("needs");
            if (needs == null || Workflows.isDynamic(needs) || needs.isMapping()) {
                continue;
            }
            Map<String, YamlNode> seen = new HashMap<>();
            List<String> targets = new ArrayList<>();
            for (YamlNode need : Workflows.values(needs)) {
                if (!need.isScalar() || Workflows.isDynamic(need)) {
                    continue;
                }
                String id = need.value().trim();
                String key = id.toLowerCase(Locale.ROOT);
                YamlNode earlier = seen.putIfAbsent(key, need);
                if (earlier != null) {
                    context.report(Severity.WARNING, need.range(), "Job `" + job.id() + "` lists `" + id
                            + "` in needs: twice (job ids ignore case). Remove the repeat.");
                } else if (!byId.containsKey(key)) {
                    String hint = Workflows.closest(id, byId.values().stream().map(Job::id).toList())
                            .map(c -> " Did you mean `" + c + "`?").orElse(" The jobs are "
                                    + Workflows.quotedList(byId.values().stream().map(Job::id).toList()) + ".");
                    context.report(need.range(), "Job `" + job.id() + "` needs `" + id
                            + "`, which is not a job of this workflow, so GitHub rejects the workflow." + hint);
                } else if (key.equals(job.id().toLowerCase(Locale.ROOT))) {
                    context.report(need.range(), "Job `" + job.id() + "` needs itself, so it can never start.");
                } else {
                    targets.add(key);
                }
            }
            edges.put(job.id().toLowerCase(Locale.ROOT), targets);
        }
        reportCycles(byId, edges, context);
    }

    /** Depth-first search; each cycle is reported once, at the job where it was entered. */
    private static void reportCycles(Map<String, Job> byId, Map<String, List<String>> edges, RuleContext context) {
        Map<String, Integer> state = new HashMap<>(); // 1 on the path, 2 done
        for (String start : edges.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            List<String> path = new ArrayList<>();
            List<Integer> next = new ArrayList<>();
            path.add(start);
            next.add(0);
            state.put(start, 1);
            while (!path.isEmpty()) {
                int top = path.size() - 1;
                String node = path.get(top);
                List<String> out = edges.getOrDefault(node, List.of());
                if (next.get(top) < out.size()) {
                    String target = out.get(next.get(top));
                    next.set(top, next.get(top) + 1);
                    Integer seen = state.get(target);
                    if (seen == null) {
                        state.put(target, 1);
                        path.add(target);
                        next.add(0);
                    } else if (seen == 1) {
                        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(target), path.size()));
                        cycle.add(target);
                        Job first = byId.get(target);
                        List<String> names = cycle.stream().map(id -> byId.get(id).id()).toList();
                        context.report(first.key().range(), "Jobs " + String.join(" -> ", names)
                                + " need each other in a cycle, so none of them can start and GitHub rejects the"
                                + " workflow. Break the cycle.");
                    }
                } else {
                    state.put(node, 2);
                    path.remove(top);
                    next.remove(top);
                }
            }
        }
    }
}
