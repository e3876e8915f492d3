package dev.vlint.rules.docker;

import dev.vlint.buildmodel.BuildInvocation;
import dev.vlint.buildmodel.BuildModel;
import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.MountOption;
import dev.vlint.dockerfile.RunMount;
import dev.vlint.dockerfile.Stage;
import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.dockerfile.Scope;
import dev.vlint.kb.KnowledgeBase;
import dev.vlint.kb.PackageCaches;
import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.RelatedLocation;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VL101: a cache mount holding build state whose id does not vary with the target platform, in a
 * Dockerfile built (or possibly built) for several platforms on one builder.
 */
public final class CacheMountSharedAcrossPlatforms implements Rule {
    private static final RuleMeta META = new RuleMeta("VL101", "cache-mount-shared-across-platforms", Severity.ERROR,
            "A RUN --mount=type=cache that holds build state has no id that varies with the target platform,"
                    + " so builds for different platforms share and clobber it.",
            Fixability.SAFE, EnumSet.of(FileKind.DOCKERFILE), List.of("docker", "multi-platform", "correctness"));
    private static final Pattern PLATFORM_ARG = Pattern.compile("\\$\\{?(TARGETARCH|TARGETPLATFORM)\\b");
    /** Signs that a Dockerfile is written for several platforms. */
    private static final Pattern PLATFORM_INTENT =
            Pattern.compile("\\b(TARGETARCH|TARGETPLATFORM|TARGETOS|TARGETVARIANT|BUILDPLATFORM)\\b");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext context) {
        Dockerfile dockerfile = context.model(DockerfileParser.KEY);
        if (dockerfile == null) {
            return;
        }
        List<BuildInvocation> builds = BuildModel.of(context.project()).buildsOf(context.file().path());
        List<BuildInvocation> multi = builds.stream().filter(BuildInvocation::multiPlatform).toList();
        boolean unknown = builds.isEmpty() || builds.stream().anyMatch(b -> !b.platformsKnown());
        if (multi.isEmpty() && !unknown) {
            return;
        }
        boolean intent = multi.isEmpty() && PLATFORM_INTENT.matcher(context.file().source().text()).find();
        for (Stage stage : dockerfile.stages()) {
            for (Instruction run : stage.instructions()) {
                if (run.is("RUN")) {
                    checkRun(context, stage, run, multi, intent);
                }
            }
        }
    }

    private void checkRun(RuleContext context, Stage stage, Instruction run, List<BuildInvocation> multi,
            boolean intent) {
        for (RunMount mount : run.mounts()) {
            Optional<String> target = mount.target();
            if (!mount.type().equals("cache") || target.isEmpty() || isPackageCache(stage, run, target.get())) {
                continue;
            }
            Optional<MountOption> id = mount.option("id");
            String key = id.map(MountOption::value).orElse(target.get());
            Set<String> referenced = platformArgs(key);
            Set<String> undeclared = new TreeSet<>();
            referenced.stream().filter(name -> !stage.isArgDeclaredBefore(name, run)).forEach(undeclared::add);
            if (!referenced.isEmpty() && undeclared.isEmpty()) {
                continue;
            }
            List<Edit> edits = new ArrayList<>();
            String problem;
            TextRange range;
            if (!referenced.isEmpty()) {
                // The id (or target) names the platform, but the ARG is missing: declaring it is the repair.
                String arg = undeclared.iterator().next();
                problem = (id.isPresent() ? "the cache id `" + key + "`" : "the cache target `" + key + "`")
                        + " uses $" + arg + ", but " + stageName(stage) + " does not declare `ARG " + arg
                        + "` before this RUN, so it expands to nothing and every platform gets the same cache";
                range = id.map(MountOption::valueRange).orElse(mount.flag().valueRange().orElseThrow());
            } else if (id.isPresent()) {
                problem = "the cache id `" + key + "` is the same for every target platform";
                range = id.get().valueRange();
                edits.add(new Edit(id.get().valueRange(), key + "-${TARGETARCH}"));
                undeclared.add("TARGETARCH");
            } else {
                problem = "the cache mount at `" + key + "` has no id, so BuildKit keys it by its target path"
                        + " and every target platform gets the same cache";
                range = mount.flag().valueRange().orElseThrow();
                edits.add(Edit.insert(mount.endOffset(), ",id=" + defaultId(key) + "-${TARGETARCH}"));
                undeclared.add("TARGETARCH");
            }
            undeclared.removeIf(name -> stage.isArgDeclaredBefore(name, run));
            for (String arg : undeclared) {
                edits.add(argLine(context.file().source(), stage, run, arg));
            }
            report(context, range, problem, multi, intent, edits);
        }
    }

    /** @param intent whether the Dockerfile uses the platform ARGs, so it is written for several platforms */
    private static void report(RuleContext context, TextRange range, String problem, List<BuildInvocation> multi,
            boolean intent, List<Edit> edits) {
        // A new id is a new cache: BuildKit starts it empty and keeps the old one until it is pruned.
        Fix[] fix = edits.isEmpty() ? new Fix[0]
                : new Fix[] {Fix.safe("Key the cache by target platform; the new id starts an empty cache on"
                        + " each builder, and the old cache stays until pruned", edits.toArray(Edit[]::new))};
        if (multi.isEmpty()) {
            String message = capitalize(problem) + ". No build of this Dockerfile for several platforms was found"
                    + (intent ? ", though it is written for several (it uses the platform ARGs)" : "")
                    + ": built for several platforms on one builder (--platform linux/amd64,linux/arm64), the"
                    + " platforms would share this build state and clobber each other's, e.g. a checkout at"
                    + " another platform's commit. Make the id vary with ${TARGETARCH}.";
            context.report(intent ? Severity.WARNING : Severity.NOTE, range, message, fix);
            return;
        }
        BuildInvocation first = multi.get(0);
        Set<String> platforms = new TreeSet<>();
        multi.forEach(b -> platforms.addAll(b.platforms()));
        String message = capitalize(problem) + "; this Dockerfile is built for " + joinAnd(platforms) + " by "
                + first.where() + ", so each platform's build reuses and overwrites the other's build state"
                + " (e.g. a clone or object files for the wrong architecture). Make the id vary with ${TARGETARCH}.";
        List<RelatedLocation> related = new ArrayList<>();
        for (BuildInvocation build : multi) {
            related.add(new RelatedLocation(build.file(), build.range(),
                    "built for " + joinAnd(build.platforms()) + " here"));
        }
        context.report(context.finding(Severity.ERROR, range, message, related, List.of(fix)));
    }

    /**
     * A package manager's or compiler cache's own folder (knowledge base), also where a variable of
     * that tool ({@code UV_CACHE_DIR}) points in this stage: its entries are keyed by the tool.
     */
    private static boolean isPackageCache(Stage stage, Instruction run, String target) {
        PackageCaches caches = KnowledgeBase.bundled().packageCaches();
        String expanded = stage.scopeAt(run).expand(target);
        if (caches.isPlatformKeyedPackageCache(target) || caches.isPlatformKeyedPackageCache(expanded)) {
            return true;
        }
        String path = BuildSteps.resolve("/", expanded);
        // The few variables that relocate a cache, looked up in the scope: not every variable visible.
        for (PackageCaches.PackageCache tool : caches.caches()) {
            for (String name : tool.env()) {
                Optional<Scope.Variable> variable = stage.scopeAt(run).variable(name);
                if (tool.platformSafe() && variable.isPresent() && variable.get().value() != null
                        && path.equals(BuildSteps.resolve("/", variable.get().value()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> platformArgs(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLATFORM_ARG.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * {@code ARG name} on its own line before the RUN, indented like it, with the file's line break;
     * one such line serves every later RUN of the stage, so fixes of one round make it once.
     */
    private static Edit argLine(SourceFile source, Stage stage, Instruction run, String name) {
        int line = source.lineIndex(run.keywordRange().start());
        int lineStart = source.lineStart(line);
        String indent = source.text().substring(lineStart, run.keywordRange().start());
        if (!indent.isBlank()) {
            indent = "";
        }
        return Edit.declaration(lineStart, indent + "ARG " + name + source.lineBreak(),
                "ARG " + name + " in stage " + stage.index());
    }

    /**
     * The id BuildKit gives a cache mount without one: its target ("Defaults to value of target",
     * Dockerfile reference, RUN --mount=type=cache). Keeping it in the new id keeps two mounts with
     * different targets apart.
     */
    static String defaultId(String target) {
        return target.length() > 1 ? target.replaceAll("/+$", "") : target;
    }

    private static String stageName(Stage stage) {
        return stage.name() == null ? "stage " + stage.index() : "stage `" + stage.name() + "`";
    }

    static String joinAnd(Set<String> items) {
        List<String> list = List.copyOf(items);
        if (list.size() <= 1) {
            return String.join("", list);
        }
        return String.join(", ", list.subList(0, list.size() - 1)) + " and " + list.get(list.size() - 1);
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
