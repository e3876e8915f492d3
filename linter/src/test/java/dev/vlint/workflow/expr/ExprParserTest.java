package dev.vlint.workflow.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.source.MappedText;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ExprParserTest {
    private static ExprParser.Result parse(String text) {
        SourceFile file = SourceFile.of("x", text); // may drop a BOM, so lengths come from the file
        MappedText mapped = MappedText.slice(file, new TextRange(0, file.text().length()));
        return ExprParser.parse(mapped, 0, mapped.length());
    }

    /** A compact rendering of the tree, to compare shapes. */
    private static String show(Expr e) {
        if (e instanceof Expr.Literal l) {
            return l.value() instanceof String s ? "'" + s + "'" : String.valueOf(l.value());
        }
        if (e instanceof Expr.Name n) {
            return n.name();
        }
        if (e instanceof Expr.Property p) {
            return show(p.receiver()) + "." + p.name();
        }
        if (e instanceof Expr.Index i) {
            return show(i.receiver()) + "[" + show(i.index()) + "]";
        }
        if (e instanceof Expr.Filter f) {
            return show(f.receiver()) + ".*";
        }
        if (e instanceof Expr.Call c) {
            return c.name() + "(" + c.args().stream().map(ExprParserTest::show).collect(Collectors.joining(", ")) + ")";
        }
        if (e instanceof Expr.Not n) {
            return "!" + show(n.operand());
        }
        Expr.Binary b = (Expr.Binary) e;
        return "(" + show(b.left()) + " " + b.op() + " " + show(b.right()) + ")";
    }

    private static String tree(String text) {
        ExprParser.Result result = parse(text);
        assertTrue(result.ok(), text + ": " + result.error());
        return show(result.expr());
    }

    @Test
    void literalsOfEveryKind() {
        assertEquals("null", tree("null"));
        assertEquals("true", tree("true"));
        assertEquals("711.0", tree("711"));
        assertEquals("-9.2", tree("-9.2"));
        assertEquals("255.0", tree("0xff"));
        assertEquals("-0.0299", tree("-2.99e-2"));
        assertEquals("'it's'", tree("'it''s'"));
        assertEquals("'}} inside'", tree("'}} inside'"));
    }

    @Test
    void precedenceFollowsGitHubsTable() {
        assertEquals("((a == b) || ((c < 1.0) && !d))", tree("a == b || c < 1 && !d"));
        assertEquals("!(a.b == c)", tree("!(a.b == c)"));
        assertEquals("((a.b[c] != null) && format('{0}', x.y.*.z))", tree("a.b[c] != null && format('{0}', x.y.*.z)"));
    }

    @Test
    void propertyIndexAndFilterChains() {
        assertEquals("github.event.pull_request.title", tree("github.event.pull_request.title"));
        assertEquals("steps.build-image.outputs.digest", tree("steps.build-image.outputs.digest"));
        assertEquals("matrix['os']", tree("matrix['os']"));
        assertEquals("github.event.commits.*.message", tree("github.event.commits.*.message"));
        assertEquals("a.*", tree("a[*]"));
        assertEquals("contains(github.event.issue.labels.*.name, 'bug')",
                tree("contains(github.event.issue.labels.*.name, 'bug')"));
        assertEquals("fromJSON(needs.setup.outputs.matrix)", tree(" fromJSON( needs.setup.outputs.matrix ) "));
    }

    @Test
    void errorsPointAtTheOffendingToken() {
        ExprParser.Result dq = parse("github.ref == \"main\"");
        assertFalse(dq.ok());
        assertEquals(14, dq.errorRange().start());
        assertTrue(dq.error().contains("single quotes"), dq.error());

        ExprParser.Result trailing = parse("a b");
        assertEquals(2, trailing.errorRange().start());
        assertTrue(trailing.error().startsWith("unexpected 'b'"), trailing.error());

        ExprParser.Result dot = parse("github.");
        assertTrue(dot.error().contains("after '.'"), dot.error());

        ExprParser.Result empty = parse("   ");
        assertNull(empty.expr());
        ExprParser.Result call = parse("format('x' 1)");
        assertTrue(call.error().contains("arguments of format()"), call.error());
        assertEquals(parse("'open").errorRange(), new TextRange(0, 5));
    }

    @Test
    void templatesAreFoundWithFileExactRanges() {
        SourceFile file = SourceFile.of("w.yml", "run: echo ${{ github.sha }} and ${{ '}}' }} ${{ oops");
        MappedText value = MappedText.slice(file, new TextRange(5, file.text().length()));
        List<Template> templates = Template.find(value);
        assertEquals(3, templates.size());
        assertEquals("${{ github.sha }}", file.slice(templates.get(0).range()));
        assertEquals("github.sha", file.slice(templates.get(0).expr().range()));
        assertEquals("${{ '}}' }}", file.slice(templates.get(1).range()));
        assertFalse(templates.get(2).parsed().ok());
        assertEquals("${{", file.slice(templates.get(2).parsed().errorRange()));
    }

    @Property
    void neverThrows(@ForAll String text) {
        parse(text);
        SourceFile file = SourceFile.of("x", "${{" + text);
        Template.find(MappedText.slice(file, new TextRange(0, file.text().length())));
    }
}
