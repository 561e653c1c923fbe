package dev.courseline.enquiry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;

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

    @Test
    void aStoreThatDoesNotAnswerIsAServiceUnavailableWithRetryAfterNotAServerError() {
        var poolPaused = new UncategorizedMongoDbException("pool paused",
                new MongoConnectionPoolClearedException(new ServerId(new ClusterId(), new ServerAddress()),
                        new MongoSocketReadTimeoutException("read timed out", new ServerAddress(), null)));
        List<Exception> failures = List.of(new DataAccessResourceFailureException("timed out"),
                new QueryTimeoutException("slow"), poolPaused,
                new IllegalStateException("wrapped", new MongoTimeoutException("no server")));

        for (Exception failure : failures) {
            ResponseEntity<ProblemDetail> answer = handler.unexpected(failure);

            assertThat(answer.getStatusCode()).as(failure.toString()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(answer.getBody().getDetail()).contains("send it again").doesNotContain("timed out");
        }
    }

    @Test
    void aFaultOfTheServiceItselfStaysAServerError() {
        ResponseEntity<ProblemDetail> answer = handler.unexpected(new IllegalStateException("a bug"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
    }
}
