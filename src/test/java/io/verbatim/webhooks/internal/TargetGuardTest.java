package io.verbatim.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.webhooks.TargetGuard;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The SSRF guard refuses every internal address family unless the operator allows private targets. */
class TargetGuardTest {

    private final TargetGuard guard = new TargetGuard(false);

    @Test
    void internalAddressesAreRefused() {
        for (String url : new String[] {"http://127.0.0.1/x", "http://localhost:8080/hook", "http://10.1.2.3/", "http://172.16.0.1/",
                "http://172.31.255.255/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/",
                "http://100.64.0.1/", "http://[::1]/", "http://[fe80::1]/", "http://[fd00::1]/", "http://[::ffff:127.0.0.1]/",
                "http://[::ffff:169.254.169.254]/", "http://224.0.0.1/", "http://198.18.0.1/"}) {
            assertThatThrownBy(() -> guard.check(url)).as(url).isInstanceOf(TargetGuard.TargetRefusedException.class);
        }
    }

    @Test
    void otherSchemesAndUserInfoAreRefused() {
        for (String url : new String[] {"file:///etc/passwd", "ftp://93.184.216.34/", "gopher://93.184.216.34/",
                "http://user:pass@93.184.216.34/", "not a url", "http:///nohost"}) {
            assertThatThrownBy(() -> guard.check(url)).as(url).isInstanceOf(TargetGuard.TargetRefusedException.class);
        }
    }

    @Test
    void publicAddressesPassAndTheAllowanceLetsPrivateOnesThrough() throws Exception {
        assertThat(guard.check("https://93.184.216.34/hooks").getHost()).isEqualTo("93.184.216.34");
        assertThat(guard.check("http://[2606:4700:4700::1111]/").getHost()).isEqualTo("[2606:4700:4700::1111]");
        assertThat(TargetGuard.isInternal(InetAddress.getByName("8.8.8.8"))).isFalse();
        assertThat(TargetGuard.isInternal(InetAddress.getByName("172.32.0.1"))).isFalse();
        TargetGuard open = new TargetGuard(true);
        assertThat(open.check("http://127.0.0.1:9/x").getPort()).isEqualTo(9);
        assertThatThrownBy(() -> open.check("file:///etc/passwd")).isInstanceOf(TargetGuard.TargetRefusedException.class);
    }
}
