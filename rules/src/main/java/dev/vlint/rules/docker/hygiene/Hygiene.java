package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.RunMount;
import dev.vlint.dockerfile.Stage;
import dev.vlint.project.FileKind;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.shell.ShellSnippets.Snippet;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What the rules of hadolint's set share: their metadata shape and the ways they read commands. */
final class Hygiene {
    private Hygiene() {}

    /** A Dockerfile rule of the pack, known to hadolint as {@code alias}. */
    static RuleMeta meta(String id, String alias, String name, Severity severity, Fixability fixability,
            String summary) {
        return new RuleMeta(id, name, severity, summary, fixability, EnumSet.of(FileKind.DOCKERFILE),
                List.of("docker", "hygiene"), List.of(alias));
    }

    /** Whether {@code instruction} is the trigger of an ONBUILD (it runs in another build), not one of its own. */
    static boolean isTrigger(Instruction instruction, Stage stage) {
        return stage != null && !stage.holds(instruction);
    }

    /** Whether the snippet is a RUN of this Dockerfile (not a workflow step or script). */
    static boolean dockerfileRun(Snippet snippet) {
        return snippet.instruction() != null;
    }

    /**
     * Whether the RUN has a cache or tmpfs mount over the folder {@code fragment} names: at it or
     * inside it ({@code /root/.cache/pip/http}), or above it ({@code /root/.cache}, a home folder,
     * for a fragment relative to the home folder such as {@code .cache/pip}).
     */
    static boolean cacheOrTmpfsMount(Instruction run, String fragment) {
        for (RunMount mount : run.mounts()) {
            String type = mount.type();
            if ((type.equals("cache") || type.equals("tmpfs"))
                    && mount.option("target").map(o -> covers(o.value(), fragment)).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static boolean covers(String target, String fragment) {
        String t = target.replace("${HOME}", "/root").replace("$HOME", "/root").replaceFirst("^~", "/root")
                .replaceAll("/+$", "");
        if (t.contains(fragment)) {
            return true;
        }
        if (fragment.startsWith("/")) {
            return !t.isEmpty() && fragment.startsWith(t + "/");
        }
        if (t.equals("/root") || t.matches("/home/[^/]+")) {
            return true;
        }
        // a folder of the home-relative path: ".cache" of ".cache/pip"
        for (int slash = fragment.indexOf('/'); slash > 0; slash = fragment.indexOf('/', slash + 1)) {
            if (t.endsWith("/" + fragment.substring(0, slash))) {
                return true;
            }
        }
        return false;
    }

    /** The index (in {@link SimpleCommand#args()}) of the first argument that is one of {@code verbs}, or -1. */
    static int verb(SimpleCommand command, Set<String> verbs) {
        List<Word> args = command.args();
        for (int i = 0; i < args.size(); i++) {
            String value = args.get(i).literalValue();
            if (value != null && verbs.contains(value)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The arguments after index {@code from} that are not options: words not starting with
     * {@code -}, less the values of {@code valueOptions} written as a separate word ({@code -t
     * value}, {@code --target value}; a short option may end a cluster such as {@code -yt}).
     * Words with expansions are kept (their literal value is null).
     */
    static List<Word> operands(SimpleCommand command, int from, Set<String> valueOptions) {
        List<Word> args = command.args();
        List<Word> out = new ArrayList<>();
        for (int i = from; i < args.size(); i++) {
            String value = args.get(i).literalValue();
            if (value == null) {
                out.add(args.get(i));
            } else if (value.startsWith("-") && value.length() > 1) {
                if (takesValue(value, valueOptions)) {
                    i++;
                }
            } else {
                out.add(args.get(i));
            }
        }
        return out;
    }

    private static boolean takesValue(String option, Set<String> valueOptions) {
        if (option.startsWith("--")) {
            return !option.contains("=") && valueOptions.contains(option);
        }
        return option.length() >= 2 && valueOptions.contains("-" + option.charAt(option.length() - 1));
    }

    /** A path or value as BuildKit uses it: one pair of surrounding quotes removed. */
    static String unquote(String text) {
        if (text.length() >= 2 && (text.charAt(0) == '"' || text.charAt(0) == '\'')
                && text.charAt(text.length() - 1) == text.charAt(0)) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    /** The range of {@code word} inside one pair of surrounding quotes, where {@link #unquote} takes the value from. */
    static TextRange unquotedRange(dev.vlint.dockerfile.Word word) {
        TextRange range = word.range();
        return range.length() >= 2 && !Hygiene.unquote(word.text()).equals(word.text())
                ? new TextRange(range.start() + 1, range.end() - 1) : range;
    }

    /** Whether any argument is one of the long options ({@code --name} or {@code --name=value}) or short letters. */
    static boolean hasOption(SimpleCommand command, Set<String> longNames, String shortLetters) {
        for (Word arg : command.args()) {
            String value = arg.literalValue();
            if (value == null) {
                continue;
            }
            if (value.equals("--")) {
                return false;
            }
            if (value.startsWith("--")) {
                int eq = value.indexOf('=');
                if (longNames.contains(value.substring(2, eq < 0 ? value.length() : eq))) {
                    return true;
                }
            } else if (value.startsWith("-") && !shortLetters.isEmpty()) {
                for (int i = 1; i < value.length(); i++) {
                    if (shortLetters.indexOf(value.charAt(i)) >= 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
