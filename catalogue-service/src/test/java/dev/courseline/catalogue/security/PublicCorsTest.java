package dev.courseline.catalogue.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class PublicCorsTest {

    @Test
    void theWebsitesOriginComesFirstAndOnlyItsSchemeHostAndPortCount() {
        PublicCors cors = new PublicCors("https://WWW.Courseline.example:443/shop/",
                Arrays.asList(" https://partner.example/ ", "", null, "http://localhost:3000",
                        "https://www.courseline.example"));

        assertThat(cors.origins()).containsExactly("https://www.courseline.example", "https://partner.example",
                "http://localhost:3000");
    }

    @Test
    void noListMeansTheWebsiteAlone() {
        assertThat(new PublicCors("http://localhost:8080", null).origins()).containsExactly("http://localhost:8080");
        assertThat(new PublicCors("http://localhost:8080", List.of()).origins())
                .containsExactly("http://localhost:8080");
    }

    @Test
    void aSettingThatIsNoOriginStopsStartUpNamingIt() {
        assertThatThrownBy(() -> new PublicCors("http://localhost:8080", List.of("partner.example")).origins())
                .hasMessageContaining("'partner.example'");
        assertThatThrownBy(() -> new PublicCors("ftp://files.example", List.of()).origins())
                .hasMessageContaining("'ftp://files.example'");
        assertThatThrownBy(() -> new PublicCors("http://local host", List.of()).origins())
                .hasMessageContaining("'http://local host'");
    }
}
