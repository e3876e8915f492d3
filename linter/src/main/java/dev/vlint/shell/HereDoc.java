package dev.vlint.shell;

import dev.vlint.source.MappedText;
import dev.vlint.source.TextRange;

/**
 * The body of a here-document. {@code quoted} is true for {@code <<'EOF'} / {@code <<"EOF"}
 * (no expansion in the body); {@code stripTabs} for {@code <<-EOF}. The body keeps its file
 * mapping so it can be parsed again (e.g. a script fed to {@code bash <<EOF}).
 */
public record HereDoc(String delimiter, boolean quoted, boolean stripTabs, MappedText body) {
    public String text() {
        return body.text();
    }

    public TextRange bodyRange() {
        return body.fileRange(0, body.length());
    }
}
