package io.verbatim.web.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A page a signed-in user may not open (a {@code @PreAuthorize} on a page controller) or that does not exist
 * is answered with a designed HTML page ({@code templates/error/403.html}, {@code 404.html}) instead of the
 * API's problem+json. Runs before the API's exception handlers and leaves {@code /api/**} to them.
 */
@Component
class PageErrors implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception e) {
        if (!isPage(request)) {
            return null;
        }
        HttpStatus status;
        if (e instanceof AccessDeniedException) {
            status = HttpStatus.FORBIDDEN;
        } else if (wantsHtml(request) && (e instanceof NoResourceFoundException
                || e instanceof ProblemException p && p.status() == HttpStatus.NOT_FOUND)) {
            status = HttpStatus.NOT_FOUND;
        } else if (wantsHtml(request) && e instanceof ProblemException p && p.status().is4xxClientError()) {
            // A bad link or filter value: say what is wrong in words, on a page.
            ModelAndView page = new ModelAndView("error/400");
            page.setStatus(p.status());
            CurrentUser.current().ifPresent(user -> page.addObject("user", user));
            page.addObject("title", p.title());
            page.addObject("detail", p.getMessage());
            return page;
        } else {
            return null;
        }
        ModelAndView page = new ModelAndView("error/" + status.value());
        page.setStatus(status);
        CurrentUser.current().ifPresent(user -> page.addObject("user", user));
        page.addObject("path", request.getRequestURI());
        return page;
    }

    @Override
    public int getOrder() {
        // After Spring Boot's DefaultErrorAttributes (which only records the exception), before the API's advice.
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    private static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/") && !path.startsWith("/actuator") && !path.startsWith("/v3/")
                && !path.startsWith("/css/") && !path.startsWith("/js/") && !path.startsWith("/webjars/");
    }

    private static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }
}
