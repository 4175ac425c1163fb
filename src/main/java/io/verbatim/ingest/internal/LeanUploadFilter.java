package io.verbatim.ingest.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.verbatim.conversations.Accepted;
import io.verbatim.flags.FeatureFlags;
import io.verbatim.flags.FlagKeys;
import io.verbatim.identity.Role;
import io.verbatim.ingest.internal.UploadAcceptance.AcceptedView;
import io.verbatim.platform.ProblemException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers {@code POST /api/v1/conversations} (multipart) itself, after the security chain and before Spring MVC:
 * the upload's profile showed MVC's dispatch, argument resolution, method-security proxy and JSON converter
 * around a few lines of code. Everything the security chain does still happens first (bearer token, API key
 * or session with its same-origin check, the second-factor policy, tenant binding and the platform admin's
 * audited cross-tenant access); this filter adds the controller's role check and runs the controller's code
 * ({@link UploadAcceptance}). A request it does not fully own goes on to {@link UploadController} untouched: a
 * caller without an upload role (the same 403 as before), a body that is not multipart or an {@code Accept} that
 * rules JSON out (MVC's 415/406), or a tenant with the {@code ingest-lean-route} flag off.
 */
final class LeanUploadFilter implements Filter {

    private static final Logger log = LoggerFactory.getLogger(LeanUploadFilter.class);
    /** {@code hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER')}, as on the controller. */
    private static final Set<String> ROLES = Set.of(Role.ADMIN.authority(), Role.PLATFORM_ADMIN.authority(),
            Role.MANAGER.authority());

    private final UploadAcceptance acceptance;
    private final FeatureFlags flags;
    private final JsonMapper json;
    private final StandardServletMultipartResolver multipart = new StandardServletMultipartResolver();
    /** Requests this route answered (the rest went on to MVC): shows the route is in use. */
    private final Counter answered;

    /** @param meters where {@code verbatim.ingest.lean.route.answers} is counted, or null */
    LeanUploadFilter(UploadAcceptance acceptance, FeatureFlags flags, JsonMapper json, MeterRegistry meters) {
        this.acceptance = acceptance;
        this.flags = flags;
        this.json = json;
        this.answered = meters == null ? null : Counter.builder("verbatim.ingest.lean.route.answers")
                .description("Uploads (POST /api/v1/conversations) answered by the lean route ahead of Spring MVC")
                .register(meters);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (!owns(request) || !flags.enabled(FlagKeys.INGEST_LEAN_ROUTE)) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletResponse response = (HttpServletResponse) res;
        if (answered != null) {
            answered.increment();
        }
        // The request metrics keep their uri tag, as MVC's handler mapping would set it.
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(UploadAcceptance.PATH));
        MultipartHttpServletRequest parsed = null;
        try {
            parsed = multipart.resolveMultipart(request);
            Accepted accepted = acceptance.accept(parsed, idempotencyKey(request));
            AcceptedView view = AcceptedView.of(accepted);
            response.setStatus(accepted.duplicate() ? HttpStatus.OK.value() : HttpStatus.ACCEPTED.value());
            response.setHeader("Location", view.statusUrl());
            write(response, MediaType.APPLICATION_JSON_VALUE, json.writeValueAsBytes(view));
        } catch (ProblemException e) {
            problem(request, response, e.status(), e.type(), e.title(), e.getMessage(), e);
        } catch (MaxUploadSizeExceededException e) {
            problem(request, response, HttpStatus.CONTENT_TOO_LARGE, "media-too-large", "Upload too large",
                    "The upload exceeds the maximum size this server accepts", null);
        } catch (DuplicateKeyException e) {
            problem(request, response, HttpStatus.CONFLICT, "duplicate", "Conflict",
                    "A record with the same unique value already exists", null);
        } catch (Exception e) {
            log.error("Unhandled error", e);
            problem(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                    "Something went wrong on our side; it has been logged", null);
        } finally {
            if (parsed != null) {
                multipart.cleanupMultipart(parsed);
            }
        }
    }

    /** A multipart POST to the exact path, by an authenticated caller with an upload role, that accepts JSON. */
    static boolean owns(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())
                || !request.getRequestURI().equals(request.getContextPath() + UploadAcceptance.PATH)) {
            return false;
        }
        try {
            String type = request.getContentType();
            if (type == null || !MediaType.MULTIPART_FORM_DATA.includes(MediaType.parseMediaType(type))) {
                return false;
            }
            String accept = request.getHeader("Accept");
            if (accept != null && MediaType.parseMediaTypes(Collections.list(request.getHeaders("Accept"))).stream()
                    .noneMatch(MediaType.APPLICATION_JSON::isCompatibleWith)) {
                return false;
            }
        } catch (InvalidMediaTypeException e) {
            return false; // MVC answers it as before
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)
                && caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(ROLES::contains);
    }

    /** As MVC binds {@code @RequestHeader String}: the one value, or several joined by commas. */
    private static String idempotencyKey(HttpServletRequest request) {
        List<String> values = Collections.list(request.getHeaders("Idempotency-Key"));
        return values.isEmpty() ? null : String.join(",", values);
    }

    /** The same problem+json as {@code ProblemResponses} (MVC fills {@code instance} with the request's path). */
    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                         String title, String detail, ProblemException source) throws IOException {
        var body = io.verbatim.platform.Problems.of(status, type, title, detail);
        if (source != null) {
            source.properties().forEach(body::setProperty);
        }
        body.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        write(response, MediaType.APPLICATION_PROBLEM_JSON_VALUE, json.writeValueAsBytes(body));
    }

    private static void write(HttpServletResponse response, String contentType, byte[] body) throws IOException {
        response.setContentType(contentType);
        response.getOutputStream().write(body);
    }
}
