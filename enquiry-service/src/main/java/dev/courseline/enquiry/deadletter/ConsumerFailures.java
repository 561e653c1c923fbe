package dev.courseline.enquiry.deadletter;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.messaging.converter.MessageConversionException;

import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import tools.jackson.core.JacksonException;

/**
 * Tells apart the two kinds of consumer failure: a record that can never be processed (it does not parse, lacks what
 * it needs), which is dead-lettered at once, and a failure of what the consumer depends on (the store, the broker, a
 * timeout), which is retried for as long as it lasts. Anything else is a surprise, retried a few times.
 */
public final class ConsumerFailures {

    /** What a failed record deserves. */
    public enum Kind {
        NEVER_PROCESSABLE, INFRASTRUCTURE, UNEXPECTED
    }

    private static final List<Class<? extends Throwable>> ALWAYS_NEVER_PROCESSABLE = List.of(JacksonException.class,
            MessageConversionException.class);
    private static final List<Class<? extends Throwable>> INFRASTRUCTURE = List.of(
            TransientDataAccessException.class, DataAccessResourceFailureException.class,
            MongoTimeoutException.class, MongoSocketException.class, MongoExecutionTimeoutException.class,
            MongoNotPrimaryException.class, MongoNodeIsRecoveringException.class, RetriableException.class,
            TimeoutException.class, ConnectException.class, SocketTimeoutException.class);

    private final List<Class<? extends Throwable>> neverProcessable;

    /** {@code neverProcessable}: this service's own exceptions for a record it can never process. */
    public ConsumerFailures(List<Class<? extends Throwable>> neverProcessable) {
        this.neverProcessable = List.copyOf(neverProcessable);
    }

    public List<Class<? extends Throwable>> neverProcessable() {
        return neverProcessable;
    }

    /** Looks through the whole chain of causes, as listener containers wrap what the function threw. */
    public Kind classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (isAny(cause, neverProcessable) || isAny(cause, ALWAYS_NEVER_PROCESSABLE)) {
                return Kind.NEVER_PROCESSABLE;
            }
        }
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (isAny(cause, INFRASTRUCTURE) || isTransientMongo(cause) || isBlockingTimeout(cause)) {
                return Kind.INFRASTRUCTURE;
            }
        }
        return Kind.UNEXPECTED;
    }

    /** The failure that says what went wrong: the one classified, else the innermost cause. */
    public Throwable reason(Throwable failure) {
        Throwable innermost = failure;
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (isAny(cause, neverProcessable) || isAny(cause, ALWAYS_NEVER_PROCESSABLE)) {
                return cause;
            }
            innermost = cause;
        }
        return innermost;
    }

    private static boolean isAny(Throwable failure, List<Class<? extends Throwable>> types) {
        return types.stream().anyMatch(type -> type.isInstance(failure));
    }

    private static boolean isTransientMongo(Throwable failure) {
        return failure instanceof MongoException mongo
                && (mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
                        || mongo.hasErrorLabel("RetryableWriteError"));
    }

    /** Reactor's {@code block(Duration)} gives up with this, with no cause, when the store does not answer. */
    private static boolean isBlockingTimeout(Throwable failure) {
        return failure instanceof IllegalStateException && failure.getMessage() != null
                && failure.getMessage().startsWith("Timeout on blocking read");
    }

    private static Throwable next(Throwable failure) {
        Throwable cause = failure.getCause();
        return cause == failure ? null : cause;
    }
}
