package io.verbatim.shopping.internal;

import io.verbatim.shopping.ShoppingProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat reads a request body at most {@code socket.appReadBufSize} bytes per socket read (8 KiB by default), so a
 * 1 GiB tus upload costs about 131,000 reads; JFR showed the PATCH threads' socket reads all at 8.0 kB.
 * {@code verbatim.shopping.socket-read-buffer} raises it. Off by default: 64 KiB was no faster in the benchmark (the
 * reads were waits for the client), and the buffer is per open connection, kept-alive ones included.
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
