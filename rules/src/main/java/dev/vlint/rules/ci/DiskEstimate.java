package dev.vlint.rules.ci;

import dev.vlint.buildmodel.BuildInvocation;
import dev.vlint.buildmodel.BuildJob;
import dev.vlint.buildmodel.BuildModel;
import dev.vlint.buildmodel.ImagePull;
import dev.vlint.buildmodel.JobStep;
import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Stage;
import dev.vlint.kb.BaseImages;
import dev.vlint.kb.KnowledgeBase;
import dev.vlint.kb.Runners;
import dev.vlint.project.Project;
import dev.vlint.project.ProjectFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Peak disk a job needs for the images it pulls, builds on and packs (sizes from the knowledge
 * base; images of unknown size count as nothing), against the runner's free disk plus what the
 * job's enabled cleanup steps free.
 */
final class DiskEstimate {
    /** One image for one platform: unpacked layers, the compressed download held while pulling, the packed copy. */
    record Row(String image, String platform, double unpackedGb, boolean unpackedEstimated, double downloadGb,
            double packedGb) {
        double totalGb() {
            return unpackedGb + downloadGb + packedGb;
        }
    }

    private final Runners.Runner runner;
    private final List<Row> rows;
    private final double freedGb;
    private final List<String> cleanups;

    private DiskEstimate(Runners.Runner runner, List<Row> rows, double freedGb, List<String> cleanups) {
        this.runner = runner;
        this.rows = List.copyOf(rows);
        this.freedGb = freedGb;
        this.cleanups = List.copyOf(cleanups);
    }

    /** The estimate for a job, or empty when its runner is not a known hosted one. */
    static Optional<DiskEstimate> of(Project project, BuildJob job) {
        Runners runners = KnowledgeBase.bundled().runners();
        Runners.Runner runner = job.runnerLabels().stream().map(runners::runner).flatMap(Optional::stream)
                .findFirst().orElse(null);
        if (runner == null) {
            return Optional.empty();
        }
        String nativePlatform = runner.arch().equals("arm64") ? "linux/arm64" : "linux/amd64";
        boolean packs = job.steps().stream().anyMatch(s -> s.enabled() && s.kinds().contains(JobStep.Kind.PACK));
        Map<String, Row> rows = new LinkedHashMap<>();
        for (JobStep step : job.steps()) {
            if (!step.enabled()) {
                continue;
            }
            for (ImagePull pull : step.pulls()) {
                addRows(rows, pull.image(), pull.platforms(), nativePlatform, packs);
            }
        }
        for (BuildInvocation build : BuildModel.of(project).buildsIn(job)) {
            String base = baseImage(project, build);
            if (base != null && build.platformsKnown()) {
                addRows(rows, base, build.platforms(), nativePlatform, packs);
            }
        }
        double freed = 0;
        List<String> cleanups = new ArrayList<>();
        Set<String> removed = new LinkedHashSet<>();
        boolean cleanupStep = false;
        for (JobStep step : job.steps()) {
            if (!step.kinds().contains(JobStep.Kind.DISK_CLEANUP)) {
                continue;
            }
            cleanupStep = true;
            if (!step.enabled()) {
                continue;
            }
            Optional<Runners.CleanupAction> action = step.action() == null ? Optional.empty()
                    : runners.cleanupAction(step.action());
            if (action.isPresent()) {
                double gb = Runners.freedGb(action.get(), step.with());
                freed += gb;
                cleanups.add(step.action() + " (" + gb(gb) + ")");
            }
            for (String path : step.removedPaths()) {
                Optional<Runners.CleanupPath> known = runners.cleanupPath(path);
                if (known.isPresent() && removed.add(known.get().path())) {
                    freed += known.get().gb();
                    cleanups.add("rm " + known.get().path() + " (" + gb(known.get().gb()) + ")");
                }
            }
        }
        if (!cleanupStep && "true".equalsIgnoreCase(String.valueOf(job.env().get("FREE_DISK_SPACE")).trim())) {
            // The setting drives a jlumbroso/free-disk-space step in a shared workflow or script.
            Optional<Runners.CleanupAction> action = runners.cleanupAction("jlumbroso/free-disk-space");
            if (action.isPresent()) {
                freed += action.get().totalGb();
                cleanups.add("FREE_DISK_SPACE (" + gb(action.get().totalGb()) + ")");
            }
        }
        return Optional.of(new DiskEstimate(runner, new ArrayList<>(rows.values()), freed, cleanups));
    }

    private static void addRows(Map<String, Row> rows, String image, Set<String> platforms, String nativePlatform,
            boolean packs) {
        Optional<BaseImages.ImageFacts> facts = KnowledgeBase.bundled().images().resolve(image);
        if (facts.isEmpty()) {
            return;
        }
        for (String platform : platforms.isEmpty() ? Set.of(nativePlatform) : platforms) {
            Optional<BaseImages.Size> size = facts.get().size(platform);
            if (size.isEmpty()) {
                continue;
            }
            double compressed = size.get().compressedGb().orElse(0);
            rows.putIfAbsent(image + " " + platform, new Row(image, platform, size.get().uncompressedOrEstimate(),
                    size.get().uncompressedIsEstimate(), compressed, packs ? compressed : 0));
        }
    }

    /** The image the built stage starts from, following {@code FROM <stage>} back to a real image. */
    private static String baseImage(Project project, BuildInvocation build) {
        ProjectFile file = project.file(build.dockerfile());
        Dockerfile dockerfile = file == null ? null : file.model(DockerfileParser.KEY);
        if (dockerfile == null || dockerfile.stages().isEmpty()) {
            return null;
        }
        Stage stage = build.target() == null ? null : dockerfile.stage(build.target()).orElse(null);
        stage = stage == null ? dockerfile.stages().get(dockerfile.stages().size() - 1) : stage;
        while (stage.baseStage() >= 0 && stage.baseStage() < stage.index()) {
            stage = dockerfile.stages().get(stage.baseStage());
        }
        return stage.expandedBaseImage();
    }

    Runners.Runner runner() {
        return runner;
    }

    List<Row> rows() {
        return rows;
    }

    double neededGb() {
        return rows.stream().mapToDouble(Row::totalGb).sum();
    }

    /** What the job can count on: the runner's documented free space plus what its cleanup frees. */
    double availableGb() {
        return runner.freeGb() + freedGb;
    }

    /** The most the job may find: the largest free space measured on the runner plus its cleanup, if known. */
    OptionalDouble largestAvailableGb() {
        return runner.maxFreeGb().isPresent() ? OptionalDouble.of(runner.maxFreeGb().getAsDouble() + freedGb)
                : OptionalDouble.empty();
    }

    double freedGb() {
        return freedGb;
    }

    /** Whether some image size is an estimate rather than a known number. */
    boolean estimated() {
        return rows.stream().anyMatch(Row::unpackedEstimated);
    }

    /** The estimate as aligned lines: one per image and platform, then the total against what is free. */
    String table() {
        int width = Math.max(5, rows.stream().mapToInt(r -> r.image().length()).max().orElse(0));
        StringBuilder out = new StringBuilder();
        String format = "  %-" + width + "s  %-12s %10s %10s %10s%n";
        out.append(String.format(Locale.ROOT, format, "image", "platform", "unpacked", "download", "packed"));
        boolean estimated = false;
        for (Row row : rows) {
            estimated |= row.unpackedEstimated();
            out.append(String.format(Locale.ROOT, format, row.image(), row.platform(),
                    gb(row.unpackedGb()) + (row.unpackedEstimated() ? "*" : ""), gb(row.downloadGb()),
                    gb(row.packedGb())));
        }
        out.append(String.format(Locale.ROOT, "  total %s needed, %s available on %s (%s guaranteed free%s%s)",
                gb(neededGb()), gb(availableGb()), runner.label(), gb(runner.freeGb()),
                runner.maxFreeGb().isPresent() ? ", up to " + gb(runner.maxFreeGb().getAsDouble()) + " measured" : "",
                cleanups.isEmpty() ? ", no cleanup step runs" : " + " + String.join(" + ", cleanups)));
        if (estimated) {
            out.append(String.format(Locale.ROOT, "%n  * estimated as %.1f x the compressed size",
                    BaseImages.UNCOMPRESSED_FACTOR));
        }
        return out.toString();
    }

    static String gb(double value) {
        return String.format(Locale.ROOT, "%.1f GB", value);
    }
}
