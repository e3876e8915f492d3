package dev.vlint.rules.docker.hygiene;

import dev.vlint.dockerfile.Flag;
import dev.vlint.dockerfile.Instruction;
import dev.vlint.dockerfile.Stage;
import dev.vlint.dockerfile.Word;
import dev.vlint.fix.Edit;
import dev.vlint.fix.Fix;
import dev.vlint.rule.DockerfileVisitor;
import dev.vlint.rule.Fixability;
import dev.vlint.rule.Rule;
import dev.vlint.rule.RuleContext;
import dev.vlint.rule.RuleMeta;
import dev.vlint.rule.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * VL618 (hadolint DL3020): ADD of local files or folders, which COPY does without ADD's extra
 * behaviour (unpacking local tar archives, fetching URLs).
 */
public final class AddInsteadOfCopy implements Rule, DockerfileVisitor {
    private static final RuleMeta META = Hygiene.meta("VL618", "DL3020", "add-instead-of-copy", Severity.NOTE,
            Fixability.SOMETIMES, "ADD copies local files or folders; COPY does the same without ADD's implicit"
                    + " unpacking of tar archives.");
    /** Names hadolint takes for archives, which ADD may be meant to unpack. */
    static final List<String> ARCHIVES = List.of(".tar", ".z", ".bz2", ".gz", ".lz", ".lzma", ".tz", ".tb2", ".tbz",
            ".tbz2", ".tgz", ".tlz", ".tpz", ".txz", ".xz");
    /** Extensions of text files, which ADD never unpacks: changing those to COPY is certain. */
    private static final Set<String> TEXT = Set.of("sh", "bash", "py", "txt", "md", "json", "yaml", "yml", "toml",
            "cfg", "conf", "ini", "js", "ts", "html", "css", "xml", "properties", "env", "lock", "patch", "diff",
            "c", "cc", "cpp", "h", "hpp", "cu", "go", "rs", "java", "rb", "pl", "sql", "service", "pem", "crt", "key");
    /** Flags COPY also has. */
    private static final Set<String> SHARED_FLAGS = Set.of("chown", "chmod", "link", "exclude");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("ADD");
    }

    @Override
    public void instruction(Instruction add, Stage stage, RuleContext context) {
        List<Word> args = add.args();
        if (args.size() < 2 || !add.heredocs().isEmpty()) {
            return;
        }
        List<Word> sources = args.subList(0, args.size() - 1);
        boolean certain = true;
        for (Word source : sources) {
            String path = Hygiene.unquote(source.text()).toLowerCase(Locale.ROOT);
            if (path.contains("://") || path.startsWith("git@") || path.contains("$")
                    || ARCHIVES.stream().anyMatch(path::endsWith)) {
                return;
            }
            certain &= isFolder(path) || TEXT.contains(extension(path));
        }
        boolean copyFlags = add.flags().stream().map(Flag::name).allMatch(SHARED_FLAGS::contains);
        String message = "ADD of local files: use COPY, which copies them the same way without ADD's hidden"
                + " behaviour (a local tar archive is unpacked, whatever its name)";
        if (!copyFlags) {
            context.report(add.keywordRange(), message + "; COPY has no " + otherFlags(add) + " flag, so keep ADD"
                    + " if that is what it is for.");
            return;
        }
        String written = context.file().source().slice(add.keywordRange());
        Edit edit = new Edit(add.keywordRange(), written.equals(written.toLowerCase(Locale.ROOT)) ? "copy" : "COPY");
        context.report(add.keywordRange(), message + ".", certain
                ? Fix.safe("Use COPY instead of ADD", edit)
                : Fix.unsafe("Use COPY instead of ADD (a tar archive would no longer be unpacked)", edit));
    }

    private static String otherFlags(Instruction add) {
        return add.flags().stream().map(Flag::name).filter(n -> !SHARED_FLAGS.contains(n)).map(n -> "--" + n)
                .distinct().reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static boolean isFolder(String path) {
        return path.equals(".") || path.endsWith("/");
    }

    private static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1);
    }
}
