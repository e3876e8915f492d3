package dev.vlint.rules.workflow;

import dev.vlint.kb.KnowledgeBase;
import dev.vlint.kb.Runners;
import dev.vlint.project.FileKind;
import dev.vlint.project.Project;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.YamlNode;
import dev.vlint.workflow.YamlReader;
import dev.vlint.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VL706: a {@code runs-on} label no runner answers to: a misspelt or retired GitHub-hosted label,
 * or a self-hosted label the project does not declare. Labels from {@code ${{ matrix.x }}} are
 * checked where the matrix defines them.
 */
public final class RunnerLabelUnknown implements Rule, WorkflowVisitor {
    private static final RuleMeta META = new RuleMeta("VL706", "runner-label-unknown", Severity.ERROR,
            "A runs-on label names no runner: a misspelt or retired GitHub-hosted label, or a self-hosted label"
                    + " the project does not declare.",
            Fixability.NONE, EnumSet.of(FileKind.WORKFLOW), List.of("ci", "workflow", "runner"),
            List.of("actionlint:runner-label"));

    /** The labels every self-hosted runner gets (GitHub docs, "Using self-hosted runners in a workflow"). */
    private static final Set<String> PRESET = Set.of("self-hosted", "linux", "macos", "windows", "x64", "arm", "arm64");
    private static final Pattern MATRIX_ONLY = Pattern.compile("\\$\\{\\{\\s*matrix\\.([A-Za-z_][A-Za-z0-9_-]*)\\s*}}");
    private static final Pattern HOSTED_LOOKING = Pattern.compile("(?i)(ubuntu|windows|macos)-.*");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void job(Job job, RuleContext context) {
        YamlNode runsOn = job.node().get("runs-on");
        if (runsOn == null) {
            return;
        }
        if (runsOn.isMapping()) {
            runsOn = runsOn.get("labels");
        }
        if (runsOn == null || runsOn.alias()) {
            return;
        }
        if (runsOn.isScalar()) {
            Matcher m = MATRIX_ONLY.matcher(runsOn.value().trim());
            if (m.matches()) {
                for (YamlNode value : job.matrixValues(m.group(1))) {
                    checkSet(value.isSequence() ? value.items() : List.of(value), context);
                }
                return;
            }
        }
        checkSet(Workflows.values(runsOn), context);
    }

    private void checkSet(List<YamlNode> labels, RuleContext context) {
        boolean selfHosted = labels.stream().anyMatch(l -> l.isScalar() && l.value().trim().equalsIgnoreCase("self-hosted"));
        Declared declared = declared(context.project());
        Runners runners = KnowledgeBase.bundled().runners();
        for (YamlNode label : labels) {
            if (!label.isScalar() || Workflows.isDynamic(label) || label.value().isBlank()) {
                continue;
            }
            String name = label.value().trim();
            if (runners.isHostedLabel(name) || PRESET.contains(name.toLowerCase(Locale.ROOT)) || declared.matches(name)) {
                continue;
            }
            Optional<Runners.RetiredLabel> retired = runners.retiredLabel(name);
            if (retired.isPresent()) {
                context.report(label.range(), "GitHub removed the `" + name + "` runner image on "
                        + retired.get().removed() + ", so the job is never picked up (" + retired.get().source()
                        + "). Use `" + retired.get().use() + "`.");
                continue;
            }
            if (selfHosted && !declared.any()) {
                continue; // a custom label of a self-hosted runner, as far as anyone here can tell
            }
            Optional<String> near = HOSTED_LOOKING.matcher(name).matches() || !declared.any()
                    ? Workflows.closest(name, runners.hostedLabels()).filter(c -> Workflows.distance(
                            name.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT)) <= 1)
                    : Optional.empty();
            if (near.isPresent()) {
                context.report(label.range(), "`" + name + "` is not a GitHub-hosted runner label, so the job waits"
                        + " for a runner that never comes. Did you mean `" + near.get() + "`?");
            } else if (declared.any()) {
                context.report(Severity.WARNING, label.range(), "`" + name + "` is neither a GitHub-hosted label nor"
                        + " one of the self-hosted labels declared in " + declared.where()
                        + ", so no runner may pick the job up. Fix the label or declare it.");
            } else if (HOSTED_LOOKING.matcher(name).matches()) {
                context.report(Severity.NOTE, label.range(), "`" + name + "` looks like a GitHub-hosted label but is"
                        + " not one (known: " + String.join(", ", runners.hostedLabels().subList(0, 8)) + ", ...). If it"
                        + " is a self-hosted or larger runner, declare it under targets.runner-labels in .vlint.yaml.");
            }
        }
    }

    /** Self-hosted labels (globs) from .vlint.yaml and .github/actionlint.yaml, and where they came from. */
    private record Declared(List<Pattern> patterns, String where) {
        boolean any() {
            return !patterns.isEmpty();
        }

        boolean matches(String label) {
            return patterns.stream().anyMatch(p -> p.matcher(label).matches());
        }
    }

    private static Declared declared(Project project) {
        return project.derived(Declared.class, RunnerLabelUnknown::readDeclared);
    }

    private static Declared readDeclared(Project project) {
        List<String> globs = new ArrayList<>(project.config().targets().runnerLabels());
        List<String> where = new ArrayList<>();
        if (!globs.isEmpty()) {
            where.add(".vlint.yaml (targets.runner-labels)");
        }
        for (String name : List.of(".github/actionlint.yaml", ".github/actionlint.yml")) {
            Path file = project.root().resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                YamlNode root = YamlReader.read(SourceFile.of(name, Files.readString(file, StandardCharsets.UTF_8))).root();
                YamlNode labels = root == null ? null : root.get("self-hosted-runner");
                labels = labels == null ? null : labels.get("labels");
                for (YamlNode label : Workflows.values(labels)) {
                    if (label.isScalar()) {
                        globs.add(label.value());
                    }
                }
                where.add(name + " (self-hosted-runner.labels)");
            } catch (IOException | RuntimeException e) {
                // an unreadable actionlint config declares nothing
            }
            break;
        }
        List<Pattern> patterns = globs.stream().map(RunnerLabelUnknown::glob).toList();
        return new Declared(patterns, String.join(" and ", where));
    }

    /** actionlint's labels are path globs; labels hold no slash, so * and ? are all that matter. */
    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
