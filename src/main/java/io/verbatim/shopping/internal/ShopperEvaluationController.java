package io.verbatim.shopping.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shoppers submit evaluations of the campaigns they are assigned to (402 when the company is not in good standing);
 * admins and executives read all, managers those of their campaigns, shoppers their own.
 */
@RestController
@RequestMapping("/api/v1/evaluations")
class ShopperEvaluationController {

    private final ShopperEvaluations evaluations;

    ShopperEvaluationController(ShopperEvaluations evaluations) {
        this.evaluations = evaluations;
    }

    @PostMapping
    ResponseEntity<ShopperEvaluation> submit(@RequestBody ShopperEvaluations.NewEvaluation body) {
        ShopperEvaluation e = evaluations.submit(body);
        return ResponseEntity.created(URI.create("/api/v1/evaluations/" + e.id())).body(e);
    }

    @GetMapping
    Page<ShopperEvaluation> list(@RequestParam(name = "campaign_id", required = false) UUID campaignId,
                                 @RequestParam(required = false) String status, @RequestParam(defaultValue = "false") boolean deleted,
                                 @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        if (deleted && !CurrentUser.require().role().administers()) {
            throw ProblemException.forbidden("Only admins see deleted evaluations");
        }
        return evaluations.list(campaignId, status, deleted, cursor, Page.limit(limit));
    }

    @GetMapping("/{id}")
    ShopperEvaluation get(@PathVariable UUID id) {
        return evaluations.visible(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    void delete(@PathVariable UUID id) {
        evaluations.delete(id);
    }

    @PostMapping("/{id}/restore")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    ShopperEvaluation restore(@PathVariable UUID id) {
        return evaluations.restore(id);
    }
}
