package dev.vlint.dockerfile;

import dev.vlint.project.ProjectFile;
import dev.vlint.source.SourceFile;
import dev.vlint.source.TextRange;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BuildKit's build-check settings of one Dockerfile, read as BuildKit reads them: the
 * {@code # check=skip=...;error=true;experimental=...} parser directive at the top of the file,
 * and a {@code # check=...} comment among the comments right above an instruction, which adds to
 * the file's settings for that instruction only (BuildKit {@code linter.go}
 * {@code ParseLintOptions} and {@code WithMergedConfigFromComments}).
 */
public final class CheckDirective {
    /** BuildKit's build checks by name ({@code frontend/dockerfile/linter/ruleset.go}). */
    public static final List<String> CHECKS = List.of("StageNameCasing", "FromAsCasing", "NoEmptyContinuation",
            "ConsistentInstructionCasing", "DuplicateStageName", "ReservedStageName", "JSONArgsRecommended",
            "MaintainerDeprecated", "UndefinedArgInFrom", "WorkdirRelativePath", "UndefinedVar",
            "MultipleInstructionsDisallowed", "LegacyKeyValueFormat", "InvalidBaseImagePlatform",
            "RedundantTargetPlatform", "SecretsUsedInArgOrEnv", "InvalidDefaultArgInFrom",
            "FromPlatformFlagConstDisallowed", "CopyIgnoredFile", "InvalidDefinitionDescription",
            "ExposeProtoCasing", "ExposeInvalidFormat");

    /** Checks that run only when enabled with {@code experimental=}; {@code skip=} does not touch them. */
    private static final Set<String> EXPERIMENTAL = Set.of("InvalidDefinitionDescription");

    /**
     * Checks BuildKit runs with the file's settings alone (over all stages at once, or while
     * parsing), so a {@code # check=} comment above an instruction does not change them.
     */
    private static final Set<String> FILE_WIDE = Set.of("NoEmptyContinuation", "ConsistentInstructionCasing",
            "DuplicateStageName", "ReservedStageName", "InvalidDefaultArgInFrom", "InvalidBaseImagePlatform");

    /** BuildKit's directive grammar, for a comment's text after {@code #}. */
    private static final Pattern DIRECTIVE = Pattern.compile("^([a-zA-Z][a-zA-Z0-9]*)[\\t\\n\\f\\r ]*="
            + "[\\t\\n\\f\\r ]*(.+?)[\\t\\n\\f\\r ]*\\z", Pattern.DOTALL);

    /**
     * One set of settings.
     *
     * @param error {@code error=true}: the build fails when any check reports
     */
    public record Options(boolean skipAll, Set<String> skip, boolean experimentalAll, Set<String> experimental,
            boolean error) {
        public static final Options NONE = new Options(false, Set.of(), false, Set.of(), false);

        public Options {
            skip = Set.copyOf(skip);
            experimental = Set.copyOf(experimental);
        }

        /** Whether the check runs under these settings. */
        public boolean runs(String check) {
            if (EXPERIMENTAL.contains(check)) {
                return experimentalAll || experimental.contains(check);
            }
            return !skipAll && !skip.contains(check);
        }

        /** These settings with a local comment's added, as BuildKit merges them ({@code error} stays). */
        Options with(Options local) {
            Set<String> skips = new LinkedHashSet<>(skip);
            skips.addAll(local.skip);
            Set<String> experiments = new LinkedHashSet<>(experimental);
            experiments.addAll(local.experimental);
            return new Options(skipAll || local.skipAll, skips, experimentalAll || local.experimentalAll,
                    experiments, error);
        }

        /**
         * Parses a value such as {@code skip=A,B;error=true}; empty when BuildKit rejects it (for the
         * file's directive that fails the build: "failed to parse check options").
         */
        public static Optional<Options> parse(String value) {
            String text = value.strip();
            if (text.isEmpty()) {
                return Optional.of(NONE);
            }
            boolean skipAll = false;
            boolean experimentalAll = false;
            boolean error = false;
            Set<String> skip = new LinkedHashSet<>();
            Set<String> experimental = new LinkedHashSet<>();
            // strings.SplitN(s, ";", 3): a fourth part stays inside the third
            for (String part : text.split(";", 3)) {
                int eq = part.indexOf('=');
                if (eq < 0) {
                    return Optional.empty();
                }
                String key = part.substring(0, eq).strip();
                String v = part.substring(eq + 1).strip();
                switch (key) {
                    case "skip" -> {
                        if (v.equals("all")) {
                            skipAll = true;
                        } else {
                            names(v, skip);
                        }
                    }
                    case "experimental" -> {
                        if (v.equals("all")) {
                            experimentalAll = true;
                        } else {
                            names(v, experimental);
                        }
                    }
                    case "error" -> {
                        Boolean b = parseBool(v);
                        if (b == null) {
                            return Optional.empty();
                        }
                        error = b;
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(new Options(skipAll, skip, experimentalAll, experimental, error));
        }

        private static void names(String list, Set<String> into) {
            for (String name : list.split(",", -1)) {
                into.add(name.strip());
            }
        }

        /** Go's strconv.ParseBool. */
        private static Boolean parseBool(String v) {
            return switch (v) {
                case "1", "t", "T", "TRUE", "true", "True" -> true;
                case "0", "f", "F", "FALSE", "false", "False" -> false;
                default -> null;
            };
        }
    }

    /** A comment line above an instruction: its text as BuildKit keeps it, and the whole line. */
    public record Comment(String text, TextRange range) {}

    private final Options file;
    private final Map<Instruction, Options> local;
    private final Map<Instruction, List<Comment>> comments;

    private CheckDirective(Options file, Map<Instruction, Options> local,
            Map<Instruction, List<Comment>> comments) {
        this.file = file;
        this.local = local;
        this.comments = comments;
    }

    /** The settings of a Dockerfile of the project, read once; null when it does not parse. */
    public static CheckDirective of(ProjectFile file) {
        Dockerfile dockerfile = file.model(DockerfileParser.KEY);
        return dockerfile == null ? null : file.derived(CheckDirective.class, f -> of(dockerfile));
    }

    /** The settings of {@code dockerfile}. */
    public static CheckDirective of(Dockerfile dockerfile) {
        Optional<Directive> directive = dockerfile.directive("check");
        Optional<Options> parsed = directive.map(d -> Options.parse(firstWord(d.value())))
                .orElse(Optional.of(Options.NONE));
        Map<Instruction, Options> local = new IdentityHashMap<>();
        Map<Instruction, List<Comment>> comments = new IdentityHashMap<>();
        SourceFile source = dockerfile.source();
        int line = 0;
        for (Directive d : dockerfile.directives()) {
            line = Math.max(line, source.lineIndex(d.range().start()) + 1);
        }
        for (Instruction instruction : dockerfile.instructions()) {
            List<Comment> above = commentsAbove(source, line, source.lineIndex(instruction.range().start()));
            comments.put(instruction, above);
            localOptions(above).ifPresent(o -> {
                local.put(instruction, o);
                if (instruction.trigger() != null) {
                    local.put(instruction.trigger(), o);
                }
            });
            line = source.lineIndex(Math.max(instruction.range().start(), instruction.range().end() - 1)) + 1;
        }
        return new CheckDirective(parsed.orElse(Options.NONE), local, comments);
    }

    /**
     * The comments BuildKit attaches to {@code instruction} (its {@code PrevComment}): the comment
     * lines since the previous instruction, blank lines kept out but not ending the run, a bare
     * {@code #} dropping those before it.
     */
    public List<Comment> comments(Instruction instruction) {
        return comments.getOrDefault(instruction, List.of());
    }

    /** The file's own settings. */
    public Options fileOptions() {
        return file;
    }

    /** Whether BuildKit runs {@code check} for a finding in {@code instruction} (null: none). */
    public boolean runs(String check, Instruction instruction) {
        Options local = instruction == null || FILE_WIDE.contains(check) ? null : this.local.get(instruction);
        return (local == null ? file : file.with(local)).runs(check);
    }

    /** Whether {@code check} is one BuildKit runs only when enabled with {@code experimental=}. */
    public static boolean isExperimental(String check) {
        return EXPERIMENTAL.contains(check);
    }

    /** BuildKit reads the directive's value up to the first space. */
    private static String firstWord(String value) {
        int space = value.indexOf(' ');
        return space < 0 ? value : value.substring(0, space);
    }

    private static List<Comment> commentsAbove(SourceFile source, int from, int to) {
        List<Comment> found = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String text = comment(source.lineText(i));
            if ("".equals(text)) {
                found.clear();
            } else if (text != null) {
                found.add(new Comment(text, new TextRange(source.lineStart(i), source.lineEnd(i))));
            }
        }
        return List.copyOf(found);
    }

    /** The options of the first {@code # check=} comment; an invalid value ends the search with nothing. */
    private static Optional<Options> localOptions(List<Comment> comments) {
        for (Comment comment : comments) {
            Matcher m = DIRECTIVE.matcher(comment.text());
            if (m.matches() && m.group(1).toLowerCase(Locale.ROOT).equals("check")) {
                return Options.parse(firstWord(m.group(2)));
            }
        }
        return Optional.empty();
    }

    /**
     * A comment line's text as BuildKit keeps it: the line less its first character, trimmed (so an
     * indented {@code # check=} keeps its {@code #} and is no directive); null for other lines.
     */
    private static String comment(String line) {
        String text = line.stripLeading();
        return text.startsWith("#") ? line.substring(1).strip() : null;
    }
}
