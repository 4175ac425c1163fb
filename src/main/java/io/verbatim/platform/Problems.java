package io.verbatim.platform;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds problem details with the project's stable type URIs ({@code urn:verbatim:problem:<slug>}). */
public final class Problems {

    private static final String PREFIX = "urn:verbatim:problem:";

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create(PREFIX + slug);
    }

    public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }
}
