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
 *                            tus PATCH costs; 0 (the default) leaves Tomcat's: 64KB measured no faster here and costs
 *                            56 KiB more per open connection
 */
@ConfigurationProperties("verbatim.shopping")
public record ShoppingProperties(@DefaultValue("2GB") DataSize maxUploadSize, @DefaultValue("3d") Duration spoolExpiry,
                                 @DefaultValue("1h") Duration spoolExpiryInterval,
                                 @DefaultValue("0") DataSize socketReadBuffer) {
}
