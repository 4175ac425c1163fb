package io.verbatim.storage;

import io.verbatim.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** The object (or the bucket it would be in) does not exist. */
public class BlobNotFoundException extends ProblemException {

    private final BlobKey key;

    public BlobNotFoundException(BlobKey key) {
        super(HttpStatus.NOT_FOUND, "blob-not-found", "Not found", "Object '" + key + "' was not found");
        this.key = key;
    }

    public BlobKey key() {
        return key;
    }
}
