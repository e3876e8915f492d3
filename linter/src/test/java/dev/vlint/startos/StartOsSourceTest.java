package dev.vlint.startos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.project.Parsed;
import dev.vlint.source.Position;
import dev.vlint.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartOsSourceTest {
    private static Parsed<StartOsSource> parse(String text) {
        return StartOsSource.parse(SourceFile.of("startos/versions/current.ts", text));
    }

    @Test
    void findsVersionInfoVersionWithTheRangeInsideTheQuotes() {
        String text = """
                import { VersionInfo, IMPOSSIBLE } from '@start9labs/start-sdk'

                // vlint: ignore[VL300]
                export const current = VersionInfo.of({
                  /* the version */ version: '0.21.1-rc0:0',
                  releaseNotes: { en_US: `Built ${new Date()} with version: '9:9'` },
                  migrations: { up: async ({ effects }) => { const version = '1:1'; }, down: IMPOSSIBLE },
                })
                """;
        Parsed<StartOsSource> parsed = parse(text);
        assertEquals(List.of(), parsed.problems());
        List<VersionField> fields = parsed.model().versionFields();
        assertEquals(1, fields.size(), fields::toString);
        VersionField field = fields.get(0);
        assertEquals(VersionField.Kind.VERSION_INFO, field.kind());
        assertEquals("0.21.1-rc0:0", field.value());
        SourceFile file = SourceFile.of("x.ts", text);
        assertEquals("0.21.1-rc0:0", file.slice(field.range()));
        assertEquals(new Position(5, 31), file.position(field.range().start()));

        List<TsComment> comments = parsed.model().comments();
        assertEquals(2, comments.size());
        assertEquals(" vlint: ignore[VL300]", comments.get(0).text());
        assertFalse(comments.get(0).block());
        assertEquals(" the version ", comments.get(1).text());
        assertTrue(comments.get(1).block());
    }

    @Test
    void findsManifestVersionsInBothForms() {
        String text = """
                export const manifest = setupManifest({ id: 'vllm', "version": "#nvidia:0.20.0:0.1", nested: { version: 'no' } })
                export const manifest = { title: "x", version: `1.0:0` }
                VersionInfo.of({version: "2-beta.123:0"})
                const manifest: sdk.Manifest<X> = { version: '3:0' }
                const other = { version: '4:0' }
                """;
        List<VersionField> fields = parse(text).model().versionFields();
        assertEquals(List.of("#nvidia:0.20.0:0.1", "1.0:0", "2-beta.123:0", "3:0"), fields.stream().map(VersionField::value).toList());
        assertEquals(List.of(VersionField.Kind.MANIFEST, VersionField.Kind.MANIFEST, VersionField.Kind.VERSION_INFO,
                        VersionField.Kind.MANIFEST),
                fields.stream().map(VersionField::kind).toList());
    }

    @Test
    void regexAndDivisionDoNotDerailTheTokenizer() {
        String text = "const r = /'[\\/]`/g; const d = a / b / c; const q = (x) / 2;\nVersionInfo.of({ version: '1:0' })\n";
        Parsed<StartOsSource> parsed = parse(text);
        assertEquals(List.of(), parsed.problems());
        assertEquals("1:0", parsed.model().versionFields().get(0).value());
        List<TsToken> regexes = parsed.model().tokens().stream().filter(t -> t.kind() == TsToken.Kind.REGEX).toList();
        assertEquals(List.of("/'[\\/]`/g"), regexes.stream().map(TsToken::text).toList());
    }

    @Test
    void tokensCarryKindsAndRanges() {
        String text = "let s = 'a\\'b' + `t${ {a: `in${1}`}.a }` + 0x1F + 1.5e-3; // end";
        TsTokenizer.Result result = TsTokenizer.tokenize(text);
        List<String> texts = result.tokens().stream().map(TsToken::text).toList();
        assertEquals(List.of("let", "s", "=", "'a\\'b'", "+", "`t${ {a: `in${1}`}.a }`", "+", "0x1F", "+", "1.5e-3", ";"),
                texts);
        for (TsToken t : result.tokens()) {
            assertEquals(t.text(), text.substring(t.range().start(), t.range().end()));
        }
        assertEquals(" end", result.comments().get(0).text());
    }

    @Test
    void unterminatedLiteralsAreProblems() {
        Parsed<StartOsSource> parsed = parse("const a = 'open\nconst b = `x\n/* never closed");
        assertEquals(List.of("unterminated string literal", "unterminated template literal"),
                parsed.problems().stream().map(p -> p.message()).toList());
        assertEquals(10, parsed.problems().get(0).range().start());
    }
}
