package dev.vlint.startos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.project.Parsed;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class StartOsSourcePropertyTest {
    private static final String FIXTURE = """
            import { VersionInfo } from '@start9labs/start-sdk'
            // vlint: ignore[VL301]
            export const v = VersionInfo.of({
              version: '0.21.1-rc0:0',
              releaseNotes: `notes ${ver.replace(/-/g, '.')} done`,
              migrations: { up: async () => { const r = a / b / 2 }, down: IMPOSSIBLE },
            })
            """;

    @Property
    void arbitraryTextNeverThrows(@ForAll String text) {
        check(text);
    }

    /** Found by a random run: ranges are offsets into the text without its byte-order mark. */
    @Example
    void textStartingWithAByteOrderMarkStaysInside() {
        check("\uFEFFexport const v = VersionInfo.of({ version: '1:0' })");
    }

    @Property
    void tsLikeTextNeverThrows(@ForAll("tsLike") String text) {
        check(text);
    }

    @Property
    void truncatedFixturesNeverThrow(@ForAll @IntRange(max = 400) int cut) {
        check(FIXTURE.substring(0, Math.min(cut, FIXTURE.length())));
    }

    @Provide
    Arbitrary<String> tsLike() {
        return Arbitraries.of("VersionInfo", ".", "of", "(", "{", "}", ")", "version", ":", "'1:0'", "'", "\"", "`",
                "${", "/", "*", "//", "/*", "*/", "\\", "\n", " ", "x", "1", ",", "[", "]", "return")
                .list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    private static void check(String text) {
        SourceFile source = SourceFile.of("startos/a.ts", text);
        Parsed<StartOsSource> parsed = StartOsSource.parse(source);
        // the source's text, which drops a leading byte-order mark
        int length = source.text().length();
        parsed.problems().forEach(p -> assertInside(p.range(), length));
        for (TsToken t : parsed.model().tokens()) {
            assertInside(t.range(), length);
            assertEquals(t.text(), source.text().substring(t.range().start(), t.range().end()));
            assertInside(t.contentRange(), length);
        }
        parsed.model().comments().forEach(c -> assertInside(c.range(), length));
        parsed.model().versionFields().forEach(f -> assertInside(f.range(), length));
    }

    private static void assertInside(TextRange range, int length) {
        assertTrue(range.start() >= 0 && range.end() <= length, () -> range + " outside 0.." + length);
    }
}
