package io.verbatim.storage;

import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantId;
import org.springframework.http.HttpStatus;

/** A tenant's view was asked for a key or prefix outside that tenant's space, or an object tagged for another tenant. */
public class BlobAccessDeniedException extends ProblemException {

    public BlobAccessDeniedException(TenantId tenant, String keyOrPrefix) {
        super(HttpStatus.FORBIDDEN, "blob-access-denied", "Forbidden",
                "'" + BlobKey.printable(keyOrPrefix) + "' is outside the storage of tenant '" + tenant + "'");
    }
}
