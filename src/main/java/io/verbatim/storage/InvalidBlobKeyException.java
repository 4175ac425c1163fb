package io.verbatim.storage;

import io.verbatim.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** A key, prefix, bucket name, conversation id or attribute that the store refuses. */
public class InvalidBlobKeyException extends ProblemException {

    public InvalidBlobKeyException(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-blob-key", "Invalid object key", detail);
    }
}
