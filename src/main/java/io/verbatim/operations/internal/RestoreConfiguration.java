package io.verbatim.operations.internal;

import io.verbatim.platform.PlatformProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;

/**
 * The restore command's whole context: the database (embedded or external) and nothing that would use it.
 * Deliberately not a {@code @Configuration}, so the platform's own component scan leaves it alone.
 */
@EnableConfigurationProperties(PlatformProperties.class)
@ComponentScan("io.verbatim.platform.database")
class RestoreConfiguration {
}
