package io.verbatim.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.filter.DelegatingFilterProxy;

/**
 * A real OpenID Connect provider for the single sign-on tests: Spring Authorization Server (the plain library, in
 * its own small Spring context on an embedded Tomcat, not the Boot starter, so nothing of it reaches the platform's
 * context) on the loopback interface under {@code /realms/verbatim}, which makes its issuer look like a Keycloak realm. It has a
 * form login, registered clients (PKCE required) and users whose e-mail goes into the ID token.
 */
public final class TestAuthorizationServer {

    public static final String REALM_PATH = "/realms/verbatim";
    private static TestAuthorizationServer instance;

    private final Tomcat tomcat = new Tomcat();
    private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    private final Map<String, Profile> profiles = new ConcurrentHashMap<>();
    private final Clients clients = new Clients();
    private final RSAKey key;
    private int port;

    /** What the ID token says about a user. */
    public record Profile(String email, Boolean emailVerified, String name) {
    }

    private TestAuthorizationServer() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("sas-" + UUID.randomUUID()).generate();
        tomcat.setBaseDir(Files.createTempDirectory("verbatim-sas-").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext(REALM_PATH, Files.createTempDirectory("verbatim-sas-doc-").toString());
        context.addServletContainerInitializer((classes, servletContext) -> {
            AnnotationConfigWebApplicationContext spring = new AnnotationConfigWebApplicationContext();
            spring.register(Config.class);
            spring.addBeanFactoryPostProcessor(factory -> factory.registerSingleton("testAuthorizationServer", this));
            spring.setServletContext(servletContext);
            spring.refresh();
            servletContext.addFilter("springSecurityFilterChain", new DelegatingFilterProxy("springSecurityFilterChain", spring))
                    .addMappingForUrlPatterns(null, false, "/*");
            servletContext.addServlet("nothing", new NotFound()).addMapping("/");
        }, null);
        tomcat.start();
        port = connector.getLocalPort();
    }

    public static synchronized TestAuthorizationServer get() {
        if (instance == null) {
            try {
                instance = new TestAuthorizationServer();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    /**
     * Reached as {@code localhost} while Verbatim is reached as {@code 127.0.0.1}: two different sites to a browser,
     * so the return from the provider is a cross-site navigation, as it is in production (SameSite rules apply).
     */
    public String issuer() {
        return "http://localhost:" + port + REALM_PATH;
    }

    /** A confidential client that must use PKCE, with one redirect URI. */
    public void registerClient(String clientId, String secret, String redirectUri) {
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientSecret("{noop}" + secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri)
                .scope(OidcScopes.OPENID).scope(OidcScopes.EMAIL).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).requireProofKey(true).build())
                .build());
    }

    public void addUser(String username, String password, Profile profile) {
        if (!users.userExists(username)) {
            users.createUser(User.withUsername(username).password("{noop}" + password).roles("USER").build());
        }
        profiles.put(username, profile);
    }

    private static final class NotFound extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) {
            response.setStatus(404);
        }
    }

    private static final class Clients implements RegisteredClientRepository {
        private final Map<String, RegisteredClient> byId = new ConcurrentHashMap<>();

        @Override
        public void save(RegisteredClient client) {
            byId.values().removeIf(c -> c.getClientId().equals(client.getClientId()));
            byId.put(client.getId(), client);
        }

        @Override
        public RegisteredClient findById(String id) {
            return byId.get(id);
        }

        @Override
        public RegisteredClient findByClientId(String clientId) {
            return byId.values().stream().filter(c -> c.getClientId().equals(clientId)).findFirst().orElse(null);
        }
    }

    /**
     * Deliberately not a {@code @Configuration}: the platform's component scan covers test classes too, and this
     * must not become part of the platform's context. It is registered into the server's own context only.
     */
    @EnableWebSecurity
    static class Config {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(server -> {
                        http.securityMatcher(server.getEndpointsMatcher());
                        server.oidc(Customizer.withDefaults());
                    })
                    .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                    .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain formLogin(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService userDetailsService(TestAuthorizationServer server) {
            return server.users;
        }

        @Bean
        RegisteredClientRepository registeredClientRepository(TestAuthorizationServer server) {
            return server.clients;
        }

        @Bean
        JWKSource<SecurityContext> jwkSource(TestAuthorizationServer server) {
            return new ImmutableJWKSet<>(new JWKSet(server.key));
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings() {
            return AuthorizationServerSettings.builder().build();
        }

        /** The user's e-mail (and whether it is verified) and name go into the ID token, as Keycloak and Google do. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims(TestAuthorizationServer server) {
            return context -> {
                if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    return;
                }
                Profile profile = server.profiles.get(context.getPrincipal().getName());
                if (profile != null) {
                    context.getClaims().claim("email", profile.email()).claim("name", profile.name());
                    if (profile.emailVerified() != null) {
                        context.getClaims().claim("email_verified", profile.emailVerified());
                    }
                }
            };
        }
    }
}
