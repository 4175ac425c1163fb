package io.verbatim.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Verbatim keeps its state and which database it uses.
 *
 * @param dataDir   everything on the embedded default lives here ({@code VERBATIM_DATA_DIR})
 * @param db        the database; empty {@code url} means the embedded PostgreSQL
 */
@ConfigurationProperties("verbatim")
public record PlatformProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Db db) {

    /**
     * @param url         external PostgreSQL JDBC URL ({@code VERBATIM_DB_URL}); blank = embedded
     * @param user        the owner role: runs migrations and the job engine
     * @param password    the owner role's password
     * @param appUser     the non-owner role the application queries as, so row-level security applies
     * @param appPassword its password
     * @param embeddedPort fixed port for the embedded server; 0 picks a free one
     * @param poolSize    connections in the application pool
     * @param embeddedSharedBuffers the embedded server's {@code shared_buffers}: a PostgreSQL size ({@code 128MB}, PostgreSQL's
     *                    own default, by default) or {@code auto} (a quarter of the machine's memory, 128MB..4GB)
     */
    public record Db(String url, String user, String password,
                     @DefaultValue("verbatim_app") String appUser, String appPassword,
                     @DefaultValue("0") int embeddedPort, @DefaultValue("20") int poolSize,
                     @DefaultValue("128MB") String embeddedSharedBuffers) {

        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }
}
