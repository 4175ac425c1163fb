package io.verbatim.operations.internal;

/**
 * One way a restored table differs from its backup.
 *
 * @param stage {@code file}: the backup file does not hold what the manifest says (damaged or altered);
 *              {@code restored}: the table as restored does not read back as it was backed up;
 *              {@code missing}: the restored schema has no such table
 */
record Mismatch(String table, String stage, Long expectedRows, Long actualRows, String expectedSha256, String actualSha256) {
}
