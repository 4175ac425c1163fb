package io.verbatim.billing.internal;

import io.verbatim.billing.SubscriptionStatus;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantId;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Platform admins create and list companies and set their subscription; a company's admin reads and edits the
 * profile of their own company only (another id is 404, as if it did not exist).
 */
@RestController
@RequestMapping("/api/v1/companies")
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
class CompanyController {

    private final Companies companies;

    CompanyController(Companies companies) {
        this.companies = companies;
    }

    record AdminAccount(String email, String name, String password) {
    }

    record CreateCompany(String name, String email, String phone, String address, String state, String country,
                         AdminAccount admin) {
    }

    record UpdateCompany(String name, String email, String phone, String address, String state, String country, String plan,
                         SubscriptionStatus subscriptionStatus) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    Company create(@RequestBody CreateCompany body) {
        if (body.admin() == null) {
            throw ProblemException.badRequest("validation", "admin (email, name, password) is required");
        }
        return companies.create(new Companies.NewCompany(body.name(),
                new Companies.Profile(body.email(), body.phone(), body.address(), body.state(), body.country()),
                body.admin().email(), body.admin().name(), body.admin().password()));
    }

    @GetMapping
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    Page<Company> list(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return companies.list(cursor, Page.limit(limit));
    }

    @GetMapping("/{id}")
    Company get(@PathVariable String id) {
        return companies.get(visible(id));
    }

    @PatchMapping("/{id}")
    Company update(@PathVariable String id, @RequestBody UpdateCompany body) {
        TenantId company = visible(id);
        if (CurrentUser.require().role() != Role.PLATFORM_ADMIN && (body.subscriptionStatus() != null || body.plan() != null)) {
            throw ProblemException.forbidden("Only platform admins change a company's plan or subscription status");
        }
        return companies.update(company, new Companies.Changes(body.name(),
                new Companies.Profile(body.email(), body.phone(), body.address(), body.state(), body.country()), body.plan(),
                body.subscriptionStatus()));
    }

    /** The company id, if the caller may see it: platform admins every one, an admin only their own. */
    private static TenantId visible(String id) {
        CurrentUser user = CurrentUser.require();
        if (!TenantId.isValid(id) || (user.role() != Role.PLATFORM_ADMIN && !user.homeTenant().value().equals(id))) {
            throw ProblemException.notFound("Company '" + id + "'");
        }
        return new TenantId(id);
    }
}
