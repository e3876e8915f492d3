package dev.vlint.rules.docker;

import dev.vlint.rules.docker.BuildSteps.Step;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python install or build command: {@code pip install|wheel}, {@code uv pip install},
 * {@code python -m build}, {@code uv build}, {@code python setup.py ...}. Knows its operands
 * (requirements, local paths, wheel files), where to insert a flag, and what it builds.
 *
 * @param step the command
 * @param kind which tool
 * @param verb the subcommand word ({@code install}, {@code wheel}, {@code build}) after which flags go;
 *     for {@code setup.py} the script word
 * @param operands the arguments that are not options (values of options skipped)
 */
record PipCommand(Step step, Kind kind, Word verb, List<Word> operands) {
    private static final Pattern REQUIREMENT_END = Pattern.compile("[\\[<>=!~;@ ]");
    private static final Pattern PROJECT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    enum Kind { PIP_INSTALL, PIP_WHEEL, UV_PIP_INSTALL, PYPA_BUILD, UV_BUILD, SETUP_PY }

    private static final Pattern PIP = Pattern.compile("pip\\d*(\\.\\d+)?");
    private static final Pattern PYTHON = Pattern.compile("python(\\d+(\\.\\d+)*)?");
    /** {@code git+https://host/org/repo.git@ref#egg=x}, optionally after {@code name @ }: group 1 is the URL without the ref. */
    private static final Pattern VCS = Pattern.compile("(?:[A-Za-z0-9._-]+\\s*@\\s*)?git\\+([^@#]+?)(?:@[^#]*)?(?:#.*)?");
    private static final Set<String> PIP_VALUE_OPTIONS = Set.of("-r", "--requirement", "-c", "--constraint",
            "-e", "--editable", "-t", "--target", "--prefix", "--root", "-i", "--index-url", "--extra-index-url",
            "-f", "--find-links", "--src", "--upgrade-strategy", "--python-version", "--platform",
            "--implementation", "--abi", "--progress-bar", "--cache-dir", "--log", "--proxy", "--retries",
            "--timeout", "--exists-action", "--trusted-host", "--cert", "--client-cert", "-C", "--config-settings",
            "--config-setting", "--global-option", "--no-binary", "--only-binary", "--report", "-w",
            "--wheel-dir", "--python", "-p", "--root-user-action", "--index-strategy", "--extra-index",
            "--override", "--overrides", "-o", "--outdir", "--out-dir", "--build-constraint", "--build-constraints",
            "--keyring-provider", "--resolution", "--prerelease", "--torch-backend", "--group");

    /** The install/build command of a step, or null. */
    static PipCommand of(Step step) {
        SimpleCommand command = step.effective();
        String name = step.name();
        List<Word> args = command.args();
        String first = args.isEmpty() ? null : args.get(0).literalValue();
        String second = args.size() < 2 ? null : args.get(1).literalValue();
        if (("install".equals(first) || "wheel".equals(first)) && PIP.matcher(name).matches()) {
            return new PipCommand(step, first.equals("install") ? Kind.PIP_INSTALL : Kind.PIP_WHEEL, args.get(0),
                    BuildSteps.operands(command, 1, PIP_VALUE_OPTIONS));
        }
        if (name.equals("uv") && "pip".equals(first) && "install".equals(second)) {
            return new PipCommand(step, Kind.UV_PIP_INSTALL, args.get(1),
                    BuildSteps.operands(command, 2, PIP_VALUE_OPTIONS));
        }
        if (name.equals("uv") && "build".equals(first)) {
            return new PipCommand(step, Kind.UV_BUILD, args.get(0), BuildSteps.operands(command, 1, PIP_VALUE_OPTIONS));
        }
        if (name.equals("build")) {
            return new PipCommand(step, Kind.PYPA_BUILD, command.name(),
                    BuildSteps.operands(command, 0, PIP_VALUE_OPTIONS));
        }
        if (first != null && first.endsWith("setup.py") && PYTHON.matcher(name).matches()) {
            return new PipCommand(step, Kind.SETUP_PY, args.get(0), List.of());
        }
        return null;
    }

    boolean installs() {
        return kind == Kind.PIP_INSTALL || kind == Kind.UV_PIP_INSTALL;
    }

    boolean hasFlag(String flag) {
        return step.effective().hasFlag(flag);
    }

    /**
     * Whether the build runs in an isolated environment (the default of pip, uv and build): no flag
     * and no environment variable ({@link BuildIsolation}) turns it off.
     */
    boolean buildIsolated() {
        return switch (kind) {
            case PYPA_BUILD -> !hasFlag("--no-isolation") && !hasFlag("-n");
            case SETUP_PY -> false;
            default -> !hasFlag("--no-build-isolation") && !BuildIsolation.offByEnvironment(step.command(),
                    kind == Kind.UV_PIP_INSTALL || kind == Kind.UV_BUILD, step.variables());
        };
    }

    /** The flag that turns build isolation off for this tool. */
    String noIsolationFlag() {
        return kind == Kind.PYPA_BUILD ? "--no-isolation" : "--no-build-isolation";
    }

    /**
     * The projects this command builds from source: local directories, each with the word naming it
     * (null when it is the current directory, as for a bare {@code python -m build}), and
     * {@code git+URL} requirements, named after their repository.
     */
    List<Target> sourceProjects() {
        List<Target> out = new ArrayList<>();
        List<Word> paths = new ArrayList<>(operands);
        paths.addAll(step.effective().optionValues("-e"));
        paths.addAll(step.effective().optionValues("--editable"));
        for (Word word : paths) {
            String value = step.value(word);
            if (value == null) {
                continue;
            }
            Matcher vcs = VCS.matcher(value);
            if (vcs.matches()) {
                out.add(new Target(word, null, BuildSteps.humanish(vcs.group(1))));
                continue;
            }
            String path = value.replaceFirst("\\[[^]]*]$", "");
            String lower = path.toLowerCase(Locale.ROOT);
            if ((path.startsWith(".") || path.startsWith("/") || path.startsWith("~"))
                    && !lower.endsWith(".whl") && !lower.endsWith(".tar.gz") && !lower.endsWith(".zip")
                    && !lower.endsWith(".txt")) {
                out.add(new Target(word, step.resolve(path), null));
            }
        }
        if (out.isEmpty() && (kind == Kind.PYPA_BUILD || kind == Kind.UV_BUILD) && operands.isEmpty()) {
            out.add(new Target(null, step.cwd().isEmpty() ? "." : step.cwd(), null));
        }
        if (kind == Kind.SETUP_PY) {
            String script = step.value(verb);
            if (script != null) {
                String dir = script.contains("/") ? script.substring(0, script.lastIndexOf('/')) : ".";
                out.add(new Target(null, step.resolve(dir), null));
            }
        }
        return out;
    }

    /** A project being built: its directory, or for a {@code git+} URL the repository name; and the word naming it. */
    record Target(Word word, String dir, String repository) {}

    /** The {@code -C}/{@code --config-settings} values. */
    List<Word> configSettings() {
        List<Word> out = new ArrayList<>();
        for (String option : List.of("-C", "--config-settings", "--config-setting")) {
            out.addAll(step.effective().optionValues(option));
        }
        return out;
    }

    /** The distribution name of a requirement operand ({@code vllm==0.15.1} gives {@code vllm}), or null for paths/URLs. */
    static String requirementName(String operand) {
        if (operand == null || operand.startsWith(".") || operand.startsWith("/") || operand.contains("://")
                || operand.startsWith("~")) {
            return null;
        }
        String name = REQUIREMENT_END.split(operand, 2)[0].trim();
        return PROJECT_NAME.matcher(name).matches() && !name.toLowerCase(Locale.ROOT).endsWith(".whl")
                ? name : null;
    }
}
