package dev.vlint.rules.docker.hygiene;

import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code apt-get} and {@code apt} command lines as the apt rules read them. */
final class Apt {
    private Apt() {}

    /** apt-get options that take a value in the next word. */
    static final Set<String> VALUE_OPTIONS = Set.of("-t", "--target-release", "--default-release", "-o", "--option",
            "-c", "--config-file");

    /** The {@code install} word of an apt-get (or apt) install, or null. */
    static Word installVerb(SimpleCommand run) {
        int i = Hygiene.verb(run, Set.of("install"));
        return i < 0 ? null : run.args().get(i);
    }

    /** The packages named after {@code install}. */
    static List<Word> packages(SimpleCommand run, Word install) {
        return Hygiene.operands(run, run.args().indexOf(install) + 1, VALUE_OPTIONS);
    }

    /** Whether apt answers its prompts by itself: {@code -y}, {@code --yes}, {@code --assume-yes}, quiet level 2. */
    static boolean assumesYes(SimpleCommand run) {
        int quiet = 0;
        List<Word> args = run.args();
        for (int i = 0; i < args.size(); i++) {
            String value = args.get(i).literalValue();
            if (value == null) {
                continue;
            }
            if (value.equals("--yes") || value.equals("--assume-yes") || value.equals("-q=2")
                    || value.equals("--quiet=2")) {
                return true;
            }
            if ((value.equals("-o") || value.equals("--option")) && i + 1 < args.size()) {
                String option = args.get(i + 1).literalValue();
                if (option != null && option.toLowerCase(Locale.ROOT).matches("apt::get::assume-yes=(true|1|yes)")) {
                    return true;
                }
            }
            if (value.equals("--quiet")) {
                quiet++;
            } else if (value.matches("-[A-Za-z]+")) {
                if (value.indexOf('y') > 0) {
                    return true;
                }
                quiet += (int) value.chars().filter(c -> c == 'q').count();
            }
        }
        return quiet >= 2;
    }
}
