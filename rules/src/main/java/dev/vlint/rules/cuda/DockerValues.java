package dev.vlint.rules.cuda;

import dev.vlint.dockerfile.Dockerfile;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Scope;
import dev.vlint.dockerfile.Word;
import dev.vlint.source.TextRange;
import java.util.Optional;

/**
 * Reads ARG/ENV values of a Dockerfile the way BuildKit does (quotes removed, {@code $NAME} and
 * {@code ${NAME:-default}} expanded) while keeping where each character was written, so that an
 * entry of {@code ENV TORCH_CUDA_ARCH_LIST=${ARCHS}} is reported inside {@code ARG ARCHS=...}.
 */
final class DockerValues {
    private static final int MAX_DEPTH = 8;

    private final Dockerfile dockerfile;

    DockerValues(Dockerfile dockerfile) {
        this.dockerfile = dockerfile;
    }

    /** The value of {@code name} as the instruction that declares it in {@code scope} wrote it; null if unknown. */
    ValueText variable(String name, Scope scope, TextRange reference) {
        return variable(name, scope, reference, 0);
    }

    /** The value an ENV pair or ARG word assigns, expanded in the scope before {@code instruction}; null if unknown. */
    ValueText assigned(Instruction instruction, String raw, TextRange range) {
        return read(raw, range, scopeBefore(instruction), 0);
    }

    /** The raw value and its range of {@code NAME=value} in an ARG word, or empty when it has no default. */
    static Optional<Word> argDefault(Word word) {
        int eq = word.text().indexOf('=');
        if (eq < 0) {
            return Optional.empty();
        }
        String value = word.text().substring(eq + 1);
        boolean verbatim = word.text().length() == word.range().end() - word.range().start();
        TextRange range = verbatim ? new TextRange(word.range().start() + eq + 1, word.range().end()) : word.range();
        return Optional.of(new Word(value, range));
    }

    private Scope scopeBefore(Instruction instruction) {
        return dockerfile.stageOf(instruction).map(s -> s.scopeAt(instruction)).orElse(dockerfile.globalScope());
    }

    private ValueText variable(String name, Scope scope, TextRange reference, int depth) {
        Optional<Scope.Variable> found = scope.variable(name);
        if (found.isEmpty()) {
            return scope.imageEnvUnknown() ? null : ValueText.at("", reference);
        }
        Scope.Variable v = found.get();
        if (v.value() == null) {
            return null;
        }
        Instruction declaredBy = v.declaredBy();
        if (declaredBy != null && depth < MAX_DEPTH) {
            Optional<Word> written = writtenValue(declaredBy, name);
            if (written.isPresent()) {
                return read(written.get().text(), written.get().range(), scopeBefore(declaredBy), depth + 1);
            }
            boolean inStage = dockerfile.stageOf(declaredBy).isPresent();
            if (declaredBy.is("ARG") && inStage) {
                // A stage's bare ARG takes the default of the global ARG of that name.
                return variable(name, dockerfile.globalScope(), reference, depth + 1);
            }
        }
        return ValueText.at(v.value(), reference);
    }

    private static Optional<Word> writtenValue(Instruction instruction, String name) {
        if (instruction.is("ENV")) {
            return instruction.keyValues().stream().filter(kv -> kv.key().text().equals(name))
                    .reduce((a, b) -> b).map(Instruction.KeyValue::value);
        }
        if (instruction.is("ARG")) {
            return instruction.args().stream()
                    .filter(w -> w.text().equals(name) || w.text().startsWith(name + "="))
                    .reduce((a, b) -> b).flatMap(DockerValues::argDefault);
        }
        return Optional.empty();
    }

    /** BuildKit word processing of {@code raw} (written at {@code range}); null when a part is unknown. */
    private ValueText read(String raw, TextRange range, Scope scope, int depth) {
        boolean verbatim = raw.length() == range.end() - range.start();
        char escape = dockerfile.escapeChar();
        ValueText.Builder out = new ValueText.Builder();
        char quote = 0;
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            int at = verbatim ? range.start() + i : range.start();
            int atEnd = verbatim ? at + 1 : range.end();
            if (quote != '\'' && c == escape && i + 1 < raw.length()) {
                char next = raw.charAt(i + 1);
                if (quote == '"' && next != '"' && next != '$' && next != escape) {
                    out.append(c, at, atEnd);
                } else {
                    out.append(next, verbatim ? at + 1 : at, verbatim ? at + 2 : atEnd);
                    i += 2;
                    continue;
                }
            } else if ((c == '"' || c == '\'') && (quote == 0 || quote == c)) {
                quote = quote == 0 ? c : 0;
            } else if (c == '$' && quote != '\'' && i + 1 < raw.length()) {
                int end = parameterEnd(raw, i);
                if (end > i + 1) {
                    TextRange ref = verbatim ? new TextRange(range.start() + i, range.start() + end) : range;
                    ValueText value = expand(raw.substring(i, end), ref, scope, depth);
                    if (value == null) {
                        return null;
                    }
                    out.append(value);
                    i = end;
                    continue;
                }
                out.append(c, at, atEnd);
            } else {
                out.append(c, at, atEnd);
            }
            i++;
        }
        return out.build();
    }

    /** End of the {@code $NAME} or {@code ${...}} starting at {@code i}, or {@code i + 1} if none. */
    private static int parameterEnd(String raw, int i) {
        if (raw.charAt(i + 1) == '{') {
            int close = raw.indexOf('}', i + 2);
            return close < 0 ? i + 1 : close + 1;
        }
        int j = i + 1;
        while (j < raw.length() && (Character.isLetterOrDigit(raw.charAt(j)) || raw.charAt(j) == '_')) {
            j++;
        }
        return j;
    }

    private ValueText expand(String parameter, TextRange ref, Scope scope, int depth) {
        String body = parameter.startsWith("${") ? parameter.substring(2, parameter.length() - 1) : parameter.substring(1);
        int op = 0;
        while (op < body.length() && (Character.isLetterOrDigit(body.charAt(op)) || body.charAt(op) == '_')) {
            op++;
        }
        String name = body.substring(0, op);
        String operation = body.substring(op);
        ValueText value = variable(name, scope, ref, depth + 1);
        if (operation.isEmpty()) {
            return value;
        }
        if (value == null) {
            return null;
        }
        boolean set = scope.isDefined(name);
        boolean empty = value.length() == 0;
        if (operation.startsWith(":-") || operation.startsWith("-")) {
            boolean useDefault = operation.startsWith(":") ? empty : !set;
            String word = operation.substring(operation.startsWith(":") ? 2 : 1);
            return useDefault ? ValueText.at(word, ref) : value;
        }
        if (operation.startsWith(":+") || operation.startsWith("+")) {
            boolean useWord = operation.startsWith(":") ? !empty : set;
            String word = operation.substring(operation.startsWith(":") ? 2 : 1);
            return useWord ? ValueText.at(word, ref) : ValueText.at("", ref);
        }
        return null;
    }
}
