package io.verbatim.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.credentials.CredentialFields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AES-256-GCM sealing, the generated master key, and masking. */
class EnvelopeTest {

    @TempDir
    Path dir;

    @Test
    void sealedDataOpensOnlyWithTheSameKeyAndBinding() {
        SecretKey key = Aead.newKey();
        byte[] sealed = Aead.seal(key, "client_secret=s3cr3t".getBytes(), "tenant-a/acme");
        assertThat(new String(sealed)).doesNotContain("s3cr3t");
        assertThat(new String(Aead.open(key, sealed, "tenant-a/acme"))).isEqualTo("client_secret=s3cr3t");
        // the same plaintext twice gives different ciphertexts (fresh nonce)
        assertThat(Aead.seal(key, "x".getBytes(), "b")).isNotEqualTo(Aead.seal(key, "x".getBytes(), "b"));
        assertThatThrownBy(() -> Aead.open(key, sealed, "tenant-b/acme")).isInstanceOf(Aead.DecryptionException.class);
        assertThatThrownBy(() -> Aead.open(Aead.newKey(), sealed, "tenant-a/acme")).isInstanceOf(Aead.DecryptionException.class);
        byte[] tampered = sealed.clone();
        tampered[20] ^= 1;
        assertThatThrownBy(() -> Aead.open(key, tampered, "tenant-a/acme")).isInstanceOf(Aead.DecryptionException.class);
    }

    @Test
    void aGeneratedMasterKeyIsKeptOwnerOnlyAndReused() throws Exception {
        Path file = dir.resolve("secrets").resolve("credentials-master.key");
        MasterKeys.MasterKey first = MasterKeys.fromFile(file);
        MasterKeys.MasterKey again = MasterKeys.fromFile(file);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.key().getEncoded()).isEqualTo(first.key().getEncoded());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.toString()).doesNotContain(java.util.Base64.getEncoder().encodeToString(first.key().getEncoded()));
        assertThatThrownBy(() -> MasterKeys.parse("c2hvcnQ=", "verbatim.credentials.master-key"))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void maskingShowsConfigurationAndAtMostTheLastFourOfASecret() {
        CredentialFields fields = new CredentialFields("acme", Map.of("base_url", "https://api.acme.test", "token_path", "/oauth/token",
                "client_secret", "0123456789abcdefWXYZ", "password", "hunter2"));
        assertThat(fields.masked()).containsEntry("base_url", "https://api.acme.test").containsEntry("token_path", "/oauth/token")
                .containsEntry("client_secret", "****WXYZ").containsEntry("password", "****");
        assertThat(fields.toString()).doesNotContain("hunter2").doesNotContain("0123456789").contains("password");
    }
}
