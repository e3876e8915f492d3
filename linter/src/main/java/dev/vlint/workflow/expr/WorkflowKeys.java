package dev.vlint.workflow.expr;

import java.util.List;
import java.util.Set;

/**
 * Turns the concrete path of a value in a workflow ({@code jobs, build, steps, 2, with, args})
 * into the key GitHub's context availability table speaks of ({@code jobs.<job_id>.steps.with}).
 */
public final class WorkflowKeys {
    private WorkflowKeys() {}

    private static final Set<String> STEP_KEYS = Set.of("if", "run", "with", "env", "name", "continue-on-error",
            "timeout-minutes", "working-directory", "id", "uses", "shell");

    /** The table's key for a value at {@code path}; null where GitHub's table says nothing. */
    public static String of(List<String> path) {
        if (path.isEmpty()) {
            return null;
        }
        switch (path.get(0)) {
            case "env", "concurrency", "run-name" -> {
                return path.get(0);
            }
            case "on" -> {
                if (path.size() >= 5 && path.get(1).equals("workflow_call")) {
                    if (path.get(2).equals("inputs") && path.get(4).equals("default")) {
                        return "on.workflow_call.inputs.<inputs_id>.default";
                    }
                    if (path.get(2).equals("outputs") && path.get(4).equals("value")) {
                        return "on.workflow_call.outputs.<output_id>.value";
                    }
                }
                return null;
            }
            case "jobs" -> {
                return path.size() < 3 ? null : jobKey(path.subList(2, path.size()));
            }
            default -> {
                return null;
            }
        }
    }

    private static String jobKey(List<String> rest) {
        String job = "jobs.<job_id>.";
        String first = rest.get(0);
        String second = rest.size() > 1 ? rest.get(1) : null;
        switch (first) {
            case "steps" -> {
                String stepKey = rest.size() > 2 ? rest.get(2) : null;
                return stepKey != null && STEP_KEYS.contains(stepKey) ? job + "steps." + stepKey : null;
            }
            case "outputs" -> {
                return job + "outputs.<output_id>";
            }
            case "with" -> {
                return job + "with.<with_id>";
            }
            case "secrets" -> {
                return job + "secrets.<secrets_id>";
            }
            case "container" -> {
                if ("env".equals(second)) {
                    return job + "container.env.<env_id>";
                }
                return "credentials".equals(second) || "image".equals(second) ? job + "container." + second
                        : job + "container";
            }
            case "services" -> {
                String serviceKey = rest.size() > 2 ? rest.get(2) : null;
                if ("env".equals(serviceKey) || "credentials".equals(serviceKey)) {
                    return job + "services.<service_id>." + serviceKey + ("env".equals(serviceKey) ? ".<env_id>" : "");
                }
                return job + "services";
            }
            case "environment" -> {
                return "url".equals(second) ? job + "environment.url" : job + "environment";
            }
            case "defaults" -> {
                return job + "defaults.run";
            }
            case "snapshot" -> {
                return "if".equals(second) ? job + "snapshot.if" : null;
            }
            default -> {
                return job + first;
            }
        }
    }
}
