package dev.courseline.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ServiceDefinitionTest {

    private static final Map<String, String> INFRASTRUCTURE = Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");

    @Test
    void theWebsiteIsPointedAtTheApisItsOwnAddressAndTheIssuerAndGetsNoKafkaOrMongoDb() {
        Map<String, String> environment = ServiceDefinition.WEBSITE.environment(
                database -> INFRASTRUCTURE, name -> "http://localhost/" + name);

        assertThat(environment).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CATALOGUE_API_URL", "http://localhost/catalogue",
                "ENQUIRY_API_URL", "http://localhost/enquiry",
                "NOTIFICATION_API_URL", "http://localhost/notification",
                "WEBSITE_PUBLIC_URL", "http://localhost/website",
                "OIDC_ISSUER_URI", "http://localhost/" + ServiceDefinition.Link.IDENTITY_PROVIDER));
    }

    @Test
    void theEnquiryServiceGetsItsDatabaseAndPutsTheWebsitesAddressInItsLinks() {
        Map<String, String> environment = ServiceDefinition.named("enquiry").environment(
                database -> Map.of("MONGODB_URI", "mongodb://localhost:27017/" + database),
                name -> "http://localhost/" + name);

        assertThat(environment)
                .containsEntry("MONGODB_URI", "mongodb://localhost:27017/courseline-enquiry")
                .containsEntry("WEBSITE_PUBLIC_URL", "http://localhost/website");
    }

    @Test
    void theThreeServicesServeMetricsWhereTheLauncherSaysAndTheWebsiteNone() {
        assertThat(ServiceDefinition.COURSELINE.stream().filter(service -> service.metricsPath().isPresent())
                .map(service -> service.localUrl() + service.metricsPath().get()))
                .containsExactly("http://localhost:8081/actuator/prometheus",
                        "http://localhost:8082/actuator/prometheus",
                        "http://localhost:8083/actuator/prometheus");
    }

    @Test
    void theLauncherListsTheWebsiteFirstOnItsOwnPort() {
        assertThat(ServiceDefinition.COURSELINE.get(0)).isEqualTo(ServiceDefinition.WEBSITE);
        assertThat(ServiceDefinition.WEBSITE.localUrl()).isEqualTo("http://localhost:8080");
        assertThat(ServiceDefinition.COURSELINE).extracting(ServiceDefinition::port).doesNotHaveDuplicates();
    }

    /** A link the module does not read would leave it on its default address, which is wrong on free ports. */
    @Test
    void everyLinkIsASettingItsModuleReadsAndNamesAProcessTheLauncherRuns() throws IOException {
        for (ServiceDefinition service : ServiceDefinition.COURSELINE) {
            String applicationYml = Files.readString(repositoryRoot().resolve(service.module())
                    .resolve("src/main/resources/application.yml"));
            Matcher port = Pattern.compile("\\$\\{SERVER_PORT:(\\d+)}").matcher(applicationYml);
            assertThat(port.find()).as(service.module() + " reads SERVER_PORT").isTrue();
            assertThat(Integer.parseInt(port.group(1))).as(service.module() + " port").isEqualTo(service.port());
            for (ServiceDefinition.Link link : service.links()) {
                assertThat(applicationYml).as(service.module() + " reads " + link.variable())
                        .contains("${" + link.variable() + ":");
                if (!link.service().equals(ServiceDefinition.Link.IDENTITY_PROVIDER)) {
                    assertThat(ServiceDefinition.COURSELINE).extracting(ServiceDefinition::name)
                            .contains(link.service());
                }
            }
        }
    }

    private static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        return directory;
    }
}
