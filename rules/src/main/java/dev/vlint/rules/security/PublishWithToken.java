package dev.vlint.rules.security;

import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.ShellVisitor;
import dev.vlint.rule.WorkflowVisitor;
import dev.vlint.shell.ShellSnippets.Snippet;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import dev.vlint.workflow.Job;
import dev.vlint.workflow.Step;
import dev.vlint.workflow.Workflow;
import dev.vlint.workflow.WorkflowParser;
import dev.vlint.workflow.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * VL811: a package published to PyPI, crates.io, npm or RubyGems with a long-lived API token, where
 * the index accepts the workflow's own short-lived identity ("trusted publishing") instead.
 */
public final class PublishWithToken implements Rule, WorkflowVisitor, ShellVisitor {
    private static final RuleMeta META = Audits.meta("VL811", "publish-with-token", Severity.NOTE,
            "A package is published to PyPI, crates.io, npm or RubyGems with an API token where trusted publishing"
                    + " would do.",
            Fixability.NONE, "use-trusted-publishing");
    private static final Set<String> PYPI = Set.of("https://upload.pypi.org/legacy/", "https://test.pypi.org/legacy/");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void step(Step step, Job job, RuleContext context) {
        Uses uses = step.uses() == null ? null : Uses.of(context.file().source(), step.uses());
        YamlNode password = step.with("password");
        if (uses == null || !uses.is("pypa/gh-action-pypi-publish") || password == null) {
            return;
        }
        YamlNode url = step.with("repository-url") == null ? step.with("repository_url") : step.with("repository-url");
        if (url == null || url.isScalar() && PYPI.contains(url.value().trim())) {
            YamlNode.Entry entry = step.node().get("with").entry("password");
            context.report(entry.key().range(), "pypa/gh-action-pypi-publish uploads with an API token (`password:`),"
                    + " which does not expire and leaks with anything that can read the job's secrets. PyPI accepts"
                    + " this workflow's own identity instead: register it as a trusted publisher of the project, grant"
                    + " the job `permissions: id-token: write` and drop `password:`.");
        }
    }

    @Override
    public void command(SimpleCommand command, Snippet snippet, RuleContext context) {
        if (snippet.job() == null) {
            return;
        }
        SimpleCommand run = command.effective();
        String index = index(run);
        if (index == null || idToken(context, snippet.job())) {
            return;
        }
        context.report(run.range(), "`" + String.join(" ", words(run, 3)) + "` publishes to " + index + " in a job"
                + " without `id-token: write`, so it authenticates with a long-lived API token, which does not expire"
                + " and leaks with anything that can read the job's secrets. " + index + " supports trusted"
                + " publishing: register this workflow with the index and grant the job `permissions: id-token: write`.");
    }

    /** The package index the command publishes to, or null when it does not publish. */
    private static String index(SimpleCommand command) {
        String name = command.commandName();
        List<String> args = words(command, Integer.MAX_VALUE);
        args = args.isEmpty() ? args : args.subList(1, args.size());
        if (name == null) {
            return null;
        }
        boolean dryRun = args.contains("--dry-run") || args.contains("-n") && name.equals("cargo");
        if (name.equals("twine") || name.matches("python[0-9.]*") && args.contains("-m") && args.contains("twine")
                || name.equals("uvx") && args.stream().anyMatch(a -> a.startsWith("twine"))
                || name.equals("pipx") && args.contains("run") && args.stream().anyMatch(a -> a.startsWith("twine"))) {
            return args.contains("upload") && pypiRepository(args) ? "PyPI" : null;
        }
        return switch (name) {
            case "uv" -> args.contains("publish") && !dryRun && pypiRepository(args) ? "PyPI" : null;
            case "hatch", "pdm" -> args.contains("publish") && pypiRepository(args) ? "PyPI" : null;
            case "cargo" -> args.contains("publish") && !dryRun && !args.contains("--registry") ? "crates.io" : null;
            case "npm", "pnpm", "bun" -> args.contains("publish") && !dryRun && !args.contains("--registry") ? "npm" : null;
            case "gem" -> args.contains("push") && !args.contains("--host") ? "RubyGems" : null;
            default -> null;
        };
    }

    /** No option that sends the upload to another index than PyPI or TestPyPI. */
    private static boolean pypiRepository(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : i + 1 < args.size() ? args.get(i + 1) : "";
            if (arg.startsWith("--repository-url") || arg.startsWith("--publish-url") || arg.startsWith("--index-url")) {
                return value.toLowerCase(Locale.ROOT).contains("pypi.org");
            }
            if (arg.equals("-r") || arg.startsWith("--repository") || arg.startsWith("--index")) {
                return value.toLowerCase(Locale.ROOT).matches("(test)?pypi");
            }
        }
        return true;
    }

    /** The command's first {@code limit} words, as written where they are not literal. */
    private static List<String> words(SimpleCommand command, int limit) {
        List<String> out = new ArrayList<>();
        for (Word word : command.words()) {
            if (out.size() == limit) {
                break;
            }
            out.add(word.literalValue() == null ? word.raw() : word.literalValue());
        }
        return out;
    }

    /** The job (or, when it sets none, the workflow) grants {@code id-token: write}. */
    private static boolean idToken(RuleContext context, Job job) {
        Workflow workflow = context.model(WorkflowParser.KEY);
        YamlNode permissions = job.node().get("permissions");
        if (permissions == null && workflow != null && workflow.root() != null) {
            permissions = workflow.root().get("permissions");
        }
        if (permissions == null) {
            return false;
        }
        if (permissions.isScalar()) {
            return permissions.value().equals("write-all");
        }
        YamlNode idToken = permissions.get("id-token");
        return idToken != null && idToken.isScalar() && idToken.value().equals("write");
    }
}
