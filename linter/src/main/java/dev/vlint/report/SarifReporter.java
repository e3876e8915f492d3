package dev.vlint.report;

import com.contrastsecurity.sarif.ArtifactChange;
import com.contrastsecurity.sarif.ArtifactContent;
import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.Replacement;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.RunAutomationDetails;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vlint.docs.RuleDocs;
import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.rule.Finding;
import dev.vlint.rule.RelatedLocation;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.source.SourceFile;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SARIF 2.1.0 for GitHub code scanning and other viewers: one run whose driver lists every rule
 * of the run (in the given order, so {@code ruleIndex} points into it), and one result per finding
 * with an explicit {@code level}, a region, GitHub's {@code primaryLocationLineHash}, the text of
 * the finding's line (property {@value #LINE_TEXT}, which {@code --baseline} matches on), related
 * locations, fixes, and {@code suppressions} for suppressed findings. Artifact URIs are relative
 * to the lint root under {@code uriBaseId %SRCROOT%}; columns count UTF-16 code units.
 */
public final class SarifReporter implements Reporter {
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String INFORMATION_URI = "https://github.com/vlint/vlint";
    static final String SRCROOT = "%SRCROOT%";
    /** Result property: the first line of the finding, trimmed; stable when other lines change. */
    public static final String LINE_TEXT = "vlint/lineText";
    private static final int DESCRIPTION_LIMIT = 1024;

    /**
     * java-sarif leaves out values equal to the schema default ({@code level: warning}); a result
     * without a level would inherit its rule's default instead, so both levels are always written.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .addMixIn(Result.class, ExplicitResultLevel.class)
            .addMixIn(ReportingConfiguration.class, ExplicitConfigurationLevel.class)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final String category;

    /** @param category the analysis category ({@code --category}), or null */
    public SarifReporter(String category) {
        this.category = category;
    }

    @Override
    public void write(RunResult result, Writer out) throws IOException {
        MAPPER.writeValue(out, log(result));
        out.write("\n");
        out.flush();
    }

    /** The SARIF document as java-sarif objects. */
    SarifSchema210 log(RunResult result) {
        Map<String, Integer> ruleIndex = new HashMap<>();
        Set<ReportingDescriptor> descriptors = new LinkedHashSet<>();
        for (RuleMeta meta : result.rules()) {
            ruleIndex.put(meta.id(), descriptors.size());
            descriptors.add(descriptor(meta));
        }
        Map<SourceFile, List<String>> lineHashes = new HashMap<>();
        List<Result> results = new ArrayList<>();
        for (Finding finding : result.findings()) {
            Integer index = ruleIndex.get(finding.ruleId());
            if (index == null) {
                throw new IllegalArgumentException("finding of rule " + finding.ruleId() + " that the run does not list");
            }
            List<String> hashes = lineHashes.computeIfAbsent(finding.file(),
                    f -> LineHashes.of((f.hasBom() ? "\uFEFF" : "") + f.text()));
            results.add(result(finding, index, hashes));
        }
        ToolComponent driver = new ToolComponent()
                .withName("vlint")
                .withVersion(result.toolVersion())
                .withSemanticVersion(result.toolVersion())
                .withInformationUri(URI.create(INFORMATION_URI))
                .withRules(descriptors);
        Run run = new Run()
                .withTool(new Tool().withDriver(driver))
                .withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS)
                .withResults(results);
        if (category != null) {
            run.setAutomationDetails(new RunAutomationDetails().withId(category.endsWith("/") ? category : category + "/"));
        }
        return new SarifSchema210()
                .with$schema(URI.create(SCHEMA_URI))
                .withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(List.of(run));
    }

    private static ReportingDescriptor descriptor(RuleMeta meta) {
        String prose = RuleDocs.prose(meta.id()).orElse(null);
        String summary = sentence(meta.summary());
        String full = prose == null ? summary
                : RuleDocs.section(prose, "What it does").map(SarifReporter::sentence)
                        .filter(text -> text.length() <= DESCRIPTION_LIMIT).orElse(summary);
        String help = prose == null ? summary : prose.strip();
        ReportingDescriptor descriptor = new ReportingDescriptor()
                .withId(meta.id())
                .withName(meta.name())
                .withShortDescription(new MultiformatMessageString().withText(summary))
                .withFullDescription(new MultiformatMessageString().withText(full))
                .withHelp(new MultiformatMessageString().withText(help).withMarkdown(help))
                .withHelpUri(URI.create(INFORMATION_URI + "/blob/main/docs/rules/" + meta.id() + ".md"))
                .withDefaultConfiguration(new ReportingConfiguration().withLevel(configurationLevel(meta.severity())));
        if (!meta.tags().isEmpty() || !meta.aliases().isEmpty()) {
            PropertyBag properties = new PropertyBag();
            if (!meta.tags().isEmpty()) {
                properties.withTags(new LinkedHashSet<>(meta.tags()));
            }
            if (meta.tags().contains("security")) {
                properties.setAdditionalProperty("security-severity", securitySeverity(meta.severity()));
            }
            if (!meta.aliases().isEmpty()) {
                properties.setAdditionalProperty("aliases", meta.aliases());
            }
            descriptor.setProperties(properties);
        }
        return descriptor;
    }

    /** GitHub ranks security alerts by this score: 7.0 and up is high, 4.0 up medium, below low. */
    private static String securitySeverity(Severity severity) {
        return switch (severity) {
            case ERROR -> "7.5";
            case WARNING -> "5.0";
            case NOTE -> "2.0";
        };
    }

    private static Result result(Finding finding, int ruleIndex, List<String> lineHashes) {
        Span span = Span.of(finding.file(), finding.range());
        Result result = new Result()
                .withRuleId(finding.ruleId())
                .withRuleIndex(ruleIndex)
                .withLevel(resultLevel(finding.severity()))
                .withMessage(new Message().withText(sentence(finding.message())))
                .withLocations(List.of(new Location().withPhysicalLocation(physical(finding.file(), region(span)))))
                .withPartialFingerprints(new PartialFingerprints()
                        .withAdditionalProperty("primaryLocationLineHash", lineHashes.get(span.startLine() - 1)))
                .withProperties(new PropertyBag().withAdditionalProperty(LINE_TEXT,
                        finding.file().lineText(span.startLine() - 1).strip()));
        if (!finding.related().isEmpty()) {
            Set<Location> related = new LinkedHashSet<>();
            for (RelatedLocation location : finding.related()) {
                related.add(new Location()
                        .withId(related.size() + 1)
                        .withPhysicalLocation(physical(location.file(), region(Span.of(location.file(), location.range()))))
                        .withMessage(new Message().withText(sentence(location.message()))));
            }
            result.setRelatedLocations(related);
        }
        if (!finding.fixes().isEmpty()) {
            Set<com.contrastsecurity.sarif.Fix> fixes = new LinkedHashSet<>();
            for (Fix fix : finding.fixes()) {
                fixes.add(fix(finding.file(), fix));
            }
            result.setFixes(fixes);
        }
        if (finding.suppressed()) {
            Suppression suppression = new Suppression().withKind(Suppression.Kind.IN_SOURCE);
            if (!finding.suppression().isBlank()) {
                suppression.setJustification(finding.suppression());
            }
            result.setSuppressions(Set.of(suppression));
        }
        return result;
    }

    private static com.contrastsecurity.sarif.Fix fix(SourceFile file, Fix fix) {
        List<Replacement> replacements = new ArrayList<>();
        for (Edit edit : fix.edits()) {
            Replacement replacement = new Replacement().withDeletedRegion(region(Span.exact(file, edit.range())));
            if (!edit.replacement().isEmpty()) {
                replacement.setInsertedContent(new ArtifactContent().withText(edit.replacement()));
            }
            replacements.add(replacement);
        }
        return new com.contrastsecurity.sarif.Fix()
                .withDescription(new Message().withText(sentence(fix.title())))
                .withArtifactChanges(Set.of(new ArtifactChange()
                        .withArtifactLocation(artifact(file))
                        .withReplacements(replacements)));
    }

    private static PhysicalLocation physical(SourceFile file, Region region) {
        return new PhysicalLocation().withArtifactLocation(artifact(file)).withRegion(region);
    }

    private static ArtifactLocation artifact(SourceFile file) {
        return new ArtifactLocation().withUri(uri(file.path())).withUriBaseId(SRCROOT);
    }

    private static Region region(Span span) {
        return new Region()
                .withStartLine(span.startLine())
                .withStartColumn(span.startColumn())
                .withEndLine(span.endLine())
                .withEndColumn(span.endColumn());
    }

    /** A relative URI reference for a root-relative path; a colon is escaped so it cannot read as a scheme. */
    static String uri(String path) {
        try {
            return new URI(null, null, path, null).toASCIIString().replace(":", "%3A");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("path " + path + " cannot be a URI", e);
        }
    }

    /** SARIF viewers expect messages to be sentences that end with a period. */
    static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".") || trimmed.endsWith("!") || trimmed.endsWith("?") ? trimmed : trimmed + ".";
    }

    private static Result.Level resultLevel(Severity severity) {
        return switch (severity) {
            case ERROR -> Result.Level.ERROR;
            case WARNING -> Result.Level.WARNING;
            case NOTE -> Result.Level.NOTE;
        };
    }

    private static ReportingConfiguration.Level configurationLevel(Severity severity) {
        return switch (severity) {
            case ERROR -> ReportingConfiguration.Level.ERROR;
            case WARNING -> ReportingConfiguration.Level.WARNING;
            case NOTE -> ReportingConfiguration.Level.NOTE;
        };
    }

    /** Jackson mix-in: writes {@code result.level} even when it equals the schema default. */
    private abstract static class ExplicitResultLevel {
        @JsonInclude(JsonInclude.Include.ALWAYS)
        private Result.Level level;
    }

    /** Jackson mix-in: writes {@code defaultConfiguration.level} even when it equals the schema default. */
    private abstract static class ExplicitConfigurationLevel {
        @JsonInclude(JsonInclude.Include.ALWAYS)
        private ReportingConfiguration.Level level;
    }
}
