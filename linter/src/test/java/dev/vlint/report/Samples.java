package dev.vlint.report;

import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.project.FileKind;
import dev.vlint.rule.Finding;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.RelatedLocation;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.List;
import java.util.Set;

/** Test-only rules and findings that exercise every part of the report formats. */
final class Samples {
    /** Has prose in test resources ({@code dev/vlint/rules/docs/XT100.md}). */
    static final RuleMeta CACHE = new RuleMeta("XT100", "test-cache-mount", Severity.ERROR,
            "Cache mount without a platform id", Fixability.SAFE, Set.of(FileKind.DOCKERFILE), List.of("docker", "buildkit"));
    /** Default level warning, the level java-sarif would leave out. */
    static final RuleMeta CLEANUP = new RuleMeta("XT200", "test-cleanup", Severity.WARNING,
            "Cleanup in a later layer.", Fixability.NONE, Set.of(FileKind.DOCKERFILE, FileKind.SHELL), List.of());
    static final RuleMeta SECRET = new RuleMeta("XT300", "test-secret", Severity.NOTE,
            "Secret in a build argument", Fixability.NONE, Set.of(FileKind.DOCKERFILE), List.of("security"),
            List.of("DL9300", "SecretsUsedInArgOrEnv"));

    static final SourceFile DOCKERFILE = SourceFile.of("docker/Dockerfile",
            "FROM ubuntu:24.04\n"
                    + "RUN --mount=type=cache,target=/build make\n"
                    + "\tRUN rm -rf /opt/hpcx # 清理\n"
                    + "ARG TOKEN=abc\n");
    static final SourceFile SCRIPT = SourceFile.of("scripts/build,v1.sh", "#!/bin/sh\nrm -rf /opt/hpcx\n");

    private Samples() {}

    static TextRange find(SourceFile file, String text) {
        int start = file.text().indexOf(text);
        if (start < 0) {
            throw new IllegalArgumentException(text + " not in " + file.path());
        }
        return new TextRange(start, start + text.length());
    }

    static Finding cacheFinding() {
        TextRange mount = find(DOCKERFILE, "--mount=type=cache,target=/build");
        int insertAt = find(DOCKERFILE, "target=/build").start();
        Fix fix = Fix.safe("Add id=build-${TARGETARCH}", Edit.insert(insertAt, "id=build-${TARGETARCH},"),
                Edit.insert(find(DOCKERFILE, "RUN --mount").start(), "ARG TARGETARCH\n"));
        TextRange from = find(DOCKERFILE, "FROM ubuntu:24.04");
        return new Finding("XT100", Severity.ERROR, "Cache mount /build has no id", DOCKERFILE, mount,
                List.of(new RelatedLocation(DOCKERFILE, from, "the stage starts here")), List.of(fix), null);
    }

    static Finding cleanupFinding() {
        return new Finding("XT200", Severity.WARNING, "rm -rf of /opt/hpcx in its own layer: it does not shrink the image",
                DOCKERFILE, find(DOCKERFILE, "/opt/hpcx"));
    }

    static Finding suppressedFinding() {
        return new Finding("XT200", Severity.WARNING, "rm -rf in a script", SCRIPT, find(SCRIPT, "rm -rf /opt/hpcx"))
                .withSuppression("the image is rebuilt anyway");
    }

    static Finding secretFinding() {
        return new Finding("XT300", Severity.NOTE, "TOKEN has a default value", DOCKERFILE, find(DOCKERFILE, "TOKEN=abc\n"));
    }

    static RunResult run(List<Finding> findings) {
        return new RunResult(findings, List.of(CACHE, CLEANUP, SECRET), "0.1.0");
    }

    static RunResult full() {
        return run(List.of(cacheFinding(), cleanupFinding(), secretFinding(), suppressedFinding()));
    }
}
