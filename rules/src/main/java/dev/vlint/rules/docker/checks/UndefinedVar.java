package dev.vlint.rules.docker.checks;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.DockerfileParser;
import dev.vlint.dockerfile.Flag;
import dev.vlint.dockerfile.Heredoc;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.MountOption;
import dev.vlint.dockerfile.RunMount;
import dev.vlint.dockerfile.Scope;
import dev.vlint.dockerfile.Stage;
import dev.vlint.dockerfile.Word;
import dev.vlint.kb.KnowledgeBase;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.source.MappedText;
import dev.vlint.source.TextRange;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * VL511: a variable used in an instruction BuildKit expands (ENV, LABEL, ARG defaults, COPY/ADD
 * paths and flags, WORKDIR, USER, VOLUME, STOPSIGNAL, RUN --mount options, unquoted COPY heredocs)
 * before any ARG or ENV of the stage chain declares it (BuildKit's UndefinedVar). Shell-form RUN,
 * CMD and ENTRYPOINT are left to the shell, as in BuildKit.
 *
 * <p>BuildKit also counts the base image's ENV, which only a registry can tell. So the rule is a
 * warning where the image's environment is known (scratch, a stage of this file built on scratch,
 * images the knowledge base describes), and elsewhere a note, only for a name one or two edits away
 * from a declared one (a likely typo).
 */
public final class UndefinedVar implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Checks.meta("VL511", "undefined-var", Severity.WARNING,
            "A variable is used before any ARG or ENV declares it, so it expands to an empty string.",
            Fixability.NONE, "UndefinedVar");
    /** Build arguments BuildKit reads itself and never puts in the environment. */
    private static final Set<String> NON_ENV = Set.of("BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE");

    /**
     * A stage's names for "did you mean" (its own declarations, over its base stage's), the base
     * image's known ENV names, and whether that environment is known. Whether a name is declared is
     * the parser's {@link dev.vlint.dockerfile.Scope}, which shares inherited names uncopied.
     */
    private static final class StageVars {
        NearNames names;
        Set<String> imageEnv = Set.of();
        boolean envKnown;
        String image;
        /** The names the current ARG declared in its earlier words ({@code ARG A=1 B=$A}). */
        final Set<String> argWords = new HashSet<>();
        Scope scope;

        boolean declares(String name) {
            return name.equals("PATH") || imageEnv.contains(name) || argWords.contains(name) || scope.isDefined(name);
        }
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("FROM", "ARG", "ENV", "LABEL", "COPY", "ADD", "WORKDIR", "USER", "VOLUME", "STOPSIGNAL",
                "RUN");
    }

    @Override
    public boolean visitsTriggers() {
        return false;
    }

    @Override
    public void instruction(Instruction instruction, Stage stage, RuleContext context) {
        if (stage == null) {
            return;
        }
        Map<Integer, StageVars> stages = context.state(HashMap::new);
        if (instruction.is("FROM")) {
            stages.put(stage.index(), start(stage, stages));
            return;
        }
        StageVars vars = stages.get(stage.index());
        vars.scope = stage.scopeAt(instruction);
        vars.argWords.clear();
        char escape = context.model(DockerfileParser.KEY).escapeChar();
        switch (instruction.keyword()) {
            case "ARG" -> {
                for (Word word : instruction.args()) {
                    int eq = word.text().indexOf('=');
                    String name = eq < 0 ? word.text() : word.text().substring(0, eq);
                    if (eq >= 0) {
                        check(context, vars, word, eq + 1, escape, name);
                    }
                    vars.argWords.add(name);
                    vars.names.add(name);
                }
            }
            case "ENV", "LABEL" -> {
                for (Instruction.KeyValue pair : instruction.keyValues()) {
                    check(context, vars, pair.key(), 0, escape, null);
                    check(context, vars, pair.value(), 0, escape, pair.key().text());
                }
                if (instruction.is("ENV")) {
                    instruction.keyValues().forEach(pair -> vars.names.add(pair.key().text()));
                }
            }
            case "COPY", "ADD" -> {
                for (Flag flag : instruction.flags()) {
                    if (Set.of("chown", "chmod", "checksum").contains(flag.name()) && flag.value().isPresent()) {
                        check(context, vars, flag.valueText(), escape, true);
                    }
                }
                for (Word word : instruction.args()) {
                    if (!word.text().startsWith("<<")) {
                        check(context, vars, word, 0, escape, null);
                    }
                }
                for (Heredoc doc : instruction.heredocs()) {
                    if (!doc.quoted()) {
                        check(context, vars, doc.body(), escape, false);
                    }
                }
            }
            case "RUN" -> {
                for (RunMount mount : instruction.mounts()) {
                    for (MountOption option : mount.options()) {
                        if (option.value() != null && option.valueRange() != null) {
                            check(context, vars, new Word(option.value(), option.valueRange()), 0, escape, null);
                        }
                    }
                }
            }
            default -> instruction.args().forEach(word -> check(context, vars, word, 0, escape, null));
        }
    }

    private static StageVars start(Stage stage, Map<Integer, StageVars> stages) {
        StageVars vars = new StageVars();
        StageVars base = stage.baseStage() >= 0 ? stages.get(stage.baseStage()) : null;
        if (base != null) {
            vars.names = new NearNames(base.names);
            vars.imageEnv = base.imageEnv;
            vars.envKnown = base.envKnown;
            vars.image = base.image;
        } else if (stage.expandedBaseImage().equalsIgnoreCase("scratch")) {
            vars.names = new NearNames(null);
            vars.envKnown = true;
            vars.image = "scratch";
        } else {
            Optional<Set<String>> env = KnowledgeBase.bundled().images().repoFacts(stage.expandedBaseImage())
                    .flatMap(facts -> facts.env());
            vars.names = new NearNames(null);
            vars.envKnown = env.isPresent();
            env.ifPresent(names -> vars.imageEnv = Set.copyOf(names));
            vars.imageEnv.forEach(vars.names::add);
            vars.image = stage.expandedBaseImage();
        }
        vars.names.add("PATH");
        return vars;
    }

    /** @param defining the variable the word is the value of, or null */
    private static void check(RuleContext context, StageVars vars, Word word, int from, char escape, String defining) {
        for (Checks.Reference ref : Checks.references(word.text().substring(from), escape, true)) {
            // with the image's environment unknown, ${X:-default} and X=...$X expect X may be unset
            if (vars.envKnown || !ref.modified() && !ref.name().equals(defining)) {
                report(context, vars, ref.name(), Checks.within(word, from + ref.start(), from + ref.end()));
            }
        }
    }

    private static void check(RuleContext context, StageVars vars, MappedText text, char escape, boolean quotes) {
        for (Checks.Reference ref : Checks.references(text.text(), escape, quotes)) {
            if (vars.envKnown || !ref.modified()) {
                report(context, vars, ref.name(), text.fileRange(ref.start(), ref.end()));
            }
        }
    }

    private static void report(RuleContext context, StageVars vars, String name, TextRange range) {
        if (vars.declares(name) || NON_ENV.contains(name)) {
            return;
        }
        String suggestion = vars.names.suggest(name);
        if (!vars.envKnown && suggestion == null) {
            return;
        }
        String hint = suggestion == null ? "" : " (did you mean $" + suggestion + "?)";
        if (vars.envKnown) {
            context.report(range, "$" + name + " is not defined here" + hint + ": no ARG or ENV of this stage"
                    + " declares it before this line" + (vars.image.equals("scratch") ? "" : " and " + vars.image
                    + " does not set it") + ", so it expands to an empty string. Declare it (ARG " + name + ")"
                    + " or fix the name.");
        } else {
            context.report(Severity.NOTE, range, "$" + name + " is not declared by any ARG or ENV of this stage"
                    + " before this line" + hint + ". Unless the base image " + vars.image + " sets it, it expands to"
                    + " an empty string.");
        }
    }
}
