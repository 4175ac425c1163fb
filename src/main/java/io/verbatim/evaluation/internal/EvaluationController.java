package io.verbatim.evaluation.internal;

import io.verbatim.evaluation.EvaluationProperties;
import io.verbatim.evaluation.EvaluationRun;
import io.verbatim.evaluation.Evaluations;
import io.verbatim.identity.CurrentUser;
import io.verbatim.flags.FeatureFlags;
import io.verbatim.flags.FlagKeys;
import io.verbatim.platform.ProblemException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/analyst-evaluations} (multipart: {@code <id>.json} + {@code <id>.labels.json} files, or zips of
 * them, under any part name; optional {@code name} field), {@code GET /api/v1/analyst-evaluations[/{id}]}. Admins only:
 * how a tenant checks the analyst against its own labelled conversations.
 */
@RestController
@RequestMapping("/api/v1/analyst-evaluations")
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
class EvaluationController {

    private final Evaluations evaluations;
    private final EvaluationProperties limits;
    private final JsonMapper json;
    private final FeatureFlags flags;

    EvaluationController(Evaluations evaluations, EvaluationProperties limits, JsonMapper json, FeatureFlags flags) {
        this.flags = flags;
        this.evaluations = evaluations;
        this.limits = limits;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<EvaluationRun> create(MultipartHttpServletRequest request) throws IOException {
        flags.require(FlagKeys.EVALUATION);
        List<MultipartFile> files = new ArrayList<>();
        request.getMultiFileMap().values().forEach(files::addAll);
        // two files per conversation, and a little room for READMEs and the like
        if (files.size() > 2L * limits.maxConversations() + 10) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "evaluation-too-many-files", "Too many files",
                    files.size() + " files; one evaluation holds at most " + limits.maxConversations() + " conversations");
        }
        List<UploadReader.Upload> uploads = new ArrayList<>();
        for (MultipartFile f : files) {
            if (!f.isEmpty()) {
                uploads.add(new UploadReader.Upload(f.getOriginalFilename(), f.getBytes()));
            }
        }
        var labelled = new UploadReader(limits, json).read(uploads);
        EvaluationRun run = evaluations.create(request.getParameter("name"), createdBy(CurrentUser.require()), labelled);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/analyst-evaluations/" + run.id())).body(run);
    }

    @GetMapping
    Map<String, List<EvaluationRun>> list() {
        flags.require(FlagKeys.EVALUATION);
        return Map.of("items", evaluations.list());
    }

    @GetMapping("/{id}")
    EvaluationRun get(@PathVariable UUID id) {
        flags.require(FlagKeys.EVALUATION);
        return evaluations.get(id);
    }

    private static String createdBy(CurrentUser user) {
        return user.email() != null ? user.email() : user.actorId();
    }
}
