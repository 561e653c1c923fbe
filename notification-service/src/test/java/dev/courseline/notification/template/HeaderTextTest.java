package dev.courseline.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderTextTest {

    @Test
    void lineBreaksAndControlCharactersBecomeSingleSpaces() {
        assertThat(HeaderText.clean("Evil\r\nBcc: victim@example.com\t\u0000X\u2028Y"))
                .isEqualTo("Evil Bcc: victim@example.com X Y");
    }

    @Test
    void veryLongSubjectsAreCut() {
        assertThat(HeaderText.clean("x".repeat(500))).hasSize(200).endsWith("…");
    }

    @Test
    void nothingBecomesEmpty() {
        assertThat(HeaderText.clean(null)).isEmpty();
    }
}
