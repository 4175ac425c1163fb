package io.verbatim.storage.internal;

import java.util.Map;

/**
 * What the filesystem store keeps beside an object's bytes, as {@code .<name>.meta.json} in the
 * same directory: {@code {"content_type":"audio/mpeg","etag":"<md5 hex, or the digest putFile was given>","metadata":{"tenant-id":"acme"}}}.
 * The name starts with a dot, which no key segment may, so a sidecar never collides with an
 * object or shows up in a listing. Size and modification time come from the data file itself.
 */
record FilesystemSidecar(String contentType, String etag, Map<String, String> metadata) {
}
