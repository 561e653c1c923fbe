package dev.courseline.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The Jib configuration in the root pom, which the manifests' image names, users and ports must match, and the one
 * place of the services' JVM flags, which the launcher and the images share.
 */
class ContainerImageTest {

    private final BuildFacts build = BuildFacts.read();

    @Test
    void buildsEachServiceOnTheJavaReleaseItIsCompiledFor() {
        assertThat(build.baseImage()).isEqualTo("eclipse-temurin:" + build.javaRelease() + "-jre");
        assertThat(build.targetImage()).isEqualTo("courseline/${project.artifactId}:${project.version}");
    }

    @Test
    void runsAsANonRootUserWithTheServicesJvmFlagsFromTheirOnePlace() {
        assertThat(build.user()).matches("\\d+:\\d+");
        assertThat(build.userId()).isPositive();
        // The images carry the root pom's flags, and Jib keeps no second list of its own.
        assertThat(build.imageEnvironment()).containsEntry("JDK_JAVA_OPTIONS",
                "${" + BuildFacts.JVM_FLAGS_PROPERTY + "}");
        assertThat(build.jibJvmFlags()).isEmpty();
        assertThat(build.jvmFlags()).isNotEmpty().allMatch(flag -> flag.startsWith("-"))
                .anyMatch(flag -> flag.startsWith("-Xmx"));
    }

    @Test
    void theLauncherReadsTheSameFlagsAsTheImages() {
        String resource = "local-stack/src/main/resources-filtered/dev/courseline/localstack/launcher/service-jvm-flags.txt";
        // Spring Boot's parent filters resources with @...@ delimiters (local-stack's ServiceProcessFlagsTest reads
        // the filtered result).
        assertThat(Repository.read(Repository.path(resource)).trim())
                .isEqualTo("@" + BuildFacts.JVM_FLAGS_PROPERTY + "@");
        assertThat(Repository.read(Repository.path("local-stack/pom.xml")))
                .containsPattern("<directory>src/main/resources-filtered</directory>\\s*<filtering>true</filtering>");
    }

    @Test
    void exposesTheSamePortTheServiceListensOn() {
        for (ServiceContract service : ServiceContract.all()) {
            assertThat(build.imagePortByService()).as(service.name()).containsEntry(service.name(), service.port());
        }
    }
}
