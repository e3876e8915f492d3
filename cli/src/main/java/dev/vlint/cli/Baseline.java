package dev.vlint.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vlint.report.LineHashes;
import dev.vlint.rule.Finding;
import dev.vlint.source.SourceFile;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings of an earlier SARIF report ({@code --baseline}), so a run can show only new ones.
 * A finding matches an old result with the same rule, path and line hash. The line hash is
 * computed from the line's content and what follows it, not its number, so a finding whose line
 * moved still matches; several findings on identical lines match as many old results as there
 * are, and the ones beyond that count are new.
 */
final class Baseline {
    private static final String LINE_HASH = "primaryLocationLineHash";

    private record Key(String ruleId, String path, String lineHash) {}

    private final Map<Key, Integer> counts;

    private Baseline(Map<Key, Integer> counts) {
        this.counts = counts;
    }

    /** @param shown the file as the user named it, for error messages */
    static Baseline read(Path file, String shown) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UsageException("cannot read baseline " + shown + ": " + e.getMessage());
        }
        JsonNode runs;
        try {
            runs = new ObjectMapper().readTree(text).path("runs");
        } catch (JsonProcessingException e) {
            throw new UsageException("baseline " + shown + " is not JSON: " + e.getOriginalMessage());
        }
        if (!runs.isArray()) {
            throw new UsageException("baseline " + shown + " is not a SARIF report (no runs)");
        }
        Map<Key, Integer> counts = new HashMap<>();
        for (JsonNode run : runs) {
            for (JsonNode result : run.path("results")) {
                String ruleId = result.path("ruleId").asText("");
                String uri = result.at("/locations/0/physicalLocation/artifactLocation/uri").asText("");
                String hash = result.at("/partialFingerprints/" + LINE_HASH).asText("");
                if (ruleId.isEmpty() || uri.isEmpty() || hash.isEmpty()) {
                    throw new UsageException("baseline " + shown + " has a result without ruleId, location or "
                            + LINE_HASH + "; write it with vlint --format sarif");
                }
                counts.merge(new Key(ruleId, path(uri, shown), content(hash)), 1, Integer::sum);
            }
        }
        return new Baseline(counts);
    }

    /** The findings the baseline does not have, in the given order. */
    List<Finding> newFindings(List<Finding> findings) {
        Map<Key, Integer> left = new HashMap<>(counts);
        Map<SourceFile, List<String>> hashes = new HashMap<>();
        List<Finding> fresh = new ArrayList<>();
        for (Finding finding : findings) {
            List<String> lines = hashes.computeIfAbsent(finding.file(),
                    f -> LineHashes.of((f.hasBom() ? "\uFEFF" : "") + f.text()));
            Key key = new Key(finding.ruleId(), finding.file().path(), content(lines.get(finding.start().line() - 1)));
            Integer remaining = left.get(key);
            if (remaining != null && remaining > 0) {
                left.put(key, remaining - 1);
            } else {
                fresh.add(finding);
            }
        }
        return fresh;
    }

    /** The hash without its {@code :n} suffix, which counts earlier identical lines and so changes when lines move. */
    private static String content(String lineHash) {
        int colon = lineHash.lastIndexOf(':');
        return colon < 0 ? lineHash : lineHash.substring(0, colon);
    }

    private static String path(String uri, String shown) {
        try {
            return new URI(uri).getPath();
        } catch (URISyntaxException e) {
            throw new UsageException("baseline " + shown + " has an invalid artifact URI '" + uri + "'");
        }
    }
}
