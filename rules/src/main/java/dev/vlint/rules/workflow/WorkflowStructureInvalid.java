package dev.vlint.rules.workflow;

import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.YamlNode;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * VL701: a workflow or action metadata file that does not follow GitHub's syntax: unknown,
 * missing keys, empty sections, and values of the wrong type. GitHub refuses such a
 * workflow ("Invalid workflow file") before any job starts.
 *
 * <p>Keys per section follow docs.github.com "Workflow syntax for GitHub Actions" and "Metadata
 * syntax for GitHub Actions" (checked 2026-12-03). The keys inside {@code on:} events and
 * {@code permissions:} are checked by VL703 and VL713.
 */
public final class WorkflowStructureInvalid implements Rule, WorkflowVisitor {
    private static final RuleMeta META = new RuleMeta("VL701", "workflow-structure-invalid", Severity.ERROR,
            "A workflow or action.yml has an unknown or missing key, an empty section, or a value of"
                    + " the wrong type, so GitHub refuses the file; or an env: name that programs cannot read.",
            Fixability.NONE, EnumSet.of(FileKind.WORKFLOW, FileKind.ACTION), List.of("ci", "workflow"),
            List.of("actionlint:syntax-check", "actionlint:env-var"));

    private static final Set<String> WORKFLOW = Set.of("name", "run-name", "on", "permissions", "env", "defaults",
            "concurrency", "jobs");
    private static final Set<String> JOB = Set.of("name", "permissions", "needs", "if", "runs-on", "snapshot",
            "environment", "concurrency", "outputs", "env", "defaults", "steps", "timeout-minutes", "strategy",
            "continue-on-error", "container", "services", "uses", "with", "secrets");
    /** docs "Supported keywords for jobs that call a reusable workflow". */
    private static final Set<String> CALLER_JOB = Set.of("name", "uses", "with", "secrets", "strategy", "needs", "if",
            "concurrency", "permissions");
    private static final Set<String> RUN_STEP = Set.of("id", "if", "name", "run", "shell", "working-directory", "env",
            "continue-on-error", "timeout-minutes");
    private static final Set<String> USES_STEP = Set.of("id", "if", "name", "uses", "with", "env", "continue-on-error",
            "timeout-minutes");
    private static final Set<String> DEFAULTS = Set.of("run");
    private static final Set<String> DEFAULTS_RUN = Set.of("shell", "working-directory");
    private static final Set<String> CONCURRENCY = Set.of("group", "cancel-in-progress", "queue");
    private static final Set<String> STRATEGY = Set.of("matrix", "fail-fast", "max-parallel");
    private static final Set<String> CONTAINER = Set.of("image", "credentials", "env", "ports", "volumes", "options");
    private static final Set<String> CREDENTIALS = Set.of("username", "password");
    private static final Set<String> ENVIRONMENT = Set.of("name", "url", "deployment");
    private static final Set<String> RUNS_ON = Set.of("group", "labels");

    private static final Set<String> ACTION = Set.of("name", "author", "description", "inputs", "outputs", "runs",
            "branding");
    private static final Set<String> ACTION_OUTPUT = Set.of("description", "value");
    private static final Set<String> RUNS_NODE = Set.of("using", "main", "pre", "pre-if", "post", "post-if");
    private static final Set<String> RUNS_DOCKER = Set.of("using", "image", "env", "entrypoint", "pre-entrypoint",
            "post-entrypoint", "args", "pre-if", "post-if");
    private static final Set<String> RUNS_COMPOSITE = Set.of("using", "steps");
    private static final Set<String> BRANDING = Set.of("icon", "color");

    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void startFile(Workflow workflow, RuleContext context) {
        YamlNode root = workflow.root();
        Checks checks = new Checks(context); // duplicate keys are VL001's: the YAML parser reports them
        if (!root.isMapping()) {
            context.report(root.range(), "The file must be a mapping of keys ("
                    + (context.file().kind() == FileKind.ACTION ? "name, description, runs" : "on, jobs") + ").");
            return;
        }
        if (context.file().kind() == FileKind.ACTION) {
            action(root, checks);
        } else {
            workflow(root, checks);
        }
    }

    private static void workflow(YamlNode root, Checks checks) {
        checks.keys(root, WORKFLOW, "the workflow");
        checks.required(root, List.of("on", "jobs"), "The workflow", root);
        checks.section(root.get("defaults"), DEFAULTS, "defaults");
        YamlNode defaults = root.get("defaults");
        checks.section(defaults == null ? null : defaults.get("run"), DEFAULTS_RUN, "defaults.run");
        concurrency(root.get("concurrency"), checks);
        checks.envMapping(root.get("env"), "env");
        YamlNode jobs = root.get("jobs");
        if (jobs == null || jobs.alias() || Workflows.isExpression(jobs)) {
            return;
        }
        if (!jobs.isMapping() || jobs.entries().isEmpty()) {
            checks.report(jobs.isNull() ? root.entry("jobs").key() : jobs, "jobs: must map job ids to jobs and name at"
                    + " least one job.");
            return;
        }
        Map<String, YamlNode> ids = new HashMap<>();
        for (YamlNode.Entry entry : jobs.entries()) {
            YamlNode earlier = ids.putIfAbsent(entry.key().value().toLowerCase(Locale.ROOT), entry.key());
            if (earlier != null && !earlier.value().equals(entry.key().value())) {
                checks.report(entry.key(), "Job `" + entry.key().value() + "` repeats job `" + earlier.value()
                        + "`: job ids ignore case, so GitHub refuses the workflow. Rename one.");
            }
            job(entry.key(), entry.value(), checks);
        }
    }

    private static void job(YamlNode id, YamlNode job, Checks checks) {
        String where = "job `" + id.value() + "`";
        if (job == null || job.alias()) {
            return;
        }
        if (!job.isMapping()) {
            checks.report(job.isNull() ? id : job, "The " + where + " must be a mapping with runs-on and steps"
                    + " (or uses: to call a workflow).");
            return;
        }
        boolean caller = job.get("uses") != null;
        if (caller) {
            for (YamlNode.Entry e : job.entries()) {
                String key = e.key().value();
                if (JOB.contains(key) && !CALLER_JOB.contains(key)) {
                    checks.report(e.key(), "`" + key + "` cannot be used in " + where + ", which calls a reusable"
                            + " workflow with uses:; the called workflow decides it. Allowed here: "
                            + String.join(", ", new TreeSet<>(CALLER_JOB)) + ".");
                }
            }
            checks.keys(job, JOB, where);
            return;
        }
        checks.keys(job, JOB, where);
        for (String key : List.of("with", "secrets")) {
            YamlNode.Entry e = job.entry(key);
            if (e != null) {
                checks.report(e.key(), "`" + key + "` belongs to jobs that call a reusable workflow with uses:, and "
                        + where + " has none.");
            }
        }
        checks.required(job, List.of("runs-on"), "The " + where, id);
        YamlNode steps = job.get("steps");
        if (steps == null) {
            checks.report(id, "The " + where + " has no steps: (and no uses: to call a workflow), so GitHub refuses"
                    + " the workflow.");
        } else if (!steps.alias() && !Workflows.isExpression(steps)) {
            if (!steps.isSequence() || steps.items().isEmpty()) {
                checks.report(steps.isNull() ? job.entry("steps").key() : steps, "steps: of " + where
                        + " must be a list of at least one step.");
            } else {
                for (YamlNode step : steps.items()) {
                    step(step, checks);
                }
            }
        }
        YamlNode runsOn = job.get("runs-on");
        if (runsOn != null && runsOn.isMapping()) {
            checks.section(runsOn, RUNS_ON, "runs-on");
        }
        checks.section(job.get("defaults"), DEFAULTS, "defaults");
        YamlNode defaults = job.get("defaults");
        checks.section(defaults == null ? null : defaults.get("run"), DEFAULTS_RUN, "defaults.run");
        concurrency(job.get("concurrency"), checks);
        checks.section(job.get("strategy"), STRATEGY, "strategy");
        YamlNode strategy = job.get("strategy");
        if (strategy != null && strategy.isMapping()) {
            checks.bool(strategy.get("fail-fast"), "strategy.fail-fast");
            checks.number(strategy.get("max-parallel"), "strategy.max-parallel");
        }
        container(job.get("container"), "container", checks);
        YamlNode services = job.get("services");
        for (YamlNode.Entry service : Workflows.entries(services)) {
            container(service.value(), "services." + service.key().value(), checks);
        }
        YamlNode environment = job.get("environment");
        if (environment != null && environment.isMapping()) {
            checks.section(environment, ENVIRONMENT, "environment");
        }
        checks.number(job.get("timeout-minutes"), "timeout-minutes");
        checks.bool(job.get("continue-on-error"), "continue-on-error");
        checks.envMapping(job.get("env"), "env");
        YamlNode outputs = job.get("outputs");
        if (outputs != null && !outputs.alias() && !outputs.isMapping() && !outputs.isNull()) {
            checks.report(outputs, "outputs: must map output names to values.");
        }
    }

    private static void step(YamlNode step, Checks checks) {
        if (step.alias() || Workflows.isExpression(step)) {
            return;
        }
        if (!step.isMapping()) {
            checks.report(step, "A step must be a mapping with run: or uses:.");
            return;
        }
        YamlNode.Entry run = step.entry("run");
        YamlNode.Entry uses = step.entry("uses");
        if (run != null && uses != null) {
            checks.report(uses.key(), "A step has either run: or uses:, not both; split it into two steps.");
            return;
        }
        if (run == null && uses == null) {
            if (step.entries().stream().noneMatch(e -> e.key().value().equals("<<"))) {
                checks.report(step, "This step has neither run: nor uses:, so it does nothing and GitHub refuses the"
                        + " workflow.");
            }
            return;
        }
        checks.keys(step, run != null ? RUN_STEP : USES_STEP, run != null ? "a run: step" : "a uses: step");
        checks.number(step.get("timeout-minutes"), "timeout-minutes");
        checks.bool(step.get("continue-on-error"), "continue-on-error");
        checks.envMapping(step.get("env"), "env");
        YamlNode with = step.get("with");
        if (with != null && !with.alias() && !with.isMapping() && !with.isNull() && !Workflows.isExpression(with)) {
            checks.report(with, "with: must map input names to values.");
        }
    }

    private static void concurrency(YamlNode concurrency, Checks checks) {
        if (concurrency == null || !concurrency.isMapping()) {
            return;
        }
        checks.section(concurrency, CONCURRENCY, "concurrency");
        if (concurrency.get("group") == null && concurrency.entries().stream().noneMatch(e -> e.key().value().equals("<<"))) {
            checks.report(concurrency, "concurrency: needs a group: (the name runs are queued under).");
        }
        checks.bool(concurrency.get("cancel-in-progress"), "concurrency.cancel-in-progress");
    }

    private static void container(YamlNode container, String where, Checks checks) {
        if (container == null || !container.isMapping()) {
            return;
        }
        checks.section(container, CONTAINER, where);
        checks.section(container.get("credentials"), CREDENTIALS, where + ".credentials");
        checks.envMapping(container.get("env"), where + ".env");
    }

    private static void action(YamlNode root, Checks checks) {
        checks.keys(root, ACTION, "action metadata");
        // The runner needs only runs:; it also ignores extra keys of an input (some projects write type:).
        checks.required(root, List.of("runs"), "The action metadata", root);
        for (YamlNode.Entry input : Workflows.entries(root.get("inputs"))) {
            if (input.value() != null && input.value().isMapping()) {
                checks.bool(input.value().get("required"), "inputs." + input.key().value() + ".required");
            }
        }
        YamlNode runs = root.get("runs");
        String using = runs != null && runs.isMapping() && runs.get("using") != null && runs.get("using").isScalar()
                ? runs.get("using").value().trim() : null;
        for (YamlNode.Entry output : Workflows.entries(root.get("outputs"))) {
            checks.section(output.value(), ACTION_OUTPUT, "outputs." + output.key().value());
            if ("composite".equals(using) && output.value() != null && output.value().isMapping()
                    && output.value().get("value") == null) {
                checks.report(output.key(), "Output `" + output.key().value() + "` of a composite action needs a"
                        + " value: that names where it comes from (e.g. ${{ steps.x.outputs.y }}).");
            }
        }
        checks.section(root.get("branding"), BRANDING, "branding");
        if (runs == null || runs.alias()) {
            return;
        }
        if (!runs.isMapping()) {
            checks.report(runs, "runs: must be a mapping with using: and what it runs.");
            return;
        }
        if (using == null) {
            checks.report(root.entry("runs").key(), "runs: needs using: (node24, node20, docker or composite).");
            return;
        }
        YamlNode usingNode = runs.get("using");
        switch (using) {
            case "node20", "node24" -> {
                checks.keys(runs, RUNS_NODE, "runs of a JavaScript action");
                checks.required(runs, List.of("main"), "runs of a JavaScript action", root.entry("runs").key());
            }
            case "node12", "node16" -> checks.context.report(Severity.WARNING, usingNode.range(), "GitHub no longer"
                    + " ships " + using + "; the runner runs this action on a newer Node with a warning. Use node24.");
            case "docker" -> {
                checks.keys(runs, RUNS_DOCKER, "runs of a Docker action");
                checks.required(runs, List.of("image"), "runs of a Docker action", root.entry("runs").key());
            }
            case "composite" -> {
                checks.keys(runs, RUNS_COMPOSITE, "runs of a composite action");
                YamlNode steps = runs.get("steps");
                if (steps == null || steps.isNull() || steps.isSequence() && steps.items().isEmpty()) {
                    checks.report(root.entry("runs").key(), "A composite action needs runs.steps with at least one"
                            + " step.");
                }
                for (YamlNode step : Workflows.values(steps)) {
                    step(step, checks);
                    if (step.isMapping() && step.get("run") != null && step.get("shell") == null) {
                        checks.report(step.entry("run").key(), "A run: step of a composite action needs shell:"
                                + " (bash, sh, pwsh, python, cmd or powershell): composite steps have no default shell.");
                    }
                }
            }
            default -> checks.report(usingNode, "`" + using + "` is not a runtime GitHub knows; runs.using is node24,"
                    + " node20, docker or composite.");
        }
    }

    /** Reporting helpers with the file's context. */
    private record Checks(RuleContext context) {
        void report(YamlNode at, String message) {
            context.report(at.range(), message);
        }

        void keys(YamlNode mapping, Set<String> allowed, String where) {
            for (YamlNode.Entry e : mapping.entries()) {
                String key = e.key().value();
                if (allowed.contains(key) || key.equals("<<")) {
                    continue;
                }
                String hint = Workflows.closest(key, allowed).map(c -> " Did you mean `" + c + "`?")
                        .orElse(" Expected one of " + String.join(", ", new TreeSet<>(allowed)) + ".");
                report(e.key(), "`" + key + "` is not a key of " + where + ", so GitHub refuses the file." + hint);
            }
        }

        void section(YamlNode section, Set<String> allowed, String where) {
            if (section != null && section.isMapping()) {
                keys(section, allowed, where);
            }
        }

        void required(YamlNode mapping, List<String> keys, String what, YamlNode at) {
            if (mapping.entries().stream().anyMatch(e -> e.key().value().equals("<<"))) {
                return;
            }
            for (String key : keys) {
                if (mapping.entry(key) == null) {
                    report(at, what + " has no `" + key + ":`, which GitHub requires.");
                }
            }
        }

        void bool(YamlNode value, String where) {
            if (value != null && value.isScalar() && !value.alias() && !Workflows.isExpression(value)
                    && !value.value().equals("true") && !value.value().equals("false")) {
                report(value, where + " takes true, false or an expression, not `" + value.value() + "`.");
            }
        }

        void number(YamlNode value, String where) {
            if (value != null && value.isScalar() && !value.alias() && !Workflows.isExpression(value)
                    && !NUMBER.matcher(value.value().trim()).matches()) {
                report(value, where + " takes a number or an expression, not `" + value.value() + "`.");
            }
        }

        void envMapping(YamlNode env, String where) {
            if (env != null && !env.alias() && !env.isMapping() && !env.isNull() && !Workflows.isExpression(env)) {
                report(env, where + ": must map variable names to values (or be one ${{ }} expression).");
                return;
            }
            for (YamlNode.Entry e : Workflows.entries(env)) {
                String name = e.key().value();
                if (name.contains("${{")) {
                    continue;
                }
                if (name.indexOf('=') >= 0) {
                    context.report(Severity.WARNING, e.key().range(), "`" + name + "` holds `=`, so programs read a"
                            + " variable named `" + name.substring(0, name.indexOf('=')) + "` instead: the text up to"
                            + " the first `=` is the name.");
                } else if (name.indexOf(' ') >= 0 || name.indexOf('\t') >= 0 || name.indexOf('&') >= 0) {
                    context.report(Severity.WARNING, e.key().range(), "`" + name + "` holds a space, tab or `&`, so no"
                            + " shell can expand it; use letters, digits and `_`.");
                }
            }
        }
    }
}
