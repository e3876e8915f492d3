package dev.vlint.shell;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.vlint.project.Parsed;
import dev.vlint.source.MappedText;
import dev.vlint.source.Position;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.List;

final class ShellTestSupport {
    private ShellTestSupport() {}

    /** Parses a whole file as a script. */
    static Parsed<ShellScript> parseFile(SourceFile file) {
        return ShellParser.parse(MappedText.slice(file, new TextRange(0, file.text().length())));
    }

    static ShellScript script(String text) {
        Parsed<ShellScript> parsed = parseFile(SourceFile.of("t.sh", text));
        assertNotNull(parsed.model());
        return parsed.model();
    }

    /** Logical text made of the given file ranges, as a Dockerfile or YAML parser would join them. */
    static MappedText join(SourceFile file, List<TextRange> pieces) {
        MappedText.Builder builder = new MappedText.Builder();
        for (TextRange piece : pieces) {
            builder.append(file, piece);
        }
        return builder.build(pieces.get(pieces.size() - 1).end());
    }

    static Position start(SourceFile file, TextRange range) {
        return file.position(range.start());
    }

    static Position end(SourceFile file, TextRange range) {
        return file.position(range.end());
    }

    /** The first command with this literal name. */
    static SimpleCommand command(ShellScript script, String name) {
        return script.commands().stream().filter(c -> name.equals(c.commandName())).findFirst()
                .orElseThrow(() -> new AssertionError("no command " + name));
    }

    static List<String> names(ShellScript script) {
        return script.commands().stream().map(c -> String.valueOf(c.commandName())).toList();
    }
}
