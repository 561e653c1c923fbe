package dev.courseline.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Jib configuration in the root pom, which the manifests' image names, users and ports must match. */
class ContainerImageTest {

    private final BuildFacts build = BuildFacts.read();

    @Test
    void buildsEachServiceOnTheJavaReleaseItIsCompiledFor() {
        assertThat(build.baseImage()).isEqualTo("eclipse-temurin:" + build.javaRelease() + "-jre");
        assertThat(build.targetImage()).isEqualTo("courseline/${project.artifactId}:${project.version}");
    }

    @Test
    void runsAsANonRootUserWithAHeapThatFollowsTheContainerLimit() {
        assertThat(build.user()).matches("\\d+:\\d+");
        assertThat(build.userId()).isPositive();
        assertThat(build.jvmFlags()).anyMatch(flag -> flag.startsWith("-XX:MaxRAMPercentage="))
                .noneMatch(flag -> flag.startsWith("-Xmx") || flag.startsWith("-Xms"));
        assertThat(build.maxRamPercentage()).isBetween(40.0, 80.0);
    }

    @Test
    void exposesTheSamePortTheServiceListensOn() {
        for (ServiceContract service : ServiceContract.all()) {
            assertThat(build.imagePortByService()).as(service.name()).containsEntry(service.name(), service.port());
        }
    }
}
