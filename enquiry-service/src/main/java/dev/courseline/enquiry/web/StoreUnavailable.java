package dev.courseline.enquiry.web;

import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Whether a failure means the store could not be reached or did not answer in time, as opposed to a fault in this
 * service: the request may be sent again in a moment. Spring translates the driver's network and timeout errors to
 * {@link DataAccessResourceFailureException}, but not every one (a connection pool paused after a failed operation
 * arrives uncategorised), so the driver's own types are recognised anywhere in the cause chain, by name to keep the
 * web layer free of driver imports.
 */
final class StoreUnavailable {

    private static final Set<String> DRIVER_FAILURES = Set.of(
            "com.mongodb.MongoSocketException",
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoConnectionPoolClearedException",
            "com.mongodb.MongoServerUnavailableException");

    private StoreUnavailable() {
    }

    static boolean explains(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || isDriverFailure(cause.getClass())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDriverFailure(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (DRIVER_FAILURES.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
