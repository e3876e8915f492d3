package dev.vlint.rules.workflow;

import dev.vlint.kb.Actions;
import dev.vlint.kb.KnowledgeBase;
import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.ActionRef;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.YamlNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * VL708: a step's {@code uses:} that cannot work as written: a malformed reference, a misspelt
 * popular action, a version GitHub fails or that runs on a retired Node, and {@code with:} inputs
 * the action does not declare, required inputs left out, or deprecated ones. Inputs are checked
 * against the action's metadata when it is in the repository ({@code uses: ./path}) or in the
 * knowledge base for that major version.
 */
public final class ActionInvalid implements Rule, WorkflowVisitor {
    private static final RuleMeta META = new RuleMeta("VL708", "action-invalid", Severity.ERROR,
            "A step's uses: is malformed, names a misspelt or retired action version, or passes with: inputs"
                    + " the action does not declare (or leaves out required ones).",
            Fixability.NONE, EnumSet.of(FileKind.WORKFLOW, FileKind.ACTION), List.of("ci", "workflow", "action"),
            List.of("actionlint:action"));

    /** Organizations whose repositories only GitHub or Docker create: a near-miss there does not exist. */
    private static final Set<String> OFFICIAL = Set.of("actions", "github", "docker");

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** What a step's action declares, from the repository or the knowledge base. */
    private record Declared(String name, Set<String> inputs, List<String> required, Map<String, String> deprecated,
                            boolean anyInputs) {}

    @Override
    public void step(Step step, Job job, RuleContext context) {
        YamlNode uses = step.uses();
        if (uses == null || !uses.isScalar() || uses.alias()) {
            return;
        }
        String value = uses.value().trim();
        if (value.isEmpty()) {
            context.report(uses.range(), "uses: is empty; name an action as owner/repo@ref, ./path or docker://image.");
            return;
        }
        if (value.contains("${{")) {
            context.report(uses.range(), "uses: cannot hold an expression: GitHub resolves actions before the job"
                    + " runs. Write the action and its version literally.");
            return;
        }
        ActionRef ref = step.action();
        if (!format(ref, uses, context)) {
            return;
        }
        Optional<Declared> declared = Optional.empty();
        if (ref.isLocal()) {
            declared = Workflows.localAction(context.project(), ref.action()).map(a -> local(a, ref.action()));
        } else if (!ref.isDocker()) {
            Actions actions = KnowledgeBase.bundled().actions();
            Optional<Actions.Outdated> outdated = actions.outdated(ref.action(), ref.ref());
            if (outdated.isPresent() && outdated.get().fails() != null) {
                context.report(ref.refRange(), "GitHub fails every job that uses " + ref.action() + "@" + ref.ref()
                        + " since " + outdated.get().fails() + " (" + outdated.get().source() + "). Use "
                        + ref.action() + "@" + outdated.get().use() + " or newer.");
                return;
            }
            if (outdated.isPresent()) {
                context.report(Severity.NOTE, ref.refRange(), ref.action() + "@" + ref.ref() + " was written for a Node"
                        + " version GitHub no longer ships (node12 or node16), so the runner runs it on a newer Node"
                        + " with a warning (" + outdated.get().source() + "). Move to a current major version.");
                return;
            }
            if (!actions.knows(ref.action())) {
                misspelt(ref, actions, context);
                return;
            }
            declared = actions.action(ref.action(), ref.ref()).map(a -> new Declared(a.uses(), a.inputs(),
                    a.required(), a.deprecated(), a.anyInputs()));
        }
        declared.ifPresent(d -> inputs(step, uses, d, context));
    }

    /** Reports a malformed reference; true when the reference is well formed. */
    private static boolean format(ActionRef ref, YamlNode uses, RuleContext context) {
        String action = ref.action();
        if (ref.isDocker()) {
            String image = action.substring("docker://".length());
            if (image.isEmpty() || image.endsWith(":") || image.endsWith("@")) {
                context.report(uses.range(), "`" + uses.value().trim() + "` names no complete image; write"
                        + " docker://image:tag.");
                return false;
            }
            return true;
        }
        if (ref.isLocal()) {
            if (ref.ref() != null) {
                context.report(uses.range(), "A local action (./path) takes no @ref: it is the version checked out"
                        + " in the workspace. Drop `@" + ref.ref() + "`.");
                return false;
            }
            return true;
        }
        if (action.startsWith(".github/") || action.startsWith("../")) {
            context.report(uses.range(), "`" + action + "` is read as owner/repo; a path in this repository starts with"
                    + " ./ (uses: ./" + action.replaceFirst("^\\.\\./", "") + ").");
            return false;
        }
        if (ref.ref() == null || ref.ref().isEmpty()) {
            context.report(uses.range(), "`" + action + "` has no @ref, so GitHub cannot resolve it. Add a version:"
                    + " " + action + "@<tag or commit>.");
            return false;
        }
        String[] parts = action.split("/", -1);
        if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            context.report(uses.range(), "`" + action + "@" + ref.ref() + "` is not owner/repo[/path]@ref, so GitHub"
                    + " cannot resolve it.");
            return false;
        }
        return true;
    }

    private static void misspelt(ActionRef ref, Actions actions, RuleContext context) {
        String action = ref.action();
        String owner = action.substring(0, action.indexOf('/'));
        Optional<String> near = Workflows.closest(action, actions.names()).filter(n -> Workflows.distance(
                action.toLowerCase(Locale.ROOT), n.toLowerCase(Locale.ROOT)) <= 2);
        if (near.isEmpty()) {
            return;
        }
        boolean sameOfficialOwner = near.get().toLowerCase(Locale.ROOT).startsWith(owner.toLowerCase(Locale.ROOT) + "/")
                && OFFICIAL.contains(owner.toLowerCase(Locale.ROOT));
        context.report(sameOfficialOwner ? Severity.ERROR : Severity.WARNING, ref.actionRange(), "`" + action
                + "` is not an action vlint knows, but `" + near.get() + "` is" + (sameOfficialOwner
                        ? "; " + owner + " publishes no `" + action.substring(owner.length() + 1)
                                + "`, so the job fails when GitHub resolves its actions." : ".")
                + " Did you mean `" + near.get() + "@" + ref.ref() + "`?");
    }

    private static Declared local(Workflows.LocalYaml action, String uses) {
        YamlNode inputs = action.yaml().root().get("inputs");
        Set<String> names = new LinkedHashSet<>();
        List<String> required = new ArrayList<>();
        Map<String, String> deprecated = new LinkedHashMap<>();
        boolean any = inputs != null && !inputs.isMapping() && !inputs.isNull();
        // A composite action that never reads a required input runs fine without it.
        YamlNode runs = action.yaml().root().get("runs");
        boolean composite = runs != null && runs.isMapping() && runs.get("using") != null
                && runs.get("using").value().trim().equals("composite");
        String text = action.yaml().file().text();
        for (YamlNode.Entry input : Workflows.entries(inputs)) {
            String name = input.key().value();
            names.add(name);
            YamlNode def = input.value();
            if (def == null || !def.isMapping()) {
                continue;
            }
            YamlNode req = def.get("required");
            if (req != null && req.isScalar() && req.value().equals("true") && def.get("default") == null
                    && (!composite || text.contains("inputs." + name))) {
                required.add(name);
            }
            YamlNode message = def.get("deprecationMessage");
            if (message != null && message.isScalar() && !message.value().isBlank()) {
                deprecated.put(name, message.value().trim());
            }
        }
        return new Declared(uses + " (" + action.path() + ")", names, required, deprecated, any);
    }

    private static void inputs(Step step, YamlNode uses, Declared action, RuleContext context) {
        YamlNode with = step.node().get("with");
        if (with != null && !with.isMapping()) {
            return; // an expression or alias: the inputs are not known here
        }
        Set<String> given = new LinkedHashSet<>();
        boolean merged = false;
        for (YamlNode.Entry entry : Workflows.entries(with)) {
            String name = entry.key().value();
            if (name.equals("<<")) {
                merged = true;
                continue;
            }
            String declared = action.inputs().stream().filter(i -> i.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (declared == null) {
                if (!action.anyInputs() && !name.equals("args") && !name.equals("entrypoint")) {
                    String hint = Workflows.closest(name, action.inputs()).map(c -> " Did you mean `" + c + "`?")
                            .orElse(action.inputs().isEmpty() ? " It declares no inputs."
                                    : " It declares " + Workflows.quotedList(action.inputs().stream().sorted().toList()) + ".");
                    context.report(Severity.WARNING, entry.key().range(), "`" + name + "` is not an input of "
                            + action.name() + ", so the action never reads it (GitHub only warns)." + hint);
                }
                continue;
            }
            given.add(declared.toLowerCase(Locale.ROOT));
            String message = action.deprecated().get(declared);
            if (message != null && !action.required().contains(declared)) {
                context.report(Severity.NOTE, entry.key().range(), "Input `" + declared + "` of " + action.name()
                        + " is deprecated: " + message.replaceAll("\\s+", " "));
            }
        }
        if (merged) {
            return;
        }
        List<String> missing = action.required().stream()
                .filter(r -> !given.contains(r.toLowerCase(Locale.ROOT))).toList();
        if (!missing.isEmpty()) {
            context.report(Severity.WARNING, uses.range(), action.name() + " requires " + Workflows.quotedList(missing)
                    + " but the step does not set " + (missing.size() == 1 ? "it" : "them")
                    + " under with:; GitHub does not enforce this, the action starts without "
                    + (missing.size() == 1 ? "it" : "them") + " and usually fails.");
        }
    }
}
