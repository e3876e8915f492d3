package dev.vlint.rules.docker;

import dev.vlint.shell.Assignment;
import dev.vlint.shell.SimpleCommand;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether an installer's build isolation is switched off by its environment rather than a flag.
 *
 * <p>pip reads {@code PIP_NO_BUILD_ISOLATION} for its {@code --no-build-isolation} option, whose
 * destination is {@code build_isolation} (store_false): the environment value is parsed with
 * strtobool and stored as is, so a false value ({@code 0}, {@code false}, {@code no}, {@code off})
 * turns isolation off and a true one keeps it (pypa/pip, src/pip/_internal/cli/parser.py,
 * {@code _update_defaults}; docs "Configuration, Boolean options"; pypa/pip#5735).
 * uv reads {@code UV_NO_BUILD_ISOLATION}, "equivalent to the --no-build-isolation command-line
 * argument", as a boolean: true values turn isolation off (docs.astral.sh/uv/reference/environment).
 */
public final class BuildIsolation {
    private static final Set<String> TRUE = Set.of("1", "true", "yes", "on", "y", "t");
    private static final Set<String> FALSE = Set.of("0", "false", "no", "off", "n", "f");

    private BuildIsolation() {}

    /**
     * Whether {@code command} ({@code pip ...} when {@code uv} is false, {@code uv pip ...}/{@code uv build}
     * otherwise) runs with isolation switched off by a prefix assignment or a variable in scope.
     */
    public static boolean offByEnvironment(SimpleCommand command, boolean uv, Function<String, String> vars) {
        String name = uv ? "UV_NO_BUILD_ISOLATION" : "PIP_NO_BUILD_ISOLATION";
        String value = null;
        for (Assignment assignment : command.effective().assignments()) {
            if (assignment.name().equals(name)) {
                value = assignment.value().value(vars);
            }
        }
        if (value == null) {
            value = vars.apply(name);
        }
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return uv ? TRUE.contains(v) : FALSE.contains(v);
    }
}
