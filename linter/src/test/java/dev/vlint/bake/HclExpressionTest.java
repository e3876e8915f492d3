package dev.vlint.bake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vlint.bake.HclEvaluator.Scope;
import dev.vlint.project.ParseProblem;
import dev.vlint.project.Parsed;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The expression and template language of the HCL native syntax specification (hashicorp/hcl
 * {@code hclsyntax/spec.md}), each rule of the spec checked on an example of our own.
 */
class HclExpressionTest {
    private static final Map<String, HclValue> VARIABLES = Map.of(
            "empty", HclValue.tuple(List.of()),
            "items", HclValue.tuple(List.of(obj("id", HclValue.of("a"), "tags", HclValue.tuple(List.of(HclValue.of("t1"), HclValue.of("t2")))),
                    obj("id", HclValue.of("b"), "tags", HclValue.tuple(List.of(HclValue.of("t3")))))),
            "single", obj("id", HclValue.of("solo")),
            "nothing", HclValue.NULL,
            "k", HclValue.of("z"));

    private static HclValue obj(Object... pairs) {
        Map<String, HclValue> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (HclValue) pairs[i + 1]);
        }
        return HclValue.object(m);
    }

    /** Evaluates {@code text}, printing the value in HCL-like notation; problems make the test fail. */
    static String eval(String text) {
        Parsed<HclExpr> parsed = BakeParser.parseExpression(text);
        assertEquals(List.of(), parsed.problems().stream().map(ParseProblem::message).toList(), text);
        HclEvaluator evaluator = new HclEvaluator(new HclEvaluator.Globals() {
            @Override
            public HclValue variable(String name) {
                return VARIABLES.getOrDefault(name, HclValue.UNKNOWN);
            }

            @Override
            public HclValue callUserFunction(String name, List<HclValue> args) {
                return null;
            }

            @Override
            public HclValue blockAttribute(String type, String name, String attribute) {
                return HclValue.UNKNOWN;
            }
        });
        return show(evaluator.eval(parsed.model(), Scope.EMPTY));
    }

    static String show(HclValue v) {
        if (v instanceof HclValue.Str s) {
            return "\"" + s.value() + "\"";
        }
        if (v instanceof HclValue.Tuple t) {
            return t.items().stream().map(HclExpressionTest::show).collect(Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof HclValue.Obj o) {
            return o.attributes().entrySet().stream().map(e -> e.getKey() + " = " + show(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (v instanceof HclValue.Bool b) {
            return String.valueOf(b.value());
        }
        return v instanceof HclValue.Null ? "null" : v.isKnown() ? v.toString() : "unknown";
    }

    @Test
    void literalsAndCollections() {
        assertEquals("[1, 2.5, 1000, true, null]", eval("[1, 2.5, 1e3, true, null]"));
        assertEquals("[\"a\", \"b\"]", eval("[\n  \"a\",\n  \"b\",\n]"));
        assertEquals("{a = 1, b = \"x\"}", eval("{\n  b = \"x\"\n  a = 1\n}"));
        assertEquals("{a = 1, b = 2}", eval("{ a = 1, \"b\": 2 }"));
        assertEquals("{k = 1, z = 2}", eval("{ k = 1, (k) = 2 }"), "a bare key is a name, a parenthesized one a value");
    }

    @Test
    void operatorsFollowThePrecedenceLevels() {
        assertEquals("7", eval("1 + 2 * 3"));
        assertEquals("9", eval("(1 + 2) * 3"));
        assertEquals("4", eval("8 / 4 * 2"), "left to right within a level");
        assertEquals("-6", eval("-2 * 3"));
        assertEquals("1", eval("7 % 3"));
        assertEquals("true", eval("1 < 2 == true"));
        assertEquals("true", eval("!true || true"));
        assertEquals("true", eval("true && false || true"));
        assertEquals("false", eval("\"1\" == 1"), "equality needs the same type");
        assertEquals("true", eval("\"5\" > 3"), "comparison converts strings to numbers");
        assertEquals("unknown", eval("1 / 0"));
    }

    @Test
    void conditionalsEvaluateOnlyTheChosenResult() {
        assertEquals("\"none\"", eval("length(empty) > 0 ? empty[0] : \"none\""));
        assertEquals("\"yes\"", eval("true ? \"yes\" : 1 / 0"));
        assertEquals("unknown", eval("undefined ? 1 : 2"));
    }

    @Test
    void forExpressions() {
        assertEquals("[\"X\", \"Y\"]", eval("[for v in [\"x\", \"y\"]: upper(v)]"));
        assertEquals("[0, 1]", eval("[for i, v in [\"p\", \"q\"]: i]"));
        assertEquals("{p = 0, q = 1}", eval("{for i, v in [\"p\", \"q\"]: v => i}"));
        assertEquals("unknown", eval("{for i, v in [\"k\", \"k\", \"m\"]: v => i}"), "a duplicate key is an error");
        assertEquals("{k = [0, 1], m = [2]}", eval("{for i, v in [\"k\", \"k\", \"m\"]: v => i...}"));
        assertEquals("[\"p\", \"q\"]", eval("[for i, v in [\"p\", \"q\", \"r\"]: v if i < 2]"));
        assertEquals("[\"a\", \"b\"]", eval("[for name, n in {b = 2, a = 1}: name]"), "objects iterate by sorted key");
        assertEquals("[\"a-x\"]", eval("[\n  for v in [\"a\"]:\n    \"${v}-x\"\n]"));
    }

    @Test
    void indexAttributeAndSplat() {
        assertEquals("\"b\"", eval("items[1].id"));
        assertEquals("\"a\"", eval("items.0.id"), "the legacy index form");
        assertEquals("[\"a\", \"b\"]", eval("items.*.id"));
        assertEquals("[\"a\", \"b\"]", eval("items[*].id"));
        assertEquals("[\"t1\", \"t2\"]", eval("items.*.tags[0]"), "after .* an index applies to the result");
        assertEquals("[\"t1\", \"t3\"]", eval("items[*].tags[0]"), "after [*] it applies to each element");
        assertEquals("[\"solo\"]", eval("single.*.id"), "a single value becomes a one-element list");
        assertEquals("[]", eval("nothing[*].id"), "null becomes an empty list");
        assertEquals("unknown", eval("items[5]"));
    }

    @Test
    void functionCallsWithExpansion() {
        assertEquals("9", eval("max([3, 9, 4]...)"));
        assertEquals("\"a-3\"", eval("format(\"%s-%d\", \"a\", 3)"));
        assertEquals("\"a,b\"", eval("join(\",\", split(\" \", \"a b\"))"));
        assertEquals("true", eval("and(notequal(\"a\", \"b\"), or(false, equal(1, 1)))"));
        assertEquals("\"128\"", eval("replace(\"12.8\", \".\", \"\")"));
        assertEquals("\"cu\"", eval("substr(\"cuda\", 0, 2)"));
        assertEquals("unknown", eval("timestamp()"), "functions not implemented are unknown");
        assertEquals("[\"a\", \"b\", \"c\"]", eval("flatten([[\"a\"], [[\"b\"]], \"c\"])"));
        assertEquals("\"v\"", eval("lookup({ k = \"v\" }, \"k\", \"d\")"));
    }

    @Test
    void templatesInterpolateAndStrip() {
        assertEquals("\"a b 3\"", eval("\"a ${\"b\"} ${1 + 2}\""));
        assertEquals("\"ab\"", eval("\"a ${~ \"b\" }\""));
        assertEquals("\"c\"", eval("\"%{ if true ~} c %{~ endif }\""));
        assertEquals("\"d e\"", eval("\"${\"d\" ~}${\" e\"}\""), "stripping affects literals only");
        assertEquals("\"${x} %{y}\"", eval("\"$${x} %%{y}\""));
        assertEquals("\"tab\\there \u00e9\"".replace("\\t", "\t"), eval("\"tab\\there \\u00e9\""));
        assertEquals("\"no\"", eval("\"%{ if 1 > 2 }yes%{ else }no%{ endif }\""));
        assertEquals("\"0a1b\"", eval("\"%{ for i, v in [\"a\", \"b\"] }${i}${v}%{ endfor }\""));
    }

    @Test
    void aSingleInterpolationIsUnwrapped() {
        assertEquals("true", eval("\"${true}\""));
        assertEquals("true", eval("\"${\"${true}\"}\""));
        assertEquals("\"x true\"", eval("\"x ${true}\""));
        assertEquals("\"true\"", eval("\"${\"\"}${true}\""));
        assertEquals("\"true\"", eval("\"%{ for v in [true] }${v}%{ endfor }\""));
        assertEquals("[\"x\"]", eval("\"${[\"x\"]}\""));
    }

    @Test
    void heredocs() {
        assertEquals("\"  one\\n    two\\n\"".replace("\\n", "\n"), eval("<<EOT\n  one\n    two\nEOT\n"));
        assertEquals("\"one\\n  two\\n\"".replace("\\n", "\n"), eval("<<-EOT\n    one\n      two\n    EOT\n"));
        assertEquals("\"v=z\\n\"".replace("\\n", "\n"), eval("<<EOT\nv=${k}\nEOT\n"));
        assertEquals("\"EOTX\\n\"".replace("\\n", "\n"), eval("<<EOT\nEOTX\n  EOT\n"), "the marker may be indented");
    }

    @Test
    void commentsOfAllThreeKinds() {
        assertEquals("[1, 2, 3]", eval("[ # one\n 1, // two\n 2, /* three */ 3 ]"));
    }
}
