package io.verbatim.platform.web;

import io.verbatim.platform.ProblemException;
import io.verbatim.platform.Problems;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every API error into {@code application/problem+json} with a stable type; never a stack trace. */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problem(ProblemException e) {
        ProblemDetail body = Problems.of(e.status(), e.type(), e.title(), e.getMessage());
        e.properties().forEach(body::setProperty);
        return respond(e.status(), body);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<Object> forbidden(RuntimeException e) {
        return respond(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your role does not allow this"));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException e) {
        return respond(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "duplicate", "Conflict",
                "A record with the same unique value already exists"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter", "Bad request",
                "Parameter '" + e.getName() + "' has an invalid value"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unhandled error", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Internal error", "Something went wrong on our side; it has been logged"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        // A value our own types reject while being read (an unknown role, a bad tenant id) keeps its own type.
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem);
            }
        }
        return respond(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Bad request",
                "The request body is missing or is not valid JSON of the expected shape"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            fields.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        ProblemDetail body = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "Some fields are missing or invalid: " + String.join(", ", fields.keySet()));
        body.setProperty("errors", fields);
        return respond(HttpStatus.BAD_REQUEST, body);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return respond(HttpStatus.CONTENT_TOO_LARGE, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "media-too-large",
                "Upload too large", "The upload exceeds the maximum size this server accepts"));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return respond(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "No such resource"));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail detail && detail.getType().toString().equals("about:blank")) {
            detail.setType(Problems.type("http-" + statusCode.value()));
        }
        return response;
    }

    private static ResponseEntity<Object> respond(HttpStatus status, ProblemDetail body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
