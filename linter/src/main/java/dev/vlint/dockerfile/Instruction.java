package dev.vlint.dockerfile;

import dev.vlint.source.MappedText;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Dockerfile instruction.
 *
 * @param keyword upper-case instruction name ({@code RUN}); unknown names are kept as written, upper-cased
 * @param range the whole instruction: continuation lines and heredoc bodies included
 * @param keywordRange the keyword as written
 * @param text the logical line: continuation escapes, comment lines and empty lines removed, mapped to the file
 * @param flags builder flags ({@code --mount=...}) in order
 * @param args the argument nodes exactly as BuildKit's parser builds them (what {@code dump} prints):
 *     exec form gives one word per JSON string; shell form RUN/CMD/ENTRYPOINT/SHELL one word;
 *     ENV/LABEL triples of key, value and separator ({@code "="}, or {@code ""} for the legacy
 *     {@code ENV key value} form); HEALTHCHECK its type then its command; ONBUILD none (see trigger)
 * @param jsonForm the arguments were a JSON array
 * @param trigger the instruction inside ONBUILD, else null
 * @param heredocs here-documents in the order of their markers
 * @param shellCommand for shell-form RUN/CMD/ENTRYPOINT/SHELL/HEALTHCHECK CMD the command text, else null
 */
public record Instruction(String keyword, TextRange range, TextRange keywordRange, MappedText text, List<Flag> flags,
        List<Word> args, boolean jsonForm, Instruction trigger, List<Heredoc> heredocs, MappedText shellCommand) {

    public Instruction {
        flags = List.copyOf(flags);
        args = List.copyOf(args);
        heredocs = List.copyOf(heredocs);
    }

    public boolean is(String name) {
        return keyword.equalsIgnoreCase(name);
    }

    /** The shell command of a shell-form instruction, every character mapped to its file offset. */
    public Optional<MappedText> shellText() {
        return Optional.ofNullable(shellCommand);
    }

    public List<Flag> flags(String name) {
        return flags.stream().filter(f -> f.name().equals(name)).toList();
    }

    public Optional<Flag> flag(String name) {
        List<Flag> all = flags(name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The {@code --mount} flags of a RUN, parsed. */
    public List<RunMount> mounts() {
        return flags("mount").stream().map(RunMount::of).toList();
    }

    /** ENV/LABEL pairs: key, value and whether they were written with {@code =}. */
    public List<KeyValue> keyValues() {
        List<KeyValue> pairs = new ArrayList<>();
        if (is("ENV") || is("LABEL")) {
            for (int i = 0; i + 2 < args.size(); i += 3) {
                pairs.add(new KeyValue(args.get(i), args.get(i + 1), !args.get(i + 2).text().isEmpty()));
            }
        }
        return pairs;
    }

    Instruction withHeredocs(List<Heredoc> docs, TextRange wholeRange) {
        return new Instruction(keyword, wholeRange, keywordRange, text, flags, args, jsonForm, trigger, docs,
                shellCommand);
    }

    /** A {@code key=value} pair of ENV or LABEL. */
    public record KeyValue(Word key, Word value, boolean equalsSign) {}
}
