package dev.vlint.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed list of CUDA build targets from one of the three syntaxes: TORCH_CUDA_ARCH_LIST,
 * CMAKE_CUDA_ARCHITECTURES/CUDAARCHS, or nvcc flags. Offsets are relative to the parsed string,
 * so a rule adds the string's own start to point at one entry. Parsing never throws: bad entries
 * become {@link Problem}s.
 *
 * @param special a whole-list keyword instead of entries: "all", "all-major", "native" or "OFF"
 */
public record ArchList(Syntax syntax, List<Entry> entries, List<Problem> problems, Optional<String> special) {

    public enum Syntax { TORCH, CMAKE, NVCC }

    /**
     * One target. {@code sass}: a cubin for exactly this arch; {@code ptx}: PTX for JIT on newer
     * GPUs. {@code [start, end)} is the text that produced it (a named arch like "Ampere" yields
     * several entries with the same range).
     */
    public record Entry(CudaArch arch, boolean sass, boolean ptx, int start, int end, String text) {}

    public record Problem(int start, int end, String message) {}

    /**
     * torch.utils.cpp_extension's named arches (newer torch). Older torch mapped Blackwell to
     * "10.0;12.0+PTX" and Blackwell+Tegra to 10.1.
     */
    private static final Map<String, String> TORCH_NAMES = Map.ofEntries(
            Map.entry("maxwell", "5.0;5.2+PTX"),
            Map.entry("pascal", "6.0;6.1+PTX"),
            Map.entry("volta", "7.0+PTX"),
            Map.entry("turing", "7.5+PTX"),
            Map.entry("ampere+tegra", "8.7"),
            Map.entry("ampere", "8.0;8.6+PTX"),
            Map.entry("ada", "8.9+PTX"),
            Map.entry("hopper", "9.0+PTX"),
            Map.entry("blackwell+tegra", "11.0"),
            Map.entry("blackwell", "10.0;10.3;12.0;12.1+PTX"));

    private static final Pattern TORCH_ENTRY = Pattern.compile("(\\d+)\\.(\\d+)([A-Za-z]*)(\\+PTX)?");
    private static final Pattern TORCH_LOOSE = Pattern.compile("([^+]*)(\\+PTX)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CMAKE_ENTRY = Pattern.compile("(\\d+)([af]?)(-real|-virtual)?");
    private static final Pattern NVCC_CODE = Pattern.compile("(sm|compute|lto)_(\\d+[af]?)");

    /** The architectures compiled to cubins. */
    public List<CudaArch> sassArchs() {
        return entries.stream().filter(Entry::sass).map(Entry::arch).distinct().toList();
    }

    /** The architectures embedded as PTX. */
    public List<CudaArch> ptxArchs() {
        return entries.stream().filter(Entry::ptx).map(Entry::arch).distinct().toList();
    }

    /** The entries whose code runs on a GPU of capability {@code gpu}. */
    public List<Entry> entriesRunningOn(CudaArch gpu) {
        return entries.stream().filter(e ->
                (e.sass() && CudaArchTable.runsOn(e.arch(), false, gpu).ok())
                        || (e.ptx() && CudaArchTable.runsOn(e.arch(), true, gpu).ok())).toList();
    }

    // ---------------------------------------------------------------- TORCH_CUDA_ARCH_LIST

    /** "8.0;8.6+PTX", "8.0 8.6", "Ampere;Hopper", "9.0a". */
    public static ArchList parseTorch(String text, CudaArchTable table) {
        List<Entry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Token t : split(text, 0, text.length(), "; \t\r\n")) {
            String named = TORCH_NAMES.get(t.text.toLowerCase(Locale.ROOT));
            if (named != null) {
                for (String part : named.split(";")) {
                    Matcher m = TORCH_ENTRY.matcher(part);
                    m.matches();
                    CudaArch arch = CudaArch.parse(m.group(1) + "." + m.group(2)).orElseThrow();
                    entries.add(new Entry(arch, true, m.group(4) != null, t.start, t.end, t.text));
                }
                continue;
            }
            parseTorchEntry(t, table, entries, problems);
        }
        return new ArchList(Syntax.TORCH, List.copyOf(entries), List.copyOf(problems), Optional.empty());
    }

    private static void parseTorchEntry(Token t, CudaArchTable table, List<Entry> entries, List<Problem> problems) {
        Matcher m = TORCH_ENTRY.matcher(t.text);
        if (!m.matches()) {
            problems.add(new Problem(t.start, t.end, torchSyntaxMessage(t.text)));
            return;
        }
        String suffix = m.group(3);
        if (m.group(2).length() != 1) {
            problems.add(new Problem(t.start, t.end,
                    "'" + t.text + "' is not a compute capability: the minor version is one digit"));
            return;
        }
        if (suffix.equals("f")) {
            problems.add(new Problem(t.start, t.end, "TORCH_CUDA_ARCH_LIST does not accept 'f' suffixes: "
                    + "torch raises 'Unknown CUDA arch (" + t.text + ")'; use " + m.group(1) + "." + m.group(2)
                    + " or " + m.group(1) + "." + m.group(2) + "a"));
            return;
        }
        if (!suffix.isEmpty() && !suffix.equals("a")) {
            problems.add(new Problem(t.start, t.end,
                    "'" + suffix + "' is not an architecture suffix (only 'a' is accepted here)"));
            return;
        }
        CudaArch arch = CudaArch.parse(m.group(1) + "." + m.group(2) + suffix).orElseThrow();
        Optional<String> invalid = table.invalidReason(arch);
        if (invalid.isPresent()) {
            problems.add(new Problem(t.start, t.end, invalid.get()));
            return;
        }
        entries.add(new Entry(arch, true, m.group(4) != null, t.start, t.end, t.text));
    }

    private static String torchSyntaxMessage(String text) {
        Matcher loose = TORCH_LOOSE.matcher(text);
        String body = loose.matches() ? loose.group(1) : text;
        if (body.matches("\\d{2,3}[af]?")) {
            return "TORCH_CUDA_ARCH_LIST wants X.Y: write "
                    + CudaArch.parse(body).map(CudaArch::toString).orElse(body) + " instead of " + body;
        }
        if (body.matches("(?i)(sm|compute)_\\d+[af]?")) {
            return "TORCH_CUDA_ARCH_LIST wants X.Y: write "
                    + CudaArch.parse(body).map(CudaArch::toString).orElse(body) + " instead of " + body;
        }
        if (text.toUpperCase(Locale.ROOT).endsWith("+PTX") && !text.endsWith("+PTX")) {
            return "'+PTX' must be written in upper case: torch does not recognise '" + text + "'";
        }
        int dot = body.indexOf('.');
        if (dot > 0) {
            String major = body.substring(0, dot);
            String minor = body.substring(dot + 1);
            String bad = !major.matches("\\d+") ? major : minor;
            return "'" + text + "' is not a compute capability: '" + bad + "' is not a number";
        }
        return "'" + text + "' is not a compute capability (expected X.Y, X.Ya or X.Y+PTX, or a name like Ampere)";
    }

    // ---------------------------------------------------------------- CMake

    /** "80;86;90a", "70-real;72-virtual", "all", "all-major", "native", "OFF". */
    public static ArchList parseCmake(String text, CudaArchTable table) {
        List<Entry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<Token> tokens = splitCmake(text);
        Optional<String> special = Optional.empty();
        for (Token t : tokens) {
            String lower = t.text.toLowerCase(Locale.ROOT);
            if (lower.equals("all") || lower.equals("all-major") || lower.equals("native")
                    || lower.equals("off") || lower.equals("false")) {
                String keyword = lower.equals("off") || lower.equals("false") ? "OFF" : lower;
                if (tokens.size() > 1) {
                    problems.add(new Problem(t.start, t.end,
                            "'" + t.text + "' must be the only value of the architecture list"));
                } else {
                    special = Optional.of(keyword);
                }
                continue;
            }
            Matcher m = CMAKE_ENTRY.matcher(t.text);
            if (t.text.matches(".*\\s.*")) {
                problems.add(new Problem(t.start, t.end,
                        "CMake architecture lists are separated by ';', not spaces"));
                continue;
            }
            if (!m.matches() || m.group(1).length() < 2 || m.group(1).length() > 3) {
                problems.add(new Problem(t.start, t.end, cmakeSyntaxMessage(t.text)));
                continue;
            }
            CudaArch arch = CudaArch.parse(m.group(1) + m.group(2)).orElseThrow();
            Optional<String> invalid = table.invalidReason(arch);
            if (invalid.isPresent()) {
                problems.add(new Problem(t.start, t.end, invalid.get()));
                continue;
            }
            String kind = m.group(3) == null ? "" : m.group(3);
            entries.add(new Entry(arch, !kind.equals("-virtual"), !kind.equals("-real"), t.start, t.end, t.text));
        }
        return new ArchList(Syntax.CMAKE, List.copyOf(entries), List.copyOf(problems), special);
    }

    private static String cmakeSyntaxMessage(String text) {
        Optional<CudaArch> arch = CudaArch.parse(text.replaceAll("(-real|-virtual)$", ""));
        if (arch.isPresent()) {
            return "CMake wants the number without dot or prefix: write " + arch.get().number()
                    + " instead of " + text;
        }
        return "'" + text + "' is not a CUDA architecture (expected a number like 86, 90a, 80-real, "
                + "or all, all-major, native, OFF)";
    }

    private static List<Token> splitCmake(String text) {
        List<Token> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ';') {
                Token t = trimmed(text, start, i);
                if (t != null) {
                    out.add(t);
                }
                start = i + 1;
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- nvcc

    /**
     * nvcc flags: {@code -gencode arch=compute_90,code=[sm_90,compute_90]}, {@code -gencode=...},
     * {@code --generate-code ...}, {@code -arch=sm_86}, {@code -arch sm_86 -code sm_86,compute_86},
     * {@code --gpu-architecture=...}, {@code -arch=native|all|all-major}. Other flags are ignored.
     */
    public static ArchList parseNvcc(String flags, CudaArchTable table) {
        List<Entry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Optional<String> special = Optional.empty();
        List<Token> tokens = shellWords(flags);
        Token archValue = null;
        Token codeValue = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String option = t.text.contains("=") ? t.text.substring(0, t.text.indexOf('=')) : t.text;
            Token value;
            if (t.text.contains("=")) {
                value = unquote(t.sub(option.length() + 1));
            } else if (i + 1 < tokens.size()) {
                value = unquote(tokens.get(i + 1));
            } else {
                value = null;
            }
            switch (option) {
                case "-gencode", "--generate-code" -> {
                    if (value != null) {
                        parseGencode(value, table, entries, problems);
                    }
                }
                case "-arch", "--gpu-architecture" -> archValue = value;
                case "-code", "--gpu-code" -> codeValue = value;
                default -> { }
            }
        }
        if (archValue != null) {
            String lower = archValue.text.toLowerCase(Locale.ROOT);
            if (lower.equals("all") || lower.equals("all-major") || lower.equals("native")) {
                special = Optional.of(lower);
            } else if (codeValue != null) {
                parseArchAndCodes(archValue, codeValue, table, entries, problems);
            } else {
                Token value = archValue;
                // -arch=sm_XY means -arch=compute_XY -code=sm_XY,compute_XY; -arch=compute_XY embeds PTX only.
                code(value, table, problems).ifPresent(c -> entries.add(
                        new Entry(c.arch, c.kind.equals("sm"), true, value.start, value.end, value.text)));
            }
        }
        return new ArchList(Syntax.NVCC, List.copyOf(entries), List.copyOf(problems), special);
    }

    private record Code(String kind, CudaArch arch) {}

    private static void parseGencode(Token value, CudaArchTable table, List<Entry> entries, List<Problem> problems) {
        int archAt = value.text.indexOf("arch=");
        int codeAt = value.text.indexOf("code=", archAt < 0 ? 0 : archAt + 5);
        if (archAt < 0 || codeAt < 0) {
            problems.add(new Problem(value.start, value.end,
                    "-gencode needs arch=compute_XY,code=...: '" + value.text + "'"));
            return;
        }
        int archEnd = value.text.indexOf(',', archAt);
        if (archEnd < 0 || archEnd > codeAt) {
            archEnd = codeAt;
        }
        Token arch = trimmed(value.text, archAt + 5, archEnd, value.start);
        Token codes = unquote(trimmed(value.text, codeAt + 5, value.text.length(), value.start));
        if (arch == null || codes == null) {
            problems.add(new Problem(value.start, value.end, "-gencode with an empty arch= or code= value"));
            return;
        }
        parseArchAndCodes(arch, codes, table, entries, problems);
    }

    private static void parseArchAndCodes(Token arch, Token codes, CudaArchTable table,
                                          List<Entry> entries, List<Problem> problems) {
        Optional<Code> virtual = code(arch, table, problems);
        if (virtual.isEmpty()) {
            return;
        }
        if (!virtual.get().kind.equals("compute")) {
            problems.add(new Problem(arch.start, arch.end,
                    "arch= takes a virtual architecture: write " + virtual.get().arch.compute()));
            return;
        }
        CudaArch ptx = virtual.get().arch;
        String list = codes.text;
        int from = 0;
        int to = list.length();
        if (list.startsWith("[") && list.endsWith("]")) {
            from = 1;
            to = list.length() - 1;
        }
        for (Token c : split(list, from, to, ", ")) {
            Token item = new Token(c.text, codes.start + c.start, codes.start + c.end);
            Optional<Code> code = code(item, table, problems);
            if (code.isEmpty() || code.get().kind.equals("lto")) {
                continue;
            }
            CudaArch target = code.get().arch;
            if (code.get().kind.equals("compute")) {
                entries.add(new Entry(target, false, true, item.start, item.end, item.text));
                continue;
            }
            CudaArchTable.Verdict fits = CudaArchTable.runsOn(ptx, true, target.withoutSuffix());
            boolean suffixFits = target.suffix() == CudaArch.Suffix.NONE || target.equals(ptx)
                    || (ptx.suffix() == CudaArch.Suffix.F && target.suffix() != CudaArch.Suffix.A);
            if (!fits.ok() || !suffixFits) {
                problems.add(new Problem(item.start, item.end, "incompatible code generation: arch="
                        + ptx.compute() + " cannot produce " + target.sm()
                        + (fits.ok() ? "" : " (" + fits.reason() + ")")));
                continue;
            }
            entries.add(new Entry(target, true, false, item.start, item.end, item.text));
        }
    }

    private static Optional<Code> code(Token t, CudaArchTable table, List<Problem> problems) {
        Matcher m = NVCC_CODE.matcher(t.text.toLowerCase(Locale.ROOT));
        Optional<CudaArch> arch = m.matches() ? CudaArch.parse(m.group(2)) : Optional.empty();
        if (arch.isEmpty()) {
            problems.add(new Problem(t.start, t.end,
                    "'" + t.text + "' is not an nvcc architecture (expected sm_XY or compute_XY)"));
            return Optional.empty();
        }
        Optional<String> invalid = table.invalidReason(arch.get());
        if (invalid.isPresent()) {
            problems.add(new Problem(t.start, t.end, invalid.get()));
            return Optional.empty();
        }
        return Optional.of(new Code(m.group(1), arch.get()));
    }

    // ---------------------------------------------------------------- tokens

    private record Token(String text, int start, int end) {
        Token sub(int from) {
            return new Token(text.substring(from), start + from, end);
        }
    }

    private static List<Token> split(String text, int from, int to, String separators) {
        List<Token> out = new ArrayList<>();
        int start = -1;
        for (int i = from; i <= to; i++) {
            boolean sep = i == to || separators.indexOf(text.charAt(i)) >= 0;
            if (sep && start >= 0) {
                out.add(new Token(text.substring(start, i), start, i));
                start = -1;
            } else if (!sep && start < 0) {
                start = i;
            }
        }
        return out;
    }

    /**
     * Whitespace-separated words where quoted parts may contain spaces ({@code -gencode
     * "arch=compute_80,code=[sm_80, compute_80]"}); a backslash-newline is a separator too.
     */
    private static List<Token> shellWords(String text) {
        List<Token> out = new ArrayList<>();
        int start = -1;
        char quote = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            boolean sep = i == text.length() || Character.isWhitespace(c) || c == '\\';
            if (sep && start >= 0) {
                out.add(new Token(text.substring(start, i), start, i));
                start = -1;
            } else if (!sep) {
                if (start < 0) {
                    start = i;
                }
                if (c == '"' || c == '\'') {
                    quote = c;
                }
            }
        }
        return out;
    }

    private static Token trimmed(String text, int from, int to) {
        return trimmed(text, from, to, 0);
    }

    /** The non-blank part of text[from, to), with offsets shifted by {@code base}; null if blank. */
    private static Token trimmed(String text, int from, int to, int base) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return from == to ? null : new Token(text.substring(from, to), base + from, base + to);
    }

    private static Token unquote(Token t) {
        if (t == null) {
            return null;
        }
        String s = t.text;
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return new Token(s.substring(1, s.length() - 1), t.start + 1, t.end - 1);
        }
        return t;
    }
}
