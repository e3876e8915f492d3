package dev.vlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vlint.rule.Finding;
import dev.vlint.rule.Severity;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class GithubReporterTest {

    private static List<String> lines(RunResult result) throws IOException {
        StringWriter out = new StringWriter();
        new GithubReporter().write(result, out);
        return out.toString().lines().toList();
    }

    @Test
    void oneCommandPerActiveFinding() throws IOException {
        assertEquals(List.of(
                "::error file=docker/Dockerfile,line=2,col=5,endLine=2,endColumn=36,title=XT100 test-cache-mount::"
                        + "Cache mount /build has no id",
                "::warning file=docker/Dockerfile,line=3,col=13,endLine=3,endColumn=21,title=XT200 test-cleanup::"
                        + "rm -rf of /opt/hpcx in its own layer: it does not shrink the image",
                "::notice file=docker/Dockerfile,line=4,col=5,endLine=4,endColumn=13,title=XT300 test-secret::"
                        + "TOKEN has a default value"),
                lines(Samples.full()));
    }

    @Test
    void propertiesAndDataAreEscaped() throws IOException {
        SourceFile file = SourceFile.of("dir,a:b/Dockerfile", "FROM a\n");
        Finding finding = new Finding("XT200", Severity.WARNING, "100% bad,\nreally: yes", file, new TextRange(0, 4));
        assertEquals(List.of("::warning file=dir%2Ca%3Ab/Dockerfile,line=1,col=1,endLine=1,endColumn=4,"
                + "title=XT200 test-cleanup::100%25 bad,%0Areally: yes"), lines(Samples.run(List.of(finding))));
    }
}
