package dev.vlint.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Compares the CUDA table with the nvcc on PATH; skipped where there is none. */
class NvccGroundTruthTest {
    private static String cudaVersion;
    private final CudaArchTable table = KnowledgeBase.bundled().cudaArchs();

    @BeforeAll
    static void findNvcc() {
        String out = run("--version");
        assumeTrue(out != null, "nvcc is not on PATH");
        Matcher m = Pattern.compile("release (\\d+\\.\\d+)").matcher(out);
        assumeTrue(m.find(), "cannot read the nvcc release");
        cudaVersion = m.group(1);
    }

    private static String run(String option) {
        try {
            Process p = new ProcessBuilder("nvcc", option).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
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
        for (String line : run(option).split("\\R")) {
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

    @Test
    void suffixedArchsInHelpMatchTable() {
        Set<String> inHelp = new TreeSet<>();
        Matcher m = Pattern.compile("'(?:compute|sm)_(\\d+[af])'").matcher(run("--help"));
        while (m.find()) {
            inHelp.add(m.group(1));
        }
        Set<String> expected = new TreeSet<>();
        for (CudaArchTable.Entry e : table.entries()) {
            for (CudaArch.Suffix s : e.suffixSince().keySet()) {
                CudaArch a = e.arch().withSuffix(s);
                if (table.canCompile(a, cudaVersion).ok()) {
                    expected.add(a.number());
                }
            }
        }
        assertEquals(expected, inHelp);
    }
}
