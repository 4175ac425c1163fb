package io.verbatim.operations;

import io.verbatim.operations.internal.Restore;

/**
 * {@code java -jar verbatim.jar restore <backup directory> [--force]} (or {@code scripts/verbatim.sh restore}):
 * replaces the platform database with a backup, with Verbatim stopped. Exit status 0 when restored and
 * checked, 1 when the restore failed or did not match (the current database is then untouched), 2 for a bad
 * argument, 3 when the database is still in use.
 */
public final class RestoreCommand {

    private RestoreCommand() {
    }

    public static int run(String... args) {
        return Restore.run(args, System.out);
    }
}
