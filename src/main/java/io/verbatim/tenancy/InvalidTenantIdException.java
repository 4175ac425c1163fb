package io.verbatim.tenancy;

import io.verbatim.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** A string that is not a tenant slug. */
public class InvalidTenantIdException extends ProblemException {

    public InvalidTenantIdException(String value) {
        super(HttpStatus.BAD_REQUEST, "invalid-tenant-id", "Invalid tenant id",
                "'" + value + "' is not a tenant id: use 3-63 lower-case letters, digits and single dashes");
    }
}
