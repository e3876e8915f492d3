package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import dev.vlint.rule.ShellVisitor;
import dev.vlint.shell.ShellSnippets.Snippet;
import dev.vlint.shell.SimpleCommand;
import dev.vlint.shell.Word;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * VL610 (hadolint DL3010): a local tar archive is COPYed and a later RUN of the same stage
 * extracts it with tar; ADD unpacks it in one step and the archive never becomes a layer.
 */
public final class CopiedArchiveExtracted implements Rule, DockerfileVisitor, ShellVisitor {
    private static final Pattern EXTRACT_FLAG = Pattern.compile("-[A-Za-z]*x[A-Za-z]*");
    private static final Pattern EXTRACT_WORD = Pattern.compile("[A-Za-z]*x[A-Za-z]*");
    private static final Pattern TARBALL = Pattern.compile(".*\\.(tar\\.(gz|bz2|xz|z|lz|lzma)|tgz|tbz2?|txz|tlz)");
    private static final RuleMeta META = Hygiene.meta("VL610", "DL3010", "copied-archive-extracted", Severity.NOTE,
            Fixability.NONE, "A tar archive is copied in and then extracted by a RUN; ADD unpacks it without"
                    + " keeping the archive in a layer.");

    private record Copied(int stage, int offset, String name, dev.vlint.dockerfile.Word word) {}

    /** Archives copied so far, and those already reported. */
    private static final class Archives {
        final List<Copied> copied = new ArrayList<>();
        final Set<Copied> reported = new HashSet<>();
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("COPY");
    }

    @Override
    public Set<String> commandNames() {
        return Set.of("tar");
    }

    @Override
    public void instruction(Instruction copy, Stage stage, RuleContext context) {
        List<dev.vlint.dockerfile.Word> args = copy.args();
        if (stage == null || Hygiene.isTrigger(copy, stage) || copy.flag("from").isPresent() || args.size() < 2) {
            return;
        }
        Archives archives = context.state(Archives::new);
        dev.vlint.dockerfile.Word dest = args.get(args.size() - 1);
        for (dev.vlint.dockerfile.Word source : args.subList(0, args.size() - 1)) {
            String path = Hygiene.unquote(source.text());
            if (isTar(path)) {
                String target = Hygiene.unquote(dest.text());
                String name = isTar(target) ? baseName(target) : baseName(path);
                archives.copied.add(new Copied(stage.index(), copy.range().start(), name, source));
            }
        }
    }

    @Override
    public void command(SimpleCommand command, Snippet snippet, RuleContext context) {
        SimpleCommand tar = command.effective();
        if (!Hygiene.dockerfileRun(snippet) || snippet.onbuildTrigger() || !extracts(tar)) {
            return;
        }
        Archives archives = context.state(Archives::new);
        for (Word arg : tar.args()) {
            String value = arg.literalValue();
            if (value == null) {
                continue;
            }
            String name = baseName(value);
            for (Copied copied : archives.copied) {
                if (copied.stage() == snippet.stage().index() && copied.offset() < command.range().start()
                        && copied.name().equals(name) && archives.reported.add(copied)) {
                    context.report(copied.word().range(), copied.name() + " is copied in and then extracted by tar in"
                            + " a later RUN, so the archive stays in a layer of its own; ADD " + copied.name()
                            + " <dir>/ unpacks a local tar archive in one step.");
                }
            }
        }
    }

    private static boolean extracts(SimpleCommand tar) {
        List<Word> args = tar.args();
        for (int i = 0; i < args.size(); i++) {
            String value = args.get(i).literalValue();
            if (value == null) {
                continue;
            }
            if (value.equals("--extract") || value.equals("--get")
                    || EXTRACT_FLAG.matcher(value).matches() || i == 0 && EXTRACT_WORD.matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }

    static boolean isTar(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return !lower.contains("$") && (lower.endsWith(".tar")
                || TARBALL.matcher(lower).matches());
    }

    private static String baseName(String path) {
        String unquoted = Hygiene.unquote(path);
        int cut = Math.max(unquoted.lastIndexOf('/'), unquoted.lastIndexOf('\\'));
        return unquoted.substring(cut + 1);
    }
}
