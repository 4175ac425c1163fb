package io.verbatim.shopping.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.shopping.ShoppingProperties;
import java.time.Duration;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** verbatim.shopping.socket-read-buffer reaches Tomcat's connector (128 KiB unless set); 0 keeps Tomcat's 8 KiB. */
class UploadReadBufferTest {

    private static String applied(String size) {
        Connector connector = new Connector("HTTP/1.1");
        new UploadReadBuffer().tomcatReadBufferCustomizer(new ShoppingProperties(DataSize.parse("2GB"), Duration.ofDays(3),
                Duration.ofHours(1), DataSize.parse(size))).customize(connector);
        return String.valueOf(connector.getProperty("socket.appReadBufSize"));
    }

    @Test
    void theReadBufferIsTheConfiguredOne() {
        assertThat(applied("64KB")).isEqualTo("65536");
        assertThat(applied("0")).isEqualTo("8192");
    }

    @Test
    void unsetItIsTheSpoolBuffersSize() {
        ShoppingProperties defaults = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource())
                .bindOrCreate("verbatim.shopping", ShoppingProperties.class);
        assertThat(defaults.socketReadBuffer().toBytes()).isEqualTo(SpoolAppend.BUFFER);
    }
}
