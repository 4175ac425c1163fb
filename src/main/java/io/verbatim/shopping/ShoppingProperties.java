package io.verbatim.shopping;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Shopper evaluations ({@code verbatim.shopping.*}).
 *
 * @param maxUploadSize       the largest file one tus upload may announce ({@code Upload-Length}); larger is 413
 * @param spoolExpiry         an unfinished upload untouched this long is abandoned: its row and spool file are deleted
 * @param spoolExpiryInterval how often abandoned uploads are looked for (once per cluster)
 * @param socketReadBuffer    the web server's read buffer per connection (Tomcat {@code socket.appReadBufSize}, default
 *                            8 KiB there): the most one socket read takes of a request body, so it sets how many reads a
 *                            tus PATCH costs. 128 KiB (the default, the spool's own buffer) took the server's body path
 *                            from about 1.3 s to 0.6 s of CPU per GiB on a quiet machine (session 17); each open
 *                            connection holds one such buffer, so lower it where many idle connections are kept; 0
 *                            leaves Tomcat's
 */
@ConfigurationProperties("verbatim.shopping")
public record ShoppingProperties(@DefaultValue("2GB") DataSize maxUploadSize, @DefaultValue("3d") Duration spoolExpiry,
                                 @DefaultValue("1h") Duration spoolExpiryInterval,
                                 @DefaultValue("128KB") DataSize socketReadBuffer) {
}
