package io.verbatim.shopping.internal;

import io.verbatim.shopping.ShoppingProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat reads a request body at most {@code socket.appReadBufSize} bytes per socket read (8 KiB by default), so a
 * 1 GiB tus upload costs about 131,000 reads; JFR showed the PATCH threads' socket reads all at 8.0 kB.
 * {@code verbatim.shopping.socket-read-buffer} (128 KiB by default) raises it: on a quiet machine the server's body path
 * then cost about 0.6 s of CPU per GiB instead of 1.3 s (session 17; earlier trials on a loaded machine showed no gain,
 * the reads being waits for the client there). The buffer is per open connection, kept-alive ones included.
 */
@Configuration(proxyBeanMethods = false)
class UploadReadBuffer {

    @Bean
    TomcatConnectorCustomizer tomcatReadBufferCustomizer(ShoppingProperties properties) {
        return connector -> {
            long bytes = properties.socketReadBuffer().toBytes();
            if (bytes > 0) {
                connector.setProperty("socket.appReadBufSize", Long.toString(bytes));
            }
        };
    }
}
