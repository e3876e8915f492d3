package dev.vlint.rules.workflow;

import dev.vlint.project.FileKind;
import dev.vlint.project.RepositoryName;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.ActionRef;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.YamlNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * VL707: a job calling a reusable workflow of this repository ({@code uses: ./.github/workflows/x.yml},
 * or {@code owner/repo/.github/workflows/x.yml@ref} naming this repository) that does not match the callee: the file is missing or has no {@code workflow_call} trigger, a
 * {@code with:} input or a secret it does not declare, or a required input or secret left out.
 * GitHub checks the call when the caller loads (docs.github.com "Reusing workflows", checked
 * 2026-12-03), so each of these fails the whole caller.
 */
public final class WorkflowCallInvalid implements Rule, WorkflowVisitor {
    private static final RuleMeta META = new RuleMeta("VL707", "workflow-call-invalid", Severity.ERROR,
            "A job calls a reusable workflow of the repository that does not exist, is not callable, or does not"
                    + " declare the inputs and secrets passed (or requires ones left out).",
            Fixability.NONE, EnumSet.of(FileKind.WORKFLOW), List.of("ci", "workflow"),
            List.of("actionlint:workflow-call"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** An input or secret the callee declares, and whether it must be passed. */
    private record Declared(String name, boolean required) {}

    /**
     * The callee as a path of this checkout; {@code ref} is set when the job names it as
     * {@code owner/repo/...@ref} of this same repository, whose file at that ref may differ from the
     * checkout's, so findings are warnings that say so.
     */
    private record Callee(String path, String ref) {
        Severity severity() {
            return ref == null ? Severity.ERROR : Severity.WARNING;
        }

        String rejected() {
            return ref == null ? "so GitHub rejects the call."
                    : "so GitHub rejects the call unless the workflow at @" + ref + " differs from this checkout.";
        }
    }

    @Override
    public void job(Job job, RuleContext context) {
        YamlNode uses = job.uses();
        if (uses == null || !uses.isScalar() || Workflows.isDynamic(uses)) {
            return;
        }
        ActionRef ref = job.calledWorkflow();
        Callee callee = ref == null ? null : callee(ref, context);
        if (callee == null) {
            return;
        }
        String path = callee.path();
        if (!path.startsWith(".github/workflows/") || path.substring(".github/workflows/".length()).contains("/")) {
            context.report(callee.severity(), uses.range(), "A reusable workflow must be a file directly in"
                    + " .github/workflows/, and `" + path + "` is not, " + callee.rejected());
            return;
        }
        Optional<Workflows.LocalYaml> file = Workflows.localWorkflow(context.project(), "./" + path);
        if (file.isEmpty()) {
            context.report(callee.severity(), uses.range(), "`" + path + "` is not a file of this " + (callee.ref() == null
                    ? "repository, so GitHub rejects the call."
                    : "checkout, so GitHub rejects the call unless the file exists at @" + callee.ref() + "."));
            return;
        }
        YamlNode root = file.get().yaml().root();
        YamlNode on = root.isMapping() ? root.get("on") : null;
        if (on == null || Workflows.isDynamic(on)) {
            return;
        }
        YamlNode call = null;
        boolean callable = false;
        for (YamlNode.Entry trigger : file.get().yaml().triggers()) {
            if (trigger.key().value().equals("workflow_call")) {
                callable = true;
                call = trigger.value();
            }
        }
        if (!callable) {
            context.report(callee.severity(), uses.range(), "`" + path + "` has no workflow_call trigger, "
                    + callee.rejected() + " Add `on: workflow_call`.");
            return;
        }
        Map<String, Declared> inputs = declared(call == null ? null : call.get("inputs"));
        Map<String, Declared> secrets = declared(call == null ? null : call.get("secrets"));
        check(job.node().get("with"), inputs, "input", callee, uses, context);
        YamlNode passed = job.node().get("secrets");
        if (passed != null && passed.isScalar() && passed.value().trim().equals("inherit")) {
            return; // every secret of the caller is passed
        }
        check(passed, secrets, "secret", callee, uses, context);
    }

    /** A local call, or a call by full name of this very repository; null for other repositories. */
    private static Callee callee(ActionRef ref, RuleContext context) {
        if (ref.isLocal()) {
            return new Callee(ref.action().substring(2), null);
        }
        String[] parts = ref.action().split("/", 3);
        if (parts.length < 3 || ref.ref() == null) {
            return null;
        }
        String caller = parts[0] + "/" + parts[1];
        boolean same = RepositoryName.of(context.project(), context.file().path())
                .filter(caller::equalsIgnoreCase).isPresent();
        return same ? new Callee(parts[2], ref.ref()) : null;
    }

    private static Map<String, Declared> declared(YamlNode section) {
        Map<String, Declared> declared = new LinkedHashMap<>();
        for (YamlNode.Entry e : Workflows.entries(section)) {
            YamlNode def = e.value();
            YamlNode required = def == null || !def.isMapping() ? null : def.get("required");
            boolean mustPass = required != null && required.isScalar() && required.value().equals("true")
                    && def.get("default") == null;
            declared.put(e.key().value().toLowerCase(Locale.ROOT), new Declared(e.key().value(), mustPass));
        }
        return declared;
    }

    private static void check(YamlNode given, Map<String, Declared> declared, String what, Callee callee,
            YamlNode uses, RuleContext context) {
        String path = callee.path();
        if (given != null && (Workflows.isDynamic(given) || !given.isMapping() && !given.isNull())) {
            return;
        }
        List<String> passed = new ArrayList<>();
        for (YamlNode.Entry e : Workflows.entries(given)) {
            String name = e.key().value();
            if (name.equals("<<")) {
                return; // merged from an anchor: not all names are known here
            }
            passed.add(name.toLowerCase(Locale.ROOT));
            if (!declared.containsKey(name.toLowerCase(Locale.ROOT))) {
                String hint = Workflows.closest(name, declared.values().stream().map(Declared::name).toList())
                        .map(c -> " Did you mean `" + c + "`?").orElse(declared.isEmpty() ? " It declares none."
                                : " It declares " + Workflows.quotedList(declared.values().stream()
                                        .map(Declared::name).toList()) + ".");
                context.report(callee.severity(), e.key().range(), "`" + name + "` is not a " + what + " of " + path
                        + ", " + callee.rejected() + hint);
            }
        }
        List<String> missing = declared.entrySet().stream()
                .filter(d -> d.getValue().required() && !passed.contains(d.getKey()))
                .map(d -> d.getValue().name()).toList();
        if (!missing.isEmpty()) {
            context.report(callee.severity(), uses.range(), path + " requires the " + what
                    + (missing.size() == 1 ? " " : "s ") + Workflows.quotedList(missing)
                    + ", which this job does not pass, " + callee.rejected());
        }
    }
}
