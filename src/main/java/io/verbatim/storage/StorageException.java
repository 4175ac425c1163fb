package io.verbatim.storage;

import io.verbatim.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** The store could not do what was asked: I/O failure, unreachable endpoint, missing bucket on write, bad configuration. */
public class StorageException extends ProblemException {

    public StorageException(String detail, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable", "Storage unavailable", detail);
        if (cause != null) {
            initCause(cause);
        }
    }

    public StorageException(String detail) {
        this(detail, null);
    }
}
