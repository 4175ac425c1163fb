/**
 * Operations: consistent backups of the whole platform database (and a manifest of the blob store),
 * retention, the restore command, the daily restore verification, and the service map (health
 * components and the platform admins' status page).
 */
package io.verbatim.operations;
