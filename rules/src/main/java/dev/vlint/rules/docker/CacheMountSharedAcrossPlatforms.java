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
import dev.vlint.kb.KnowledgeBase;
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
import java.util.Locale;
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
        for (Stage stage : dockerfile.stages()) {
            for (Instruction run : stage.instructions()) {
                if (run.is("RUN")) {
                    checkRun(context, stage, run, multi);
                }
            }
        }
    }

    private void checkRun(RuleContext context, Stage stage, Instruction run, List<BuildInvocation> multi) {
        boolean argInserted = false;
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
                edits.add(Edit.insert(mount.endOffset(), ",id=" + cacheName(key) + "-${TARGETARCH}"));
                undeclared.add("TARGETARCH");
            }
            undeclared.removeIf(name -> stage.isArgDeclaredBefore(name, run));
            if (!argInserted) {
                for (String arg : undeclared) {
                    edits.add(argLine(context.file().source(), run, arg));
                }
                argInserted = true;
            }
            report(context, range, problem, multi, edits);
        }
    }

    private static void report(RuleContext context, TextRange range, String problem, List<BuildInvocation> multi,
            List<Edit> edits) {
        Fix[] fix = edits.isEmpty() ? new Fix[0]
                : new Fix[] {Fix.safe("Key the cache by target platform", edits.toArray(Edit[]::new))};
        if (multi.isEmpty()) {
            context.report(Severity.WARNING, range, capitalize(problem) + ". No build of this Dockerfile with known"
                    + " platforms was found; if it is built for several platforms on one builder, their builds"
                    + " share this build state and clobber each other (e.g. a checkout at another platform's commit)."
                    + " Make the id vary with ${TARGETARCH}.", fix);
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

    private static boolean isPackageCache(Stage stage, Instruction run, String target) {
        var caches = KnowledgeBase.bundled().packageCaches();
        return caches.isPlatformKeyedPackageCache(target)
                || caches.isPlatformKeyedPackageCache(stage.scopeAt(run).expand(target));
    }

    private static Set<String> platformArgs(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLATFORM_ARG.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** {@code ARG name} on its own line before the RUN, indented like it, with the file's line break. */
    private static Edit argLine(SourceFile source, Instruction run, String name) {
        int line = source.lineIndex(run.keywordRange().start());
        int lineStart = source.lineStart(line);
        String indent = source.text().substring(lineStart, run.keywordRange().start());
        if (!indent.isBlank()) {
            indent = "";
        }
        return Edit.insert(lineStart, indent + "ARG " + name + source.lineBreak());
    }

    /** "deps" for "/vllm-workspace/.deps": the target's last segment as a cache name. */
    static String cacheName(String target) {
        String path = target.replaceAll("/+$", "");
        String last = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_.-]+", "-").replaceAll("^[.-]+", "");
        return last.isEmpty() ? "cache" : last;
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
