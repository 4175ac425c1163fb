package io.verbatim.webhooks;

import io.verbatim.platform.ProblemException;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The SSRF guard for every outbound call to a URL that came from a tenant or a provider's payload
 * (webhook endpoints, recording URLs, recording-provider APIs): only {@code http}/{@code https}, no
 * user-info, and no address that is loopback, private (RFC 1918, unique-local), link-local (cloud
 * metadata at 169.254.169.254), carrier-grade NAT, multicast or unspecified, unless the operator set
 * {@code verbatim.webhooks.allow-private-targets}. Every address a name resolves to is checked, and
 * redirects are followed by hand so each hop is checked too.
 *
 * <p>Known limit: the HTTP client resolves the name again when it connects, so a DNS server that answers
 * differently the second time (rebinding) is not stopped here; an egress proxy or firewall is the
 * complete answer on a hostile network.
 */
@Component
public class TargetGuard {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private final boolean allowPrivate;

    @org.springframework.beans.factory.annotation.Autowired
    public TargetGuard(WebhookProperties properties) {
        this(properties.allowPrivateTargets());
    }

    public TargetGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** A refused target: 400 {@code target-refused} when it is the caller's input. */
    public static final class TargetRefusedException extends ProblemException {
        public TargetRefusedException(String detail) {
            super(HttpStatus.BAD_REQUEST, "target-refused", "Target refused", detail);
        }
    }

    /** Parses and checks {@code url}; throws {@link TargetRefusedException} when it may not be called. */
    public URI check(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new TargetRefusedException("Not a valid URL");
        }
        return check(uri);
    }

    public URI check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new TargetRefusedException("Only http and https URLs may be called");
        }
        if (uri.getRawUserInfo() != null) {
            throw new TargetRefusedException("URLs with user-info are refused");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new TargetRefusedException("The URL has no host");
        }
        if (allowPrivate) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new TargetRefusedException("The host '" + host + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw new TargetRefusedException("The host '" + host + "' resolves to a private, loopback or link-local "
                        + "address; set verbatim.webhooks.allow-private-targets=true to allow such targets");
            }
        }
        return uri;
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /** Loopback, private, link-local, CGNAT, multicast, unspecified, benchmark and reserved ranges, v4 and v6. */
    public static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int a0 = b[0] & 0xff;
            int a1 = b[1] & 0xff;
            return a0 == 0 || a0 == 127 || a0 == 10 || (a0 == 100 && a1 >= 64 && a1 <= 127) || (a0 == 169 && a1 == 254)
                    || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168) || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0)
                    || (a0 == 198 && (a1 == 18 || a1 == 19)) || a0 >= 224;
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // fc00::/7 unique local
                return true;
            }
            if (first == 0xfe && (b[1] & 0xc0) == 0x80) { // fe80::/10
                return true;
            }
            boolean mapped = true; // ::ffff:a.b.c.d and ::a.b.c.d carry a v4 address
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            if (first == 0x20 && b[1] == 0x02) { // 2002::/16 6to4 wraps a v4 address
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[2], b[3], b[4], b[5]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            if (first == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) { // 64:ff9b::/96 NAT64
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Sends {@code request} after checking its target, following up to {@code maxRedirects} redirects by hand
     * (each hop checked; the {@code Authorization} header is dropped when a redirect leaves the original host).
     * The client must not follow redirects itself.
     */
    public <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> handler, int maxRedirects)
            throws IOException, InterruptedException {
        HttpRequest current = request;
        String originalHost = request.uri().getHost();
        for (int hop = 0; ; hop++) {
            check(current.uri());
            HttpResponse<T> response = client.send(current, handler);
            if (!REDIRECTS.contains(response.statusCode()) || hop >= maxRedirects) {
                return response;
            }
            String location = response.headers().firstValue("location").orElse(null);
            if (location == null) {
                return response;
            }
            if (response.body() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // the next hop matters, not this body
                }
            }
            URI next = current.uri().resolve(location);
            boolean sameHost = next.getHost() != null && next.getHost().equalsIgnoreCase(originalHost);
            HttpRequest.Builder builder = HttpRequest.newBuilder(current, (name, value) -> sameHost
                    || !name.equalsIgnoreCase("authorization")).uri(next);
            if (response.statusCode() == 303) {
                builder.GET();
            }
            current = builder.build();
        }
    }
}
