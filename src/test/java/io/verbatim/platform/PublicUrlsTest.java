package io.verbatim.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Absolute links from {@code verbatim.public-base-url}, or from the local port when it is blank. */
class PublicUrlsTest {

    @Test
    void theConfiguredBaseWinsWithoutItsTrailingSlash() {
        PublicUrls urls = new PublicUrls(new PublicUrlProperties(" https://cx.example.do/verbatim/ "), new MockEnvironment());
        assertThat(urls.absolute("/shopping/evaluations/42")).isEqualTo("https://cx.example.do/verbatim/shopping/evaluations/42");
        assertThat(urls.absolute("shopping/campaigns")).isEqualTo("https://cx.example.do/verbatim/shopping/campaigns");
        assertThat(urls.absolute("https://elsewhere.example/x")).isEqualTo("https://elsewhere.example/x");
    }

    @Test
    void blankMeansTheLocalServerPortThenServerPortThen8080() {
        MockEnvironment env = new MockEnvironment();
        PublicUrls urls = new PublicUrls(new PublicUrlProperties(""), env);
        assertThat(urls.base()).isEqualTo("http://localhost:8080");
        env.setProperty("server.port", "9090");
        assertThat(urls.base()).isEqualTo("http://localhost:9090");
        env.setProperty("local.server.port", "41234");
        assertThat(urls.absolute("/shopping/campaigns")).isEqualTo("http://localhost:41234/shopping/campaigns");
        assertThat(new PublicUrls(new PublicUrlProperties(null), env).base()).isEqualTo("http://localhost:41234");
    }
}
