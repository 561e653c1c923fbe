package dev.courseline.enquiry.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ProblemHandlerTest {

    private final ProblemHandler handler = new ProblemHandler();

    @Test
    void contentionIsAServiceUnavailableWithRetryAfterNotAServerError() {
        ResponseEntity<ProblemDetail> answer = handler.busy(new BusyException("Run r-1 kept changing"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(answer.getBody().getDetail()).contains("nothing was stored").contains("retry")
                .doesNotContain("r-1");
    }
}
