package dev.vlint.fixers.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.fixers.build.BuildCommandLine.ContextKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuildCommandLineTest {
    private static BuildCommandLine parse(String line) throws BuildException {
        return BuildCommandLine.parse(List.of(line.split(" ")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker buildx build", "docker buildx b", "docker build", "docker image build",
            "docker builder build", "/usr/local/bin/docker buildx build"})
    void readsEverySpellingOfABuild(String command) throws BuildException {
        BuildCommandLine line = parse(command + " -t app:1 ctx");

        assertEquals("ctx", line.context());
        assertEquals(command.contains("buildx"), line.buildx());
        assertEquals(List.of(command.split(" ")), line.words().subList(0, command.split(" ").length));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-f docker/Dockerfile", "--file docker/Dockerfile", "--file=docker/Dockerfile",
            "-fdocker/Dockerfile", "-f=docker/Dockerfile"})
    void readsTheFileInEveryForm(String option) throws BuildException {
        BuildCommandLine line = parse("docker buildx build " + option + " .");

        assertEquals(Optional.of("docker/Dockerfile"), line.file());
        assertEquals(".", line.context());
    }

    @Test
    void splitsClustersOfShortOptions() throws BuildException {
        BuildCommandLine line = parse("docker buildx build -qf docker/Dockerfile -t img .");

        assertEquals(Optional.of("docker/Dockerfile"), line.file());
        assertEquals(List.of("img"), line.tags());
        assertEquals(List.of("docker", "buildx", "build", "-f", "x", "-q", "-t", "img", "."),
                line.withFile("x").words());
    }

    @Test
    void optionValuesAreNotTakenForTheContext() throws BuildException {
        BuildCommandLine line = parse("docker buildx build --build-arg A=1 -t img --target final --cache-from "
                + "type=gha --secret id=x,src=y --progress plain --load --no-cache --label l=v --ssh default "
                + "--build-context extra=../x --network host --iidfile id.txt --metadata-file m.json --allow "
                + "network.host --attest type=sbom --sbom true --provenance false --shm-size 2g --ulimit "
                + "nofile=1024 --add-host h:1.2.3.4 --builder b1 -o type=docker ctx");

        assertEquals("ctx", line.context());
        assertEquals(Optional.of("b1"), line.builder());
        assertEquals(Optional.empty(), line.file());
    }

    @Test
    void collectsPlatformsFromRepeatedCommaLists() throws BuildException {
        BuildCommandLine line = parse("docker buildx build --platform linux/amd64,linux/arm64 "
                + "--platform=linux/arm64,linux/riscv64 .");

        assertEquals(List.of("linux/amd64", "linux/arm64", "linux/riscv64"), line.platforms());
    }

    @Test
    void knowsWhenTheBuildPushes() throws BuildException {
        assertTrue(parse("docker buildx build --push -t r/i .").pushes());
        assertTrue(parse("docker buildx build -o type=registry .").pushes());
        assertTrue(parse("docker buildx build --output=type=image,name=r/i,push=true .").pushes());
        assertFalse(parse("docker buildx build --push=false .").pushes());
        assertFalse(parse("docker buildx build --load -t r/i .").pushes());
    }

    @Test
    void withFileReplacesEveryFileOptionAndKeepsTheRest() throws BuildException {
        BuildCommandLine line = parse("docker buildx build -f a/Dockerfile -t img --file=b/Dockerfile ctx --load");

        assertEquals(List.of("docker", "buildx", "build", "-f", "/shadow/Dockerfile", "-t", "img", "ctx", "--load"),
                line.withFile("/shadow/Dockerfile").words());
        assertEquals("ctx", line.withFile("/shadow/Dockerfile").context());
    }

    @Test
    void withPlatformLeavesASinglePlatform() throws BuildException {
        BuildCommandLine line = parse("docker buildx build -t img --platform linux/amd64,linux/arm64 .");

        BuildCommandLine arm = line.withPlatform("linux/arm64");
        assertEquals(List.of("docker", "buildx", "build", "--platform", "linux/arm64", "-t", "img", "."), arm.words());
        assertEquals(List.of("linux/arm64"), arm.platforms());
    }

    @Test
    void contextAfterDoubleDashIsPositional() throws BuildException {
        BuildCommandLine line = parse("docker buildx build -t img -- -weird-dir");

        assertEquals("-weird-dir", line.context());
        assertEquals(List.of("docker", "buildx", "build", "-f", "x", "-t", "img", "--", "-weird-dir"),
                line.withFile("x").words());
    }

    /**
     * Any mix of known options written in any form (clusters such as {@code -qt} aside, which are
     * rebuilt one option at a time) keeps its words, its context and its platforms. */
    @Property(tries = 300)
    void rebuildsTheCommandItRead(@ForAll("commands") List<String> words) throws BuildException {
        BuildCommandLine line = BuildCommandLine.parse(words);

        assertEquals(words, line.words());
        assertEquals("ctx dir", line.context());
        BuildCommandLine single = line.withFile("/s/Dockerfile").withPlatform("linux/s390x");
        assertEquals("ctx dir", single.context());
        assertEquals(Optional.of("/s/Dockerfile"), single.file());
        assertEquals(List.of("linux/s390x"), single.platforms());
        assertEquals(line.tags(), single.tags());
        assertEquals(line.pushes(), single.pushes());
    }

    @Provide
    Arbitrary<List<String>> commands() {
        Arbitrary<List<String>> option = Arbitraries.of(
                List.of("-t", "img:1"), List.of("--tag=img:2"), List.of("-timg:3"), List.of("-f", "a/Dockerfile"),
                List.of("--file", "b"), List.of("-f=c"), List.of("--platform", "linux/amd64,linux/arm64"),
                List.of("--platform=linux/arm/v7"), List.of("--push"), List.of("--load"), List.of("-q"),
                List.of("--build-arg", "A=B C"), List.of("--secret", "id=s,src=f"), List.of("-o", "type=docker"),
                List.of("--no-cache"), List.of("--cache-to=type=gha,mode=max"),
                List.of("-t=img:4"));
        return option.list().ofMaxSize(8).flatMap(options -> Arbitraries.integers().between(0, options.size())
                .map(at -> {
                    List<String> words = new ArrayList<>(List.of("docker", "buildx", "build"));
                    for (int i = 0; i <= options.size(); i++) {
                        if (i == at) {
                            words.add("ctx dir");
                        }
                        if (i < options.size()) {
                            words.addAll(options.get(i));
                        }
                    }
                    return words;
                }));
    }

    @Test
    void classifiesContexts() throws BuildException {
        assertEquals(ContextKind.LOCAL, parse("docker build .").contextKind());
        assertEquals(ContextKind.STDIN, parse("docker build -").contextKind());
        assertEquals(ContextKind.REMOTE, parse("docker build https://github.com/o/r.git#main").contextKind());
        assertEquals(ContextKind.REMOTE, parse("docker build git@github.com:o/r.git").contextKind());
        assertEquals(ContextKind.REMOTE, parse("docker build github.com/o/r").contextKind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker run img", "docker buildx", "podman build .", "docker buildx build",
            "docker buildx build a b", "docker buildx build . -t"})
    void rejectsWhatIsNotOneBuild(String line) {
        assertThrows(BuildException.class, () -> parse(line));
    }

    @Test
    void namesUnknownOptionsWhenTheContextIsAmbiguous() {
        BuildException e = assertThrows(BuildException.class,
                () -> parse("docker buildx build --new-option value ."));

        assertTrue(e.getMessage().contains("--new-option"), e.getMessage());
    }
}
