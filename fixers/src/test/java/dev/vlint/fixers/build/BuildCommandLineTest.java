package dev.vlint.fixers.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlint.fixers.build.BuildCommandLine.ContextKind;
import java.util.List;
import java.util.Optional;
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
