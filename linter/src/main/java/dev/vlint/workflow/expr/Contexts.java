package dev.vlint.workflow.expr;

import static dev.vlint.workflow.expr.ExprType.BOOL;
import static dev.vlint.workflow.expr.ExprType.NUMBER;
import static dev.vlint.workflow.expr.ExprType.STRING;

import dev.vlint.workflow.expr.ExprType.ObjectType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What GitHub Actions expressions can name: the contexts with the types of their properties,
 * and which contexts and special functions each workflow key allows.
 *
 * <p>Sources (checked 2026-12-03): docs.github.com/en/actions/reference/workflows-and-actions/contexts
 * (each context's properties, and the "Context availability" table) and
 * docs.github.com/en/actions/reference/workflows-and-actions/expressions (functions).
 */
public final class Contexts {
    private Contexts() {}

    /** Every context name, whether or not a given key allows it. */
    public static final Set<String> NAMES = Set.of("github", "env", "vars", "job", "jobs", "steps", "runner",
            "secrets", "strategy", "matrix", "needs", "inputs");

    /** Functions allowed only in some keys (see {@link #availability}). */
    public static final Set<String> SPECIAL_FUNCTIONS = Set.of("always", "cancelled", "failure", "success", "hashfiles");

    /** The types of contexts that do not depend on the workflow; the others are built per job. */
    public static final Map<String, ExprType> BUILT_IN = builtIn();

    private static Map<String, ExprType> builtIn() {
        Map<String, ExprType> github = new LinkedHashMap<>();
        for (String name : List.of("action", "action_path", "action_ref", "action_repository", "action_status",
                "actor", "actor_id", "api_url", "base_ref", "env", "event_name", "event_path", "graphql_url",
                "head_ref", "job", "job_workflow_sha", "output", "path", "ref", "ref_name", "ref_type", "repository", "repository_id",
                "repository_owner", "repository_owner_id", "repository_visibility", "repositoryUrl", "run_attempt",
                "run_id", "run_number", "secret_source", "server_url", "sha", "state", "step_summary", "token",
                "triggering_actor", "workflow", "workflow_ref", "workflow_sha", "workspace")) {
            github.put(name, STRING);
        }
        github.put("ref_protected", BOOL);
        github.put("retention_days", NUMBER);
        github.put("artifact_cache_size_limit", NUMBER);
        github.put("event", ObjectType.mapOf(ExprType.ANY)); // the webhook payload: any shape

        ObjectType service = ObjectType.strict(Map.of("id", STRING, "network", STRING,
                "ports", ObjectType.mapOf(STRING)));
        ObjectType job = ObjectType.strict(Map.of(
                "check_run_id", NUMBER,
                "container", ObjectType.strict(Map.of("id", STRING, "network", STRING)),
                "services", ObjectType.mapOf(service),
                "status", STRING));
        ObjectType runner = ObjectType.strict(Map.of("name", STRING, "os", STRING, "arch", STRING, "temp", STRING,
                "tool_cache", STRING, "debug", STRING, "environment", STRING));
        ObjectType strategy = ObjectType.strict(Map.of("fail-fast", BOOL, "job-index", NUMBER, "job-total", NUMBER,
                "max-parallel", NUMBER));

        Map<String, ExprType> all = new HashMap<>();
        all.put("github", ObjectType.strict(github));
        all.put("env", ObjectType.mapOf(STRING));
        all.put("vars", ObjectType.mapOf(STRING));
        all.put("secrets", ObjectType.mapOf(STRING));
        all.put("job", job);
        all.put("runner", runner);
        all.put("strategy", strategy);
        return Map.copyOf(all);
    }

    /**
     * The contexts and special functions one workflow key allows.
     *
     * @param key the key as GitHub's table names it, e.g. {@code jobs.<job_id>.steps.if}
     */
    public record Availability(String key, Set<String> contexts, Set<String> functions) {}

    private static final String STEP = "env github inputs job matrix needs runner secrets steps strategy vars";
    private static final String JOB_LEVEL = "github inputs matrix needs strategy vars";

    private static final Map<String, Availability> TABLE = table(
            "run-name|concurrency|on.workflow_call.inputs.<inputs_id>.default", "github inputs vars", "",
            "env", "github inputs secrets vars", "",
            "on.workflow_call.outputs.<output_id>.value", "github inputs jobs vars", "",
            "jobs.<job_id>.if", "github inputs needs vars", "always cancelled failure success",
            "jobs.<job_id>.strategy", "github inputs needs vars", "",
            "jobs.<job_id>.concurrency|jobs.<job_id>.container|jobs.<job_id>.container.image"
                    + "|jobs.<job_id>.continue-on-error|jobs.<job_id>.environment|jobs.<job_id>.name"
                    + "|jobs.<job_id>.runs-on|jobs.<job_id>.services|jobs.<job_id>.timeout-minutes"
                    + "|jobs.<job_id>.with.<with_id>|jobs.<job_id>.snapshot.if", JOB_LEVEL, "",
            "jobs.<job_id>.env|jobs.<job_id>.secrets.<secrets_id>", JOB_LEVEL + " secrets", "",
            "jobs.<job_id>.defaults.run", JOB_LEVEL + " env", "",
            "jobs.<job_id>.container.credentials|jobs.<job_id>.services.<service_id>.credentials",
                    JOB_LEVEL + " env secrets", "",
            "jobs.<job_id>.container.env.<env_id>|jobs.<job_id>.services.<service_id>.env.<env_id>",
                    "env github inputs job matrix needs runner secrets strategy vars", "",
            "jobs.<job_id>.environment.url", "env github inputs job matrix needs runner steps strategy vars", "",
            "jobs.<job_id>.outputs.<output_id>", STEP, "",
            "jobs.<job_id>.steps.if", "env github inputs job matrix needs runner steps strategy vars",
                    "always cancelled failure success hashfiles",
            "jobs.<job_id>.steps.continue-on-error|jobs.<job_id>.steps.env|jobs.<job_id>.steps.name"
                    + "|jobs.<job_id>.steps.run|jobs.<job_id>.steps.timeout-minutes|jobs.<job_id>.steps.with"
                    + "|jobs.<job_id>.steps.working-directory", STEP, "hashfiles");

    private static Map<String, Availability> table(String... rows) {
        Map<String, Availability> table = new HashMap<>();
        for (int i = 0; i < rows.length; i += 3) {
            Set<String> contexts = Set.of(rows[i + 1].split(" "));
            Set<String> functions = rows[i + 2].isEmpty() ? Set.of() : Set.of(rows[i + 2].split(" "));
            for (String key : rows[i].split("\\|")) {
                table.put(key, new Availability(key, contexts, functions));
            }
        }
        return Map.copyOf(table);
    }

    /** What {@code key} allows, or null for keys GitHub's table does not list (anything goes there). */
    public static Availability availability(String key) {
        return key == null ? null : TABLE.get(key);
    }

    /** A function's parameters: the types in order, the last one repeated when {@code variadic}. */
    public record Signature(String name, ExprType result, List<ExprType> params, boolean variadic) {
        public String display() {
            StringBuilder s = new StringBuilder(name).append('(');
            for (int i = 0; i < params.size(); i++) {
                s.append(i == 0 ? "" : ", ").append(params.get(i));
            }
            return s.append(variadic ? ", ...)" : ")").toString();
        }
    }

    private static final ExprType ANY = ExprType.ANY;
    private static final ExprType ANY_ARRAY = new ExprType.ArrayType(ANY);

    /** Built-in functions by lower-case name; a name may have several overloads. */
    public static final Map<String, List<Signature>> FUNCTIONS = Map.ofEntries(
            Map.entry("contains", List.of(new Signature("contains", BOOL, List.of(STRING, STRING), false),
                    new Signature("contains", BOOL, List.of(ANY_ARRAY, ANY), false))),
            Map.entry("startswith", List.of(new Signature("startsWith", BOOL, List.of(STRING, STRING), false))),
            Map.entry("endswith", List.of(new Signature("endsWith", BOOL, List.of(STRING, STRING), false))),
            Map.entry("format", List.of(new Signature("format", STRING, List.of(STRING, ANY), true))),
            Map.entry("join", List.of(new Signature("join", STRING, List.of(ANY_ARRAY, STRING), false),
                    new Signature("join", STRING, List.of(ANY_ARRAY), false),
                    new Signature("join", STRING, List.of(STRING, STRING), false),
                    new Signature("join", STRING, List.of(STRING), false))),
            Map.entry("tojson", List.of(new Signature("toJSON", STRING, List.of(ANY), false))),
            Map.entry("fromjson", List.of(new Signature("fromJSON", ANY, List.of(STRING), false))),
            Map.entry("hashfiles", List.of(new Signature("hashFiles", STRING, List.of(STRING), true))),
            Map.entry("case", List.of(new Signature("case", ANY, List.of(BOOL, ANY, ANY), true))),
            Map.entry("success", List.of(new Signature("success", BOOL, List.of(), false))),
            Map.entry("always", List.of(new Signature("always", BOOL, List.of(), false))),
            Map.entry("cancelled", List.of(new Signature("cancelled", BOOL, List.of(), false))),
            Map.entry("failure", List.of(new Signature("failure", BOOL, List.of(), false))));
}
