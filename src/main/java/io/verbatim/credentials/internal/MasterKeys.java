package io.verbatim.credentials.internal;

import io.verbatim.credentials.CredentialsProperties;
import io.verbatim.platform.PlatformProperties;
import io.verbatim.platform.ProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The operator's master key (and earlier ones during a rotation). It only ever wraps tenant data keys.
 * On the embedded default without a configured key, one is generated once into the data directory
 * (owner-only permissions) and reused on every start; with an external database a key must be configured,
 * since nodes would otherwise each invent their own.
 */
@Component
public class MasterKeys {

    private static final Logger log = LoggerFactory.getLogger(MasterKeys.class);

    /** A master key and its id (a fingerprint stored beside each wrapped data key, never the key). */
    public record MasterKey(String id, SecretKey key) {
        @Override
        public String toString() {
            return "MasterKey[" + id + "]";
        }
    }

    private final MasterKey current;
    private final List<MasterKey> previous;
    private final String unavailableReason;

    @org.springframework.beans.factory.annotation.Autowired
    public MasterKeys(CredentialsProperties properties, PlatformProperties platform) {
        MasterKey configured = null;
        String reason = null;
        if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
            configured = parse(properties.masterKey(), "verbatim.credentials.master-key");
        } else if (platform.db().embedded() || properties.masterKeyFile() != null) {
            configured = fromFile(properties.masterKeyFile(platform.dataDir()));
        } else {
            reason = "No master key is configured: set verbatim.credentials.master-key (base64 of 32 random bytes)";
            log.warn("Credentials are unavailable: {}", reason);
        }
        this.current = configured;
        this.unavailableReason = reason;
        List<MasterKey> old = new ArrayList<>();
        for (int i = 0; i < properties.previousMasterKeys().size(); i++) {
            old.add(parse(properties.previousMasterKeys().get(i), "verbatim.credentials.previous-master-keys[" + i + "]"));
        }
        this.previous = List.copyOf(old);
    }

    public MasterKeys(MasterKey current, List<MasterKey> previous) {
        this.current = current;
        this.previous = List.copyOf(previous);
        this.unavailableReason = current == null ? "no master key" : null;
    }

    public MasterKey current() {
        if (current == null) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "credentials-unavailable", "Credentials unavailable",
                    unavailableReason);
        }
        return current;
    }

    public Optional<MasterKey> find(String id) {
        if (current != null && current.id().equals(id)) {
            return Optional.of(current);
        }
        return previous.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    public boolean hasPrevious() {
        return !previous.isEmpty();
    }

    public static MasterKey of(byte[] bytes) {
        return new MasterKey(fingerprint(bytes), Aead.key(bytes));
    }

    static MasterKey parse(String base64, String property) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not base64");
        }
        if (bytes.length != Aead.KEY_BYTES) {
            throw new IllegalStateException(property + " must be 32 bytes (base64 of 32 random bytes), not " + bytes.length);
        }
        return of(bytes);
    }

    static MasterKey fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] bytes = Aead.newKey().getEncoded();
                Path tmp = null;
                try {
                    tmp = Files.createTempFile(file.getParent(), ".master-", ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(tmp, Base64.getEncoder().encodeToString(bytes) + "\n");
                    Files.createLink(file, tmp); // atomic: fails if another process created the file first
                    log.warn("Generated a credentials master key at {} (no verbatim.credentials.master-key was set). Back it up: "
                            + "without it, stored credentials cannot be decrypted.", file.toAbsolutePath());
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                } catch (UnsupportedOperationException noPosix) {
                    Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n");
                } finally {
                    if (tmp != null) {
                        Files.deleteIfExists(tmp);
                    }
                }
            }
            return parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the credentials master key at " + file, e);
        }
    }

    static String fingerprint(byte[] key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("verbatim-master-key-id:".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest.digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
