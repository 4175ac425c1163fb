package io.verbatim.platform.database;

/** Qualifiers for the two database roles. */
public final class DatabaseRole {

    /** The owner role's pool: migrations and the job engine; never used for tenant data. */
    public static final String OWNER = "ownerDataSource";

    private DatabaseRole() {
    }
}
