package io.verbatim.shopping;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Shopper evaluations ({@code verbatim.shopping.*}).
 *
 * @param maxUploadSize the largest file one tus upload may announce ({@code Upload-Length}); larger is 413
 */
@ConfigurationProperties("verbatim.shopping")
public record ShoppingProperties(@DefaultValue("2GB") DataSize maxUploadSize) {
}
