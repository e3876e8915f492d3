package dev.vlint.rules.docker.checks;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Word;
import dev.vlint.project.FileKind;
import dev.vlint.project.ProjectFile;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shared pieces of the BuildKit build-check rules: their metadata shape and the Dockerfile facts
 * several of them read.
 */
final class Checks {
    private Checks() {}

    /** Metadata of a Dockerfile rule whose first alias is the BuildKit check name. */
    static RuleMeta meta(String id, String name, Severity severity, String summary, Fixability fixability,
            String... aliases) {
        return new RuleMeta(id, name, severity, summary, fixability, EnumSet.of(FileKind.DOCKERFILE),
                List.of("docker", "buildkit"), List.of(aliases));
    }

    /** The instructions BuildKit knows; anything else is a parse error, not a casing question. */
    static final java.util.Set<String> INSTRUCTIONS = java.util.Set.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT",
            "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL",
            "USER", "VOLUME", "WORKDIR");

    /** The {@code AS} word of {@code FROM image AS name}, or null. */
    static Word asKeyword(Instruction from) {
        List<Word> args = from.args();
        return args.size() == 3 && args.get(1).text().equalsIgnoreCase("as") ? args.get(1) : null;
    }

    /** The stage name word of {@code FROM image AS name} as written, or null. */
    static Word stageName(Instruction from) {
        return asKeyword(from) == null ? null : from.args().get(2);
    }

    /**
     * Where each stage name is referred to, by lower-cased name (BuildKit matches names in any
     * letter case): {@code FROM name}, {@code COPY --from=name} and {@code RUN --mount=from=name},
     * ONBUILD triggers included. Built once per file, so renaming many stages stays linear.
     */
    static Map<String, List<TextRange>> stageReferences(ProjectFile file, Dockerfile dockerfile) {
        return file.derived(StageReferences.class, f -> {
            Map<String, List<TextRange>> references = new HashMap<>();
            for (Instruction top : dockerfile.instructions()) {
                for (Instruction ins = top; ins != null; ins = ins.trigger()) {
                    if (ins.is("FROM") && !ins.args().isEmpty()) {
                        Word image = ins.args().get(0);
                        references.computeIfAbsent(lower(image.text()), k -> new ArrayList<>()).add(image.range());
                    }
                    if (ins.is("COPY")) {
                        ins.flags("from").forEach(flag -> flag.value().ifPresent(v -> flag.valueRange().ifPresent(r ->
                                references.computeIfAbsent(lower(v), k -> new ArrayList<>()).add(r))));
                    }
                    if (ins.is("RUN")) {
                        ins.mounts().forEach(mount -> mount.option("from").ifPresent(o ->
                                references.computeIfAbsent(lower(o.value()), k -> new ArrayList<>()).add(o.valueRange())));
                    }
                }
            }
            return references;
        });
    }

    /** Key of the per-file index behind {@link #stageReferences}. */
    private interface StageReferences {}

    /** Whether the text's file range has exactly its length, so offsets inside map one to one. */
    static boolean contiguous(Word word) {
        return word.range().length() == word.text().length();
    }

    /** The file range of {@code [start, end)} inside {@code word}, or the whole word when it spans lines. */
    static TextRange within(Word word, int start, int end) {
        return contiguous(word) ? new TextRange(word.range().start() + start, word.range().start() + end) : word.range();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /**
     * A variable reference in a Dockerfile word: the name, where it is in the word, and whether it
     * has a modifier ({@code ${name:-default}}, {@code ${name:+more}}).
     */
    record Reference(String name, int start, int end, boolean modified) {}

    /**
     * The variables a Dockerfile word refers to ({@code $name}, {@code ${name}}, and names inside
     * {@code ${name:-default}} words), in order, as BuildKit's lexer looks them up: not inside single
     * quotes (when {@code quotes} are processed) nor after the escape character.
     */
    static List<Reference> references(String word, char escape, boolean quotes) {
        List<Reference> refs = new ArrayList<>();
        boolean inDouble = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (quotes && c == '"') {
                inDouble = !inDouble;
            } else if (quotes && c == '\'' && !inDouble) {
                int close = word.indexOf('\'', i + 1);
                if (close < 0) {
                    break;
                }
                i = close;
            } else if (c == escape) {
                i++;
            } else if (c == '$' && i + 1 < word.length()) {
                int at = i + 1;
                boolean braced = word.charAt(at) == '{';
                int start = braced ? at + 1 : at;
                int end = start;
                if (end < word.length() && (Character.isLetter(word.charAt(end)) && word.charAt(end) < 0x80
                        || word.charAt(end) == '_')) {
                    while (end < word.length() && (Character.isLetterOrDigit(word.charAt(end))
                            && word.charAt(end) < 0x80 || word.charAt(end) == '_')) {
                        end++;
                    }
                    boolean modified = braced && end < word.length() && word.charAt(end) != '}';
                    refs.add(new Reference(word.substring(start, end), start, end, modified));
                }
                i = Math.max(i, end - 1);
            }
        }
        return refs;
    }

    /** BuildKit's "did you mean": the option nearest to {@code name} by edit distance, under 3; null if none. */
    static String suggest(String name, java.util.Collection<String> options) {
        return NearNames.of(options).suggest(name);
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
