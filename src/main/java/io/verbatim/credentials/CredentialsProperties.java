package io.verbatim.credentials;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The master key that wraps every tenant's data keys ({@code verbatim.credentials.*}).
 *
 * @param masterKey          base64 of 32 random bytes ({@code VERBATIM_CREDENTIALS_MASTER_KEY}); when blank on the
 *                           embedded database one is generated once into {@code masterKeyFile}
 * @param masterKeyFile      where the generated key is kept; blank = {@code <data-dir>/secrets/credentials-master.key}
 * @param previousMasterKeys earlier master keys (base64), still accepted to unwrap data keys, which are then
 *                           re-wrapped under {@code masterKey}: set the new key here and move the old one to this list
 */
@ConfigurationProperties("verbatim.credentials")
public record CredentialsProperties(String masterKey, Path masterKeyFile, @DefaultValue List<String> previousMasterKeys) {

    public Path masterKeyFile(Path dataDir) {
        return masterKeyFile != null && !masterKeyFile.toString().isBlank() ? masterKeyFile
                : dataDir.resolve("secrets").resolve("credentials-master.key");
    }
}
