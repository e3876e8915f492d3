package dev.vlint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.rule.Finding;
import dev.vlint.rule.RelatedLocation;
import dev.vlint.source.TextRange;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * A JSON array with one object per finding, suppressed ones included, with keys in a fixed order:
 * {@code rule, severity, message, path, line, column, endLine, endColumn, offset, endOffset,
 * related, fixes, suppressed} and {@code justification} for suppressed findings. Lines and columns
 * are 1-based (UTF-16 columns), ends and offsets exclusive; a finding's range that ends with a
 * line break ends on the line it underlines, while edit ranges are exact (offsets count UTF-16 units of the text
 * without a byte order mark).
 */
public final class JsonReporter implements Reporter {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public void write(RunResult result, Writer out) throws IOException {
        ArrayNode array = MAPPER.createArrayNode();
        for (Finding finding : result.findings()) {
            array.add(toJson(finding));
        }
        MAPPER.writeValue(out, array);
        out.write("\n");
        out.flush();
    }

    private static ObjectNode toJson(Finding finding) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("rule", finding.ruleId());
        node.put("severity", finding.severity().label());
        node.put("message", finding.message());
        node.put("path", finding.file().path());
        putRange(node, Span.of(finding.file(), finding.range()), finding.range());
        ArrayNode related = node.putArray("related");
        for (RelatedLocation location : finding.related()) {
            ObjectNode item = related.addObject();
            item.put("path", location.file().path());
            putRange(item, Span.of(location.file(), location.range()), location.range());
            item.put("message", location.message());
        }
        ArrayNode fixes = node.putArray("fixes");
        for (Fix fix : finding.fixes()) {
            ObjectNode item = fixes.addObject();
            item.put("title", fix.title());
            item.put("applicability", fix.applicability().name().toLowerCase(Locale.ROOT));
            ArrayNode edits = item.putArray("edits");
            for (Edit edit : fix.edits()) {
                ObjectNode e = edits.addObject();
                putRange(e, Span.exact(finding.file(), edit.range()), edit.range());
                e.put("replacement", edit.replacement());
            }
        }
        node.put("suppressed", finding.suppressed());
        if (finding.suppressed()) {
            node.put("justification", finding.suppression());
        }
        return node;
    }

    private static void putRange(ObjectNode node, Span span, TextRange range) {
        node.put("line", span.startLine());
        node.put("column", span.startColumn());
        node.put("endLine", span.endLine());
        node.put("endColumn", span.endColumn());
        node.put("offset", range.start());
        node.put("endOffset", range.end());
    }
}
