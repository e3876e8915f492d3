package dev.vlint.report;

import dev.vlint.rule.Finding;
import dev.vlint.rule.RuleMeta;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * GitHub Actions workflow commands ({@code ::error file=...,line=...::message}) that the runner
 * turns into annotations on the changed lines. Suppressed findings are left out; notes become
 * {@code ::notice}. The end column is inclusive (the last annotated column).
 */
public final class GithubReporter implements Reporter {

    @Override
    public void write(RunResult result, Writer out) throws IOException {
        Map<String, RuleMeta> rules = result.rules().stream()
                .collect(Collectors.toMap(RuleMeta::id, Function.identity(), (a, b) -> a));
        for (Finding finding : result.active()) {
            Span span = Span.of(finding.file(), finding.range());
            int lastColumn = span.endLine() == span.startLine() ? span.startColumn() : 1;
            int endColumn = Math.max(lastColumn, span.endColumn() - 1);
            RuleMeta meta = rules.get(finding.ruleId());
            String title = meta == null ? finding.ruleId() : finding.ruleId() + " " + meta.name();
            out.write("::" + command(finding) + " file=" + property(finding.file().path())
                    + ",line=" + span.startLine() + ",col=" + span.startColumn()
                    + ",endLine=" + span.endLine() + ",endColumn=" + endColumn
                    + ",title=" + property(title) + "::" + data(finding.message()) + "\n");
        }
        out.flush();
    }

    private static String command(Finding finding) {
        return switch (finding.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "notice";
        };
    }

    /** Escapes a message the way the Actions runner unescapes command data. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a property value; {@code :} and {@code ,} would otherwise end it. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
