package dev.vlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vlint.rules.BuiltinRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KbCommandTest {
    @TempDir
    Path dir;

    private RunCapture vlint() {
        return new RunCapture(dir, BuiltinRules.all());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nvcr.io/nvidia/pytorch:25.02-py3 | torch: 2.7.0a0+6c54963f75",
            "RTX 5090 | RTX 5090: compute capability 12.0",
            "sm_120 | compute capability 12.0 (sm_120)",
            "cuda 12.8 | compiles: sm_50",
            "torch==2.7.1 | cu128 x86_64 wheels",
            "vllm==0.15.1 | release 0.15.1; torch ==2.9.1; verified-by pip",
            "ubuntu-24.04 | max-free-gb: 90",
            "nvidia/cuda:12.8.1-cudnn-devel-ubuntu24.04 | cuda: 12.8.1",
    })
    void printsFactsWithSourceAndCheckDate(String query, String expected) {
        RunCapture run = vlint();
        assertEquals(Session.OK, run.run("kb", query), run.err());
        assertTrue(run.out().contains(expected), run.out());
        assertTrue(run.out().contains("    source: ") && run.out().contains("    checked: 2026-12-03"), run.out());
    }

    @Test
    void aReleaseShowsOnlyItsOwnPin() {
        RunCapture run = vlint();
        run.run("kb", "vllm==0.15.1");
        assertTrue(!run.out().contains("release 0.16.0"), run.out());
        assertTrue(run.out().contains("fetched-by-0.15.1 true"), run.out());
        run.run("kb", "vllm==0.11.0");
        assertTrue(run.out().contains("triton_kernels") && run.out().contains("fetched-by-0.11.0 false"), run.out());
    }

    @Test
    void jsonHasTheFactsOfEachTopic() throws Exception {
        RunCapture run = vlint();
        assertEquals(Session.OK, run.run("kb", "--format", "json", "RTX", "5090"));
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals("RTX 5090", root.get("query").asText());
        JsonNode fact = root.get("topics").get(0).get("facts").get(0);
        assertEquals("cuda-archs.yaml", fact.get("file").asText());
        assertEquals("2026-12-03", fact.get("checked").asText());
        assertEquals("12.0", fact.get("fields").get("arch").asText());
        assertTrue(fact.get("fields").get("source") == null, "source is beside the fields, not among them");
    }

    @Test
    void unknownQueriesExitTwoWithCloseMatches() {
        RunCapture run = vlint();
        assertEquals(Session.USAGE, run.run("kb", "RTX 5909"));
        assertTrue(run.err().contains("knows nothing about 'RTX 5909'") && run.err().contains("RTX 5090"), run.err());
        assertEquals(Session.USAGE, run.run("kb", "python:3.12-slim"));
        assertEquals(Session.USAGE, run.run("kb", "zzzz"));
        assertTrue(run.err().contains("try an image"), run.err());
    }

    @Test
    void aBareNumberIsACudaVersionOnlyWhereAFactMentionsIt() {
        RunCapture run = vlint();
        run.run("kb", "8.9");
        assertTrue(!run.out().contains("CUDA 8.9"), "8.9 is a GPU, not a CUDA release: " + run.out());
        run.run("kb", "13.0");
        assertTrue(run.out().contains("CUDA 13.0"), run.out());
    }

    @Test
    void anActionShowsTheInputsOfItsMajorVersion() {
        RunCapture run = vlint();
        assertEquals(Session.OK, run.run("kb", "actions/checkout@v4"));
        assertTrue(run.out().contains("fetch-depth") && run.out().contains("action.yml of actions/checkout@v4"), run.out());
        assertTrue(!run.out().contains("checkout@v5"), "only v4 entries: " + run.out());
        run.run("kb", "actions/checkout@v2");
        assertTrue(run.out().contains("runs on a retired Node"), run.out());
        run.run("kb", "docker/build-push-action@v1");
        assertTrue(!run.out().contains("outputs:"), "an empty list is left out: " + run.out());
        assertEquals(Session.USAGE, run.run("kb", "actions/setup-pythn"));
        assertTrue(run.err().contains("close matches: actions/setup-python"), run.err());
    }
}
