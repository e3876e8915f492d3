package dev.vlint.workflow.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.source.MappedText;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import dev.vlint.workflow.expr.ExprType.ObjectType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExprCheckerTest {
    private static final ObjectType MATRIX = ObjectType.strict(Map.of("os", ExprType.STRING, "python", ExprType.STRING));

    /** Problems as "column: message" for {@code text} checked at workflow key {@code key}. */
    private static List<String> problems(String text, String key) {
        SourceFile file = SourceFile.of("x", text);
        ExprParser.Result parsed = ExprParser.parse(MappedText.slice(file, new TextRange(0, text.length())), 0,
                text.length());
        assertTrue(parsed.ok(), parsed.error());
        Map<String, ExprType> contexts = new HashMap<>(Contexts.BUILT_IN);
        contexts.put("matrix", MATRIX);
        ExprChecker.Result result = ExprChecker.check(parsed.expr(),
                new ExprChecker.Scope(contexts, key == null ? null : Contexts.availability(key)));
        return result.problems().stream().map(p -> p.range().start() + ": " + p.message()).toList();
    }

    @Test
    void correctExpressionsHaveNoProblems() {
        for (String ok : List.of("github.event.issue.title", "matrix.os == 'ubuntu' && runner.os != 'macOS'",
                "contains(github.event.pull_request.labels.*.name, 'gpu')", "format('{0}-{1}', matrix.os, matrix.python)",
                "hashFiles('**/requirements.txt', 'setup.py')", "fromJSON(env.X).anything", "secrets.HF_TOKEN != ''",
                "GitHub.Event_Name == 'push'", "join(matrix.*, ',')", "case(github.ref == 'refs/heads/main', 'prod', 'dev')")) {
            assertEquals(List.of(), problems(ok, "jobs.<job_id>.steps.run"), ok);
        }
    }

    @Test
    void unknownPropertiesAreReportedAtThePropertyWithTheKnownOnes() {
        assertEquals(List.of("7: 'nonexistent' is not defined in matrix; it defines os, python"),
                problems("matrix.nonexistent", null));
        assertEquals(List.of("7: 'pyhton' is not defined in matrix (did you mean python?); it defines os, python"),
                problems("matrix.pyhton", null));
        assertTrue(problems("github.evnt_name", null).get(0).startsWith("7: 'evnt_name' is not defined in github (did you mean event_name?)"));
        assertEquals(List.of("7: 'nme' is not defined in runner (did you mean name?); it defines arch, debug, "
                + "environment, name, os, temp, tool_cache"), problems("runner.nme", null));
    }

    @Test
    void unknownContextsAndFunctions() {
        assertTrue(problems("githb.sha", null).get(0).startsWith("0: 'githb' is not a context (did you mean github?)"));
        assertEquals(List.of("0: 'toJson2' is not a function (did you mean tojson?)"), problems("toJson2(github)", null));
        assertTrue(problems("startsWith(github.event, 'x')", null).get(0)
                .startsWith("0: wrong arguments for startsWith(): expected startsWith(string, string), got (object"));
    }

    @Test
    void contextsAndSpecialFunctionsFollowTheKeysAvailability() {
        assertEquals(List.of("0: the secrets context is not available in jobs.<job_id>.if (available there: github, "
                + "inputs, needs, vars)"), problems("secrets.TOKEN != ''", "jobs.<job_id>.if"));
        assertEquals(List.of("0: always() cannot be used in jobs.<job_id>.runs-on"), problems("always()", "jobs.<job_id>.runs-on"));
        assertEquals(List.of(), problems("always() && steps.x.outcome == 'failure'", "jobs.<job_id>.steps.if"));
        assertEquals(List.of("0: hashFiles() cannot be used in jobs.<job_id>.if (usable there: always, cancelled, failure, success)"),
                problems("hashFiles('x')", "jobs.<job_id>.if"));
    }

    @Test
    void formatPlaceholdersMustMatchTheValues() {
        assertEquals(List.of("7: the format string uses {2} but 2 values follow"), problems("format('{0}{2}', 1, 2)", null));
        assertEquals(List.of("0: format() is given 2 values but its format string uses only 1"),
                problems("format('{0} {{1}}', 1, 2)", null));
    }

    @Test
    void propertiesOfScalarsAndIndexing() {
        assertEquals(List.of("11: 'x' cannot be read from a string value"), problems("github.sha.x", null));
        assertEquals(List.of(), problems("matrix['os']", null));
        assertEquals(List.of("7: 'arch' is not defined in matrix; it defines os, python"), problems("matrix['arch']", null));
    }
}
