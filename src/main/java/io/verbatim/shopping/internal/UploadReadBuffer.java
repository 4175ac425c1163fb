package io.verbatim.shopping.internal;

import io.verbatim.shopping.ShoppingProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat reads a request body at most {@code socket.appReadBufSize} bytes per socket read (8 KiB by default), so a
 * 1 GiB tus upload cost about 131,000 reads and as many copies; JFR showed the PATCH threads' socket reads all at
 * 8.0 kB. 64 KiB cuts that eightfold; the buffer is per open connection (Tomcat pools and reuses them), so it is
 * 56 KiB more heap per connection held open, kept-alive ones included.
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
