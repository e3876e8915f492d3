package dev.vlint.shell;

import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code FOO=bar cmd arg... >out}: prefix assignments, words (the first is the command name)
 * and redirections, with the connector that links it to the previous command.
 */
public record SimpleCommand(List<Assignment> assignments, List<Word> words, List<Redirection> redirections,
        Connector connector, TextRange range) implements Command {

    private static final Pattern SHORT_FLAG_CLUSTER = Pattern.compile("-[A-Za-z]{2,}");
    private static final Pattern PYTHON = Pattern.compile("python(\\d+(\\.\\d+)*)?");
    private static final Set<String> DECLARATIONS = Set.of("export", "declare", "typeset", "local", "readonly");
    /** Wrappers that run the rest of their words as a command, with their options that take a value. */
    private static final Map<String, Set<String>> WRAPPERS = Map.of(
            "sudo", Set.of("-u", "-g", "-h", "-p", "-C", "-D", "-r", "-t", "-U"),
            "env", Set.of("-u", "-C", "-S"),
            "time", Set.of("-f", "-o"),
            "exec", Set.of("-a"),
            "nohup", Set.of(),
            "nice", Set.of("-n"),
            "command", Set.of());

    public SimpleCommand {
        assignments = List.copyOf(assignments);
        words = List.copyOf(words);
        redirections = List.copyOf(redirections);
    }

    /** The command name word, or null for a bare assignment or redirection. */
    public Word name() {
        return words.isEmpty() ? null : words.get(0);
    }

    /** The literal command name without its directory ({@code /usr/bin/pip} gives {@code pip}), or null. */
    public String commandName() {
        Word name = name();
        String value = name == null ? null : name.literalValue();
        return value == null ? null : value.substring(value.lastIndexOf('/') + 1);
    }

    /** The words after the command name. */
    public List<Word> args() {
        return words.isEmpty() ? List.of() : words.subList(1, words.size());
    }

    /**
     * True if an argument (before {@code --}) is {@code flag}; for a long option also
     * {@code flag=value}; for a short one also the flag with an attached value
     * ({@code -i.bak} has {@code -i}) or a cluster of letters containing it ({@code -rf} has {@code -f}).
     */
    public boolean hasFlag(String flag) {
        boolean shortFlag = flag.length() == 2 && flag.charAt(0) == '-' && flag.charAt(1) != '-';
        for (Word arg : args()) {
            String value = arg.literalValue();
            if (value == null) {
                continue;
            }
            if (value.equals("--")) {
                break;
            }
            if (value.equals(flag)
                    || (flag.startsWith("--") && value.startsWith(flag + "="))
                    || (shortFlag && !value.startsWith("--") && (value.startsWith(flag)
                            || SHORT_FLAG_CLUSTER.matcher(value).matches() && value.indexOf(flag.charAt(1)) > 0))) {
                return true;
            }
        }
        return false;
    }

    /** The value of the first {@code option} ({@link #optionValues}), or null. */
    public Word optionValue(String option) {
        List<Word> values = optionValues(option);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * The values given to {@code option}, in order: {@code --opt=value} and {@code --opt value}
     * for long options, {@code -f value} and {@code -fvalue} for short ones (so {@code -D}
     * yields every {@code -DNAME=value} of a cmake call). The value word of the joined forms
     * covers only the value's characters.
     */
    public List<Word> optionValues(String option) {
        boolean longOption = option.startsWith("--");
        List<Word> args = args();
        List<Word> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Word arg = args.get(i);
            String value = arg.literalValue();
            if ("--".equals(value)) {
                break;
            }
            String lead = arg.leadingLiteral();
            if (option.equals(value)) {
                if (i + 1 < args.size()) {
                    out.add(args.get(i + 1));
                    i++;
                }
            } else if (longOption && lead.startsWith(option + "=")) {
                out.add(arg.dropPrefix(option.length() + 1));
            } else if (!longOption && option.length() == 2 && lead.startsWith(option)) {
                out.add(arg.dropPrefix(option.length()));
            }
        }
        return out;
    }

    /**
     * The command that actually runs once wrappers are peeled off: {@code sudo}, {@code env X=1}
     * (whose assignments join the result's), {@code time}, {@code exec}, {@code nohup},
     * {@code nice}, {@code command}, and {@code python -m MODULE} (so {@code python3 -m pip install}
     * becomes {@code pip install}). Returns this command when there is no wrapper.
     */
    public SimpleCommand effective() {
        List<Assignment> env = assignments;
        int i = 0;
        while (i < words.size()) {
            String name = baseName(words.get(i).literalValue());
            if (name == null) {
                break;
            }
            if (name.startsWith("python") && PYTHON.matcher(name).matches()) {
                if (i + 2 < words.size() && "-m".equals(words.get(i + 1).literalValue())) {
                    i += 2;
                    continue;
                }
                break;
            }
            Set<String> valueOptions = WRAPPERS.get(name);
            if (valueOptions == null) {
                break;
            }
            i++;
            while (i < words.size()) {
                Word word = words.get(i);
                String value = word.literalValue();
                Assignment assignment = name.equals("env") ? Assignment.parse(word) : null;
                if (assignment != null) {
                    if (env == assignments) {
                        env = new ArrayList<>(assignments);
                    }
                    env.add(assignment);
                    i++;
                } else if (value != null && value.startsWith("-") && value.length() > 1) {
                    i += valueOptions.contains(value) ? 2 : 1;
                } else {
                    break;
                }
            }
        }
        if (i == 0) {
            return this;
        }
        List<Word> rest = i >= words.size() ? List.of() : words.subList(i, words.size());
        return new SimpleCommand(env, rest, redirections, connector, range);
    }

    /**
     * Variables this command sets for the rest of the script: the assignments of a bare
     * {@code X=1 Y=2}, or the {@code NAME=value} arguments of {@code export}, {@code declare},
     * {@code local}, {@code readonly}, {@code typeset}. Empty for other commands (whose prefix
     * assignments only apply to that command).
     */
    public List<Assignment> variableAssignments() {
        if (words.isEmpty()) {
            return assignments;
        }
        String name = commandName();
        if (name == null || !DECLARATIONS.contains(name)) {
            return List.of();
        }
        List<Assignment> out = new ArrayList<>();
        for (Word arg : args()) {
            Assignment assignment = Assignment.parse(arg);
            if (assignment != null) {
                out.add(assignment);
            }
        }
        return out;
    }

    private static String baseName(String value) {
        return value == null ? null : value.substring(value.lastIndexOf('/') + 1);
    }
}
