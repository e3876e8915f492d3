package dev.vlint.rules.security;

import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.kb.WorkflowSecurity.CacheAction;
import dev.vlint.kb.WorkflowSecurity.PublishAction;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.source.SourceFile;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.YamlNode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VL806: a step that restores a GitHub Actions cache in a job that publishes: a release or tag-push
 * workflow, or a job with a publishing step (PyPI upload, GitHub release, image push).
 */
public final class CacheInPublishingJob implements Rule, WorkflowVisitor {
    private static final RuleMeta META = Audits.meta("VL806", "cache-in-publishing-job", Severity.NOTE,
            "A step restores a GitHub Actions cache in a job that publishes a release, a package or an image.",
            Fixability.UNSAFE, "cache-poisoning");
    /** Commands that publish what the job built. */
    private static final Pattern PUBLISH_COMMAND = Pattern.compile("\\b(docker (buildx )?push|docker buildx build\\b[^\\n]*"
            + "--push|twine upload|uv publish|gh release (create|upload)|npm publish|cargo publish|goreleaser release)\\b");
    /** Flags that make a publishing command a rehearsal that uploads nothing. */
    private static final Pattern REHEARSAL = Pattern.compile("--dry-run\\b|--snapshot\\b|--skip[= ]publish\\b");
    /** {@code startsWith(github.ref, 'refs/tags/')}, possibly negated: a guard that turns the cache off for tags. */
    private static final Pattern TAG_GUARD = Pattern.compile(
            "\\$\\{\\{\\s*(!?)\\s*startsWith\\(\\s*github\\.ref\\s*,\\s*'refs/tags/'\\s*\\)\\s*}}", Pattern.CASE_INSENSITIVE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void startFile(Workflow workflow, RuleContext context) {
        context.state(() -> new Events[] {new Events(workflow)});
    }

    @Override
    public void job(Job job, RuleContext context) {
        SourceFile file = context.file().source();
        Events events = context.state(() -> new Events[1])[0];
        boolean tagsOnly = !events.names().isEmpty()
                && events.names().stream().allMatch(e -> e.equals("release") || e.equals("push") && events.tagPush());
        boolean releasesOnly = (events.has("release") || events.tagPush() || events.releaseBranchPush())
                && events.names().stream().allMatch(e -> e.equals("release")
                || e.equals("workflow_dispatch") || e.equals("push") && (events.tagPush() || events.releaseBranchPush()));
        // A workflow that also runs for pull requests or other pushes is a test workflow unless the job publishes.
        String why = releasesOnly ? "a workflow that runs only for releases" : publisher(job, file);
        if (why == null) {
            return;
        }
        for (Step step : job.steps()) {
            Uses uses = step.uses() == null ? null : Uses.of(file, step.uses());
            CacheAction cache = uses == null ? null : Audits.facts().cacheAction(uses.action()).orElse(null);
            if (cache == null) {
                continue;
            }
            String state = state(cache, step, tagsOnly);
            if (state == null) {
                continue;
            }
            Edit edit = turnOff(file, cache, step);
            String message = uses.action() + " " + state + " in " + why + ": whatever another workflow run wrote into"
                    + " the repository's cache, for instance one that ran injected code, is restored here and can end up"
                    + " in what this job publishes. Turn the cache off in this job"
                    + (cache.input() == null ? " by dropping the step" : " (`" + cache.input() + ": "
                    + (cache.trueTurnsOff() ? "true" : "false") + "`)") + ".";
            if (edit == null) {
                context.report(uses.range(), message);
            } else {
                context.report(uses.range(), message, Fix.unsafe("Turn the cache off: " + cache.input() + ": "
                        + (cache.trueTurnsOff() ? "true" : "false"), edit));
            }
        }
    }

    /** What publishes in the job ("a job that publishes with pypa/gh-action-pypi-publish"), or null. */
    private static String publisher(Job job, SourceFile file) {
        for (Step step : job.steps()) {
            YamlNode run = step.run();
            String command = run == null || !run.isScalar() ? null : publishCommand(run.value());
            if (command != null) {
                return "a job that publishes (`" + command + "`)";
            }
            Uses uses = step.uses() == null ? null : Uses.of(file, step.uses());
            PublishAction publish = uses == null ? null : Audits.facts().publishAction(uses.action()).orElse(null);
            if (publish != null && (publish.pushInput() == null || truthy(step.with(publish.pushInput())))
                    && !(uses.is("goreleaser/goreleaser-action") && rehearsal(step.with("args")))) {
                return "a job that publishes with " + uses.action();
            }
        }
        return null;
    }

    /** The first publishing command of a script that is not a rehearsal, or null. */
    private static String publishCommand(String script) {
        Matcher command = PUBLISH_COMMAND.matcher(script);
        while (command.find()) {
            int lineStart = script.lastIndexOf('\n', command.start()) + 1;
            int lineEnd = script.indexOf('\n', command.end());
            if (!REHEARSAL.matcher(script.substring(lineStart, lineEnd < 0 ? script.length() : lineEnd)).find()) {
                return command.group().trim();
            }
        }
        return null;
    }

    /**
     * goreleaser's {@code build} and {@code check} commands and a {@code --snapshot} release publish
     * nothing; without {@code args} the action runs {@code goreleaser release}, which does.
     */
    private static boolean rehearsal(YamlNode args) {
        if (args == null || !args.isScalar()) {
            return false;
        }
        String text = args.value().trim();
        return text.startsWith("build") || text.startsWith("check") || REHEARSAL.matcher(text).find();
    }

    private static boolean truthy(YamlNode value) {
        return value != null && value.isScalar() && !value.value().isBlank()
                && !value.value().trim().equalsIgnoreCase("false");
    }

    /** How the step uses the cache ("restores a cache by default"), or null when it is off. */
    private static String state(CacheAction cache, Step step, boolean tagsOnly) {
        if (cache.input() == null) {
            return "restores a cache";
        }
        YamlNode value = step.with(cache.input());
        if (value == null) {
            return cache.onByDefault() ? "restores a cache by default (`" + cache.input() + "` is not set)" : null;
        }
        if (!value.isScalar()) {
            return null;
        }
        String text = value.value().trim();
        var guard = TAG_GUARD.matcher(text);
        if (guard.matches()) {
            boolean trueOnTags = guard.group(1).isEmpty();
            boolean on = cache.trueTurnsOff() != trueOnTags;
            return tagsOnly && !on ? null : "may restore a cache (`" + cache.input() + ": " + text + "`)";
        }
        if (text.contains("${{")) {
            return "may restore a cache (`" + cache.input() + ": " + text + "`)";
        }
        boolean truth = !text.isEmpty() && !text.toLowerCase(Locale.ROOT).equals("false");
        boolean on = cache.trueTurnsOff() ? !text.equalsIgnoreCase("true") : truth;
        return on ? "restores a cache (`" + cache.input() + ": " + text + "`)" : null;
    }

    /** Sets the switch to off, for inputs that take true or false. */
    private static Edit turnOff(SourceFile file, CacheAction cache, Step step) {
        if (cache.input() == null || !cache.booleanInput()) {
            return null;
        }
        String off = cache.trueTurnsOff() ? "true" : "false";
        YamlNode value = step.with(cache.input());
        if (value != null) {
            return value.isScalar() && value.style() == YamlNode.Style.PLAIN ? new Edit(value.range(), off) : null;
        }
        YamlNode with = step.node().get("with");
        if (with == null) {
            return YamlEdits.addNested(file, step.node(), "with", cache.input(), off);
        }
        return with.isMapping() ? YamlEdits.addEntry(file, with, cache.input(), off) : null;
    }
}
