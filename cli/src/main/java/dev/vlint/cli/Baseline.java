package dev.vlint.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vlint.report.LineHashes;
import dev.vlint.report.SarifReporter;
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
 * A finding matches an old result with the same rule, path and text of the finding's own line
 * (trimmed; vlint writes it into each result), whatever its line number and whatever changed on
 * the lines around it. Several findings of one rule on identical lines match as many old results
 * as there are: the first n new ones match the n old ones, the ones beyond that are new. An old
 * result without the line text (another tool's SARIF) is matched by GitHub's line hash instead,
 * which covers the next 100 characters and so also changes when lines after it change.
 */
final class Baseline {
    private static final String LINE_HASH = "primaryLocationLineHash";

    /** {@code line} is the line text, or for old results without one the line hash. */
    private record Key(String ruleId, String path, String line) {}

    private final Map<Key, Integer> byText;
    private final Map<Key, Integer> byHash;

    private Baseline(Map<Key, Integer> byText, Map<Key, Integer> byHash) {
        this.byText = byText;
        this.byHash = byHash;
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
        Map<Key, Integer> byText = new HashMap<>();
        Map<Key, Integer> byHash = new HashMap<>();
        for (JsonNode run : runs) {
            for (JsonNode result : run.path("results")) {
                String ruleId = result.path("ruleId").asText("");
                String uri = result.at("/locations/0/physicalLocation/artifactLocation/uri").asText("");
                String hash = result.at("/partialFingerprints/" + LINE_HASH).asText("");
                if (ruleId.isEmpty() || uri.isEmpty() || hash.isEmpty()) {
                    throw new UsageException("baseline " + shown + " has a result without ruleId, location or "
                            + LINE_HASH + "; write it with vlint --format sarif");
                }
                JsonNode lineText = result.path("properties").path(SarifReporter.LINE_TEXT);
                if (lineText.isTextual()) {
                    byText.merge(new Key(ruleId, path(uri, shown), lineText.asText()), 1, Integer::sum);
                } else {
                    byHash.merge(new Key(ruleId, path(uri, shown), content(hash)), 1, Integer::sum);
                }
            }
        }
        return new Baseline(byText, byHash);
    }

    /** The findings the baseline does not have, in the given order. */
    List<Finding> newFindings(List<Finding> findings) {
        Map<Key, Integer> textsLeft = new HashMap<>(byText);
        Map<Key, Integer> hashesLeft = new HashMap<>(byHash);
        Map<SourceFile, List<String>> hashes = new HashMap<>();
        List<Finding> fresh = new ArrayList<>();
        for (Finding finding : findings) {
            int line = finding.start().line() - 1;
            Key text = new Key(finding.ruleId(), finding.file().path(), finding.file().lineText(line).strip());
            if (take(textsLeft, text)) {
                continue;
            }
            if (!hashesLeft.isEmpty()) {
                List<String> lines = hashes.computeIfAbsent(finding.file(),
                        f -> LineHashes.of((f.hasBom() ? "\uFEFF" : "") + f.text()));
                if (take(hashesLeft, new Key(finding.ruleId(), finding.file().path(), content(lines.get(line))))) {
                    continue;
                }
            }
            fresh.add(finding);
        }
        return fresh;
    }

    /** Counts one match of {@code key} off; false when none is left. */
    private static boolean take(Map<Key, Integer> left, Key key) {
        Integer remaining = left.get(key);
        if (remaining == null || remaining == 0) {
            return false;
        }
        left.put(key, remaining - 1);
        return true;
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
