package io.verbatim.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicBaseUrl where people reach this platform ({@code https://verbatim.example.com}, a path prefix allowed),
 *                      used for absolute links that leave it; blank = {@code http://localhost:<port>} ({@link PublicUrls})
 */
@ConfigurationProperties("verbatim")
public record PublicUrlProperties(String publicBaseUrl) {
}
