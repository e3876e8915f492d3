package dev.vlint.python;

import dev.vlint.project.ModelKey;
import dev.vlint.project.ParseProblem;
import dev.vlint.project.Parsed;
import dev.vlint.source.MappedText;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pip requirements file: requirement lines, pip options ({@code -r}, {@code -c},
 * {@code --index-url}, ...) and direct references to paths or URLs. Lines ending in a backslash
 * are joined first and comments ({@code #} at the start or after white space) removed, the way
 * pip reads the file; ranges still point into the original text.
 */
public record RequirementsFile(List<Entry> entries) {
    public static final ModelKey<RequirementsFile> KEY = new ModelKey<>("requirements", RequirementsFile::parse);

    /** Short option spellings and the long names they stand for. */
    private static final Map<String, String> SHORT = Map.of("-r", "--requirement", "-c", "--constraint",
            "-i", "--index-url", "-e", "--editable", "-f", "--find-links", "-C", "--config-settings");
    private static final Set<String> WITH_VALUE = Set.of("--requirement", "--constraint", "--index-url",
            "--extra-index-url", "--editable", "--find-links", "--config-settings", "--trusted-host",
            "--no-binary", "--only-binary", "--use-feature", "--global-option", "--hash");
    private static final Set<String> FLAGS = Set.of("--no-deps", "--no-index", "--pre", "--prefer-binary",
            "--require-hashes");
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final Pattern COMMENT = Pattern.compile("(^|\\s)#");

    public RequirementsFile {
        entries = List.copyOf(entries);
    }

    /** One logical line of the file. */
    public sealed interface Entry permits RequirementLine, Option, Reference {
        TextRange range();
    }

    /** A requirement, with the per-requirement options after it (e.g. {@code --hash=...}). */
    public record RequirementLine(Requirement requirement, List<Option> options, TextRange range) implements Entry {
        public RequirementLine {
            options = List.copyOf(options);
        }
    }

    /**
     * A pip option line.
     *
     * @param name the long spelling ({@code -r} is {@code --requirement})
     * @param value its argument, or null for a flag
     */
    public record Option(String name, TextRange nameRange, String value, TextRange valueRange, TextRange range)
            implements Entry {}

    /** A path or URL installed directly, e.g. {@code ./wheels/torch.whl}. */
    public record Reference(String target, TextRange range) implements Entry {}

    public List<Requirement> requirements() {
        return entries.stream().filter(e -> e instanceof RequirementLine)
                .map(e -> ((RequirementLine) e).requirement()).toList();
    }

    /** Option lines with the given long name, e.g. {@code --index-url}. */
    public List<Option> options(String name) {
        return entries.stream().filter(e -> e instanceof Option o && o.name().equals(name))
                .map(e -> (Option) e).toList();
    }

    public static Parsed<RequirementsFile> parse(SourceFile file) {
        List<Entry> entries = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        int line = 0;
        while (line < file.lineCount()) {
            MappedText.Builder logical = new MappedText.Builder();
            int last = line;
            while (true) {
                String text = file.lineText(last);
                boolean continued = text.endsWith("\\") && last + 1 < file.lineCount();
                int end = file.lineEnd(last) - (continued ? 1 : 0);
                logical.append(file, new TextRange(file.lineStart(last), end));
                if (!continued) {
                    break;
                }
                last++;
            }
            MappedText text = logical.build(file.lineEnd(last));
            line = last + 1;
            Matcher comment = COMMENT.matcher(text.text());
            int end = comment.find() ? comment.start() : text.length();
            while (end > 0 && Character.isWhitespace(text.text().charAt(end - 1))) {
                end--;
            }
            if (!text.text().substring(0, end).isBlank()) {
                readLine(text, end, entries, problems);
            }
        }
        return new Parsed<>(new RequirementsFile(entries), problems);
    }

    private static void readLine(MappedText text, int end, List<Entry> entries, List<ParseProblem> problems) {
        List<int[]> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text.text()).region(0, end);
        while (m.find()) {
            tokens.add(new int[] {m.start(), m.end()});
        }
        int start = tokens.get(0)[0];
        TextRange range = text.fileRange(start, end);
        if (text.text().charAt(start) == '-') {
            entries.addAll(options(text, tokens, 0, problems));
            return;
        }
        int firstOption = tokens.size();
        for (int i = 1; i < tokens.size(); i++) {
            if (text.text().startsWith("--", tokens.get(i)[0])) {
                firstOption = i;
                break;
            }
        }
        int requirementEnd = firstOption < tokens.size() ? tokens.get(firstOption - 1)[1] : end;
        Parsed<Requirement> requirement = Requirement.parse(text, start, requirementEnd);
        String raw = text.text().substring(start, requirementEnd);
        if ((requirement.model() == null || !requirement.problems().isEmpty()) && looksLikeReference(raw)) {
            entries.add(new Reference(raw, text.fileRange(start, requirementEnd)));
            return;
        }
        problems.addAll(requirement.problems());
        if (requirement.model() != null) {
            entries.add(new RequirementLine(requirement.model(), options(text, tokens, firstOption, problems), range));
        }
    }

    private static boolean looksLikeReference(String raw) {
        return raw.contains("/") || raw.startsWith(".") || raw.endsWith(".whl") || raw.endsWith(".zip")
                || raw.endsWith(".tar.gz");
    }

    private static List<Option> options(MappedText text, List<int[]> tokens, int from, List<ParseProblem> problems) {
        List<Option> options = new ArrayList<>();
        String s = text.text();
        for (int i = from; i < tokens.size(); i++) {
            int start = tokens.get(i)[0];
            int end = tokens.get(i)[1];
            String token = s.substring(start, end);
            int eq = token.indexOf('=');
            String written = eq > 0 && token.startsWith("--") ? token.substring(0, eq) : token;
            if (!token.startsWith("--") && token.length() > 2 && SHORT.containsKey(token.substring(0, 2))) {
                written = token.substring(0, 2); // -rbase.txt
            }
            String name = SHORT.getOrDefault(written, written);
            TextRange nameRange = text.fileRange(start, start + written.length());
            if (FLAGS.contains(name)) {
                options.add(new Option(name, nameRange, null, null, text.fileRange(start, end)));
            } else if (!WITH_VALUE.contains(name)) {
                problems.add(new ParseProblem(nameRange, "unknown pip option '" + written + "'"));
                break; // its argument, if any, cannot be told apart from the next option
            } else if (written.length() < token.length()) {
                int valueStart = start + written.length() + (token.charAt(written.length()) == '=' ? 1 : 0);
                options.add(new Option(name, nameRange, s.substring(valueStart, end), text.fileRange(valueStart, end),
                        text.fileRange(start, end)));
            } else if (i + 1 < tokens.size()) {
                int[] value = tokens.get(++i);
                options.add(new Option(name, nameRange, s.substring(value[0], value[1]),
                        text.fileRange(value[0], value[1]), text.fileRange(start, value[1])));
            } else {
                problems.add(new ParseProblem(nameRange, "option '" + written + "' needs a value"));
            }
        }
        return options;
    }
}
