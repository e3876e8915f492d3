package dev.vlint.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares the CUDA table with the nvcc on PATH: the targets it lists, the suffixed targets its help
 * accepts and, with {@code -Dvlint.nvcc.compile=true} (slow: one compile per target), what it really
 * compiles. Skipped, with a line on stdout, where there is no nvcc.
 */
class NvccGroundTruthTest {
    private static String cudaVersion;
    private final CudaArchTable table = KnowledgeBase.bundled().cudaArchs();

    @BeforeAll
    static void findNvcc() {
        String out = run(List.of("nvcc", "--version"));
        if (out == null) {
            System.out.println("NvccGroundTruthTest: skipped, no nvcc on PATH to check the CUDA table against");
        }
        assumeTrue(out != null, "nvcc is not on PATH");
        Matcher m = Pattern.compile("release (\\d+\\.\\d+)").matcher(out);
        assumeTrue(m.find(), "cannot read the nvcc release");
        cudaVersion = m.group(1);
        System.out.println("NvccGroundTruthTest: checking the CUDA table against nvcc " + cudaVersion);
    }

    /** The output of a command that succeeded, else null. */
    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Set<String> tableSet() {
        Set<String> expected = new TreeSet<>();
        table.compilableBy(cudaVersion).forEach(a -> expected.add(a.number()));
        return expected;
    }

    private static Set<String> listed(String option, String prefix) {
        Set<String> found = new TreeSet<>();
        for (String line : run(List.of("nvcc", option)).split("\\R")) {
            if (line.startsWith(prefix)) {
                found.add(line.trim().substring(prefix.length()));
            }
        }
        return found;
    }

    @Test
    void listGpuArchMatchesTable() {
        assertEquals(tableSet(), listed("--list-gpu-arch", "compute_"));
    }

    @Test
    void listGpuCodeMatchesTable() {
        assertEquals(tableSet(), listed("--list-gpu-code", "sm_"));
    }

    /** The suffixed targets the table allows for this CUDA version. */
    private Set<String> suffixedInTable() {
        Set<String> expected = new TreeSet<>();
        for (CudaArchTable.Entry e : table.entries()) {
            for (CudaArch.Suffix s : e.suffixSince().keySet()) {
                CudaArch a = e.arch().withSuffix(s);
                if (table.canCompile(a, cudaVersion).ok()) {
                    expected.add(a.number());
                }
            }
        }
        return expected;
    }

    @Test
    void suffixedArchsInHelpMatchTable() {
        Set<String> inHelp = new TreeSet<>();
        Matcher m = Pattern.compile("'(?:compute|sm)_(\\d+[af])'").matcher(run(List.of("nvcc", "--help")));
        while (m.find()) {
            inHelp.add(m.group(1));
        }
        assertEquals(suffixedInTable(), inHelp);
    }

    /**
     * Compiles a one-line kernel for every capability of the table, plain and with each suffix, and
     * compares what nvcc accepts with what the table says it can compile.
     */
    @Test
    @EnabledIfSystemProperty(named = "vlint.nvcc.compile", matches = "true")
    void compilesExactlyWhatTheTableAllows(@TempDir Path dir) throws IOException {
        Path kernel = Files.writeString(dir.resolve("k.cu"), "__global__ void k(int *p) { *p = 1; }\n");
        Map<String, Boolean> expected = new TreeMap<>();
        Map<String, Boolean> actual = new TreeMap<>();
        for (CudaArchTable.Entry e : table.entries()) {
            List<CudaArch> targets = new ArrayList<>(List.of(e.arch()));
            for (CudaArch.Suffix s : List.of(CudaArch.Suffix.A, CudaArch.Suffix.F)) {
                targets.add(e.arch().withSuffix(s));
            }
            for (CudaArch target : targets) {
                String sm = "sm_" + target.number();
                expected.put(sm, table.canCompile(target, cudaVersion).ok());
                actual.put(sm, run(List.of("nvcc", "-c", "-arch=" + sm, "-o", dir.resolve("k.o").toString(),
                        kernel.toString())) != null);
            }
        }
        assertEquals(expected, actual);
    }
}
