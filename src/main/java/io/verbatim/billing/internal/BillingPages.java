package io.verbatim.billing.internal;

import io.verbatim.billing.SubscriptionStatus;
import io.verbatim.identity.AuditLog;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The billing pages of the mystery-shopping pages, with the API's roles. Payments ({@code /shopping/payments}): a company
 * admin reads their company's plan, subscription status and payments and records one; a platform admin does the same
 * for any company ({@code ?company=}, audited there as {@code X-Verbatim-Tenant} is). Companies
 * ({@code /shopping/companies}): platform admins list them and create one with its first admin. Plain form posts
 * through the same services as {@code /api/v1/payments} and {@code /api/v1/companies}; a refusal shows on the page.
 */
@Controller
class BillingPages {

    private final Companies companies;
    private final Payments payments;
    private final AuditLog audit;

    BillingPages(Companies companies, Payments payments, AuditLog audit) {
        this.companies = companies;
        this.payments = payments;
        this.audit = audit;
    }

    /** What the payment form posts (text, so a typo comes back to the form rather than a 400 page). */
    record PaymentForm(String amount, String currency, String periodStart, String periodEnd, String method, String reference) {

        static PaymentForm empty() {
            LocalDate first = LocalDate.now().withDayOfMonth(1);
            return new PaymentForm("", "DOP", first.toString(), first.plusMonths(1).minusDays(1).toString(), "transfer", "");
        }

        Payments.NewPayment payment() {
            BigDecimal sum;
            try {
                sum = new BigDecimal(amount == null ? "" : amount.strip().replace(",", ""));
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("invalid-amount", "amount must be a number");
            }
            return new Payments.NewPayment(sum, currency, date(periodStart), date(periodEnd), method, reference);
        }

        private static LocalDate date(String value) {
            try {
                return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("invalid-period", "dates are YYYY-MM-DD");
            }
        }
    }

    /** What the company form posts: the profile and the first admin. */
    record CompanyForm(String name, String email, String phone, String address, String state, String country, String adminEmail,
                       String adminName, String adminPassword) {

        static CompanyForm empty() {
            return new CompanyForm("", "", "", "", "", "DO", "", "", "");
        }

        Companies.NewCompany company() {
            return new Companies.NewCompany(name, new Companies.Profile(email, phone, address, blank(state),
                    country == null || country.isBlank() ? null : country.strip()), adminEmail, adminName, adminPassword);
        }

        /** Typed back into the form after a refusal: everything but the password. */
        CompanyForm withoutPassword() {
            return new CompanyForm(name, email, phone, address, state, country, adminEmail, adminName, "");
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    /** A refusal: the message key of its problem type and the detail for a type without one. */
    record Refusal(String key, String detail) {

        static Refusal of(ProblemException e) {
            return new Refusal("shop.billing.error." + e.type(), e.getMessage());
        }
    }

    @GetMapping("/shopping/payments")
    String payments(@RequestParam(required = false) String company, @RequestParam(required = false) String recorded,
                    @RequestParam(required = false) String deleted, @RequestParam(required = false) String restored, Model model) {
        TenantId id = payingCompany(company);
        model.addAttribute("changed", deleted != null ? "deleted" : restored != null ? "restored" : null);
        return paymentsPage(model, id, PaymentForm.empty(), null, recorded != null);
    }

    @PostMapping("/shopping/payments")
    String record(@RequestParam(required = false) String company, PaymentForm form, Model model) {
        TenantId id = payingCompany(company);
        try {
            in(id, () -> payments.record(form.payment()));
        } catch (ProblemException e) {
            if (e.status().value() != 400) {
                throw e;
            }
            return paymentsPage(model, id, form, Refusal.of(e), false);
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/shopping/payments")
                .queryParamIfPresent("company", java.util.Optional.ofNullable(company).filter(c -> !c.isBlank()))
                .queryParam("recorded", "").build().toUriString();
    }

    /** Soft-deletes a payment (the API's {@code DELETE /api/v1/payments/{id}}); it moves to "Deleted payments". */
    @PostMapping("/shopping/payments/{paymentId}/delete")
    String deletePayment(@PathVariable UUID paymentId, @RequestParam(required = false) String company) {
        TenantId id = payingCompany(company);
        in(id, () -> {
            payments.delete(paymentId);
            return null;
        });
        return paymentsRedirect(company, "deleted");
    }

    /** Brings a deleted payment back (the API's {@code POST /api/v1/payments/{id}/restore}). */
    @PostMapping("/shopping/payments/{paymentId}/restore")
    String restorePayment(@PathVariable UUID paymentId, @RequestParam(required = false) String company) {
        TenantId id = payingCompany(company);
        in(id, () -> payments.restore(paymentId));
        return paymentsRedirect(company, "restored");
    }

    private static String paymentsRedirect(String company, String flag) {
        return "redirect:" + UriComponentsBuilder.fromPath("/shopping/payments")
                .queryParamIfPresent("company", java.util.Optional.ofNullable(company).filter(c -> !c.isBlank()))
                .queryParam(flag, "").build().toUriString();
    }

    @GetMapping("/shopping/companies")
    String companies(@RequestParam(required = false) String created, @RequestParam(required = false) String cursor,
                     @RequestParam(required = false) String updated, Model model) {
        requirePlatformAdmin();
        model.addAttribute("updated", updated);
        model.addAttribute("cursor", cursor);
        return companiesPage(model, CompanyForm.empty(), null, created);
    }

    @PostMapping("/shopping/companies")
    String create(CompanyForm form, Model model) {
        requirePlatformAdmin();
        Company made;
        try {
            made = companies.create(form.company());
        } catch (ProblemException e) {
            if (e.status().value() >= 500) {
                throw e;
            }
            return companiesPage(model, form.withoutPassword(), Refusal.of(e), null);
        }
        return "redirect:/shopping/companies?created=" + made.id();
    }

    /**
     * A platform admin sets a company's plan and subscription status (the API's {@code PATCH /api/v1/companies/{id}}:
     * the same service, audit {@code company.subscription_changed}); a blank plan keeps the current one.
     */
    @PostMapping("/shopping/companies/{companyId}")
    String updateSubscription(@PathVariable String companyId, @RequestParam(required = false) String plan,
                              @RequestParam(required = false) String subscriptionStatus, Model model) {
        requirePlatformAdmin();
        if (!TenantId.isValid(companyId)) {
            throw ProblemException.notFound("Company '" + companyId + "'");
        }
        TenantId id = new TenantId(companyId);
        try {
            if (plan != null && plan.strip().length() > 100) {
                throw ProblemException.badRequest("invalid-plan", "plan must be at most 100 characters");
            }
            companies.update(id, new Companies.Changes(null, new Companies.Profile(null, null, null, null, null),
                    plan == null || plan.isBlank() ? null : plan,
                    subscriptionStatus == null || subscriptionStatus.isBlank() ? null : SubscriptionStatus.fromWire(subscriptionStatus)));
        } catch (ProblemException e) {
            if (e.status().value() != 400) {
                throw e;
            }
            model.addAttribute("updateRefusal", Refusal.of(e));
            model.addAttribute("updateCompany", companyId);
            return companiesPage(model, CompanyForm.empty(), null, null);
        }
        return "redirect:/shopping/companies?updated=" + companyId;
    }

    private String paymentsPage(Model model, TenantId id, PaymentForm typed, Refusal refusal, boolean recorded) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("user", user);
        model.addAttribute("company", companies.get(id));
        model.addAttribute("acting", !id.equals(user.tenant()));
        model.addAttribute("payments", in(id, () -> payments.list(false)));
        model.addAttribute("deletedPayments", TenantContext.callAs(id, () -> payments.list(true)));
        model.addAttribute("methods", Payments.METHODS.stream().sorted().toList());
        model.addAttribute("typed", typed);
        model.addAttribute("refusal", refusal);
        model.addAttribute("recorded", recorded);
        return "shopping/payments";
    }

    private String companiesPage(Model model, CompanyForm typed, Refusal refusal, String created) {
        model.addAttribute("user", CurrentUser.require());
        var page = companies.list((String) model.getAttribute("cursor"), 100);
        model.addAttribute("companies", page.items());
        model.addAttribute("next", page.nextCursor());
        model.addAttribute("typed", typed);
        model.addAttribute("refusal", refusal);
        model.addAttribute("created", created);
        model.addAttribute("statuses", SubscriptionStatus.values());
        return "shopping/companies";
    }

    /**
     * The company whose payments the page shows: an admin's own (naming another is 404, as in the API); for a platform
     * admin the one named, else their own; anybody else 403.
     */
    private TenantId payingCompany(String company) {
        CurrentUser user = CurrentUser.require();
        if (!user.role().administers()) {
            throw ProblemException.forbidden("Payments are for the company's admins");
        }
        if (company == null || company.isBlank() || company.equals(user.tenant().value())) {
            return user.tenant();
        }
        if (user.role() != Role.PLATFORM_ADMIN || !TenantId.isValid(company)) {
            throw ProblemException.notFound("Company '" + company + "'");
        }
        TenantId id = new TenantId(company);
        companies.get(id); // 404 for no such company
        return id;
    }

    /** Runs in the company's tenant; a platform admin's access to another company is audited there, as through the API. */
    private <T> T in(TenantId id, Supplier<T> work) {
        CurrentUser user = CurrentUser.require();
        if (!id.equals(user.tenant())) {
            audit.recordPlatformAccess(id, user,
                    Map.of("page", "/shopping/payments"));
        }
        return TenantContext.callAs(id, work);
    }

    private static void requirePlatformAdmin() {
        if (CurrentUser.require().role() != Role.PLATFORM_ADMIN) {
            throw ProblemException.forbidden("Companies are managed by platform admins");
        }
    }
}
