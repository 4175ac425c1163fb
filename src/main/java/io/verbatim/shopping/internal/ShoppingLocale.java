package io.verbatim.shopping.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.preferences.UserPreferences;
import io.verbatim.tenancy.TenantContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The pages' language, Spanish or English: the one the user picked in this browser ({@code ?lang=}, kept in a
 * cookie), then the language stored in the user's preferences (so it follows them to any browser, and to downloads
 * made with a token), then the browser's first of the two, then the company's default (Spanish for a company in DO,
 * else English).
 */
@Component("localeResolver")
class ShoppingLocale implements LocaleResolver {

    static final String COOKIE = "verbatim_lang";
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final UserPreferences preferences;

    ShoppingLocale(JdbcClient jdbc, PlatformTransactionManager transactions, UserPreferences preferences) {
        this.jdbc = jdbc;
        this.preferences = preferences;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setReadOnly(true);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        String picked = request.getParameter("lang");
        if (picked == null && request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (COOKIE.equals(c.getName())) {
                    picked = c.getValue();
                }
            }
        }
        if ("es".equals(picked) || "en".equals(picked)) {
            return Locale.of(picked);
        }
        String stored = stored();
        if (stored != null) {
            return Locale.of(stored);
        }
        if (request.getHeader("Accept-Language") != null) {
            for (var range : Locale.LanguageRange.parse(request.getHeader("Accept-Language"))) {
                String lang = range.getRange().split("-")[0];
                if (lang.equals("es") || lang.equals("en")) {
                    return Locale.of(lang);
                }
            }
        }
        return companyDefault();
    }

    private String stored() {
        Optional<CurrentUser> user = CurrentUser.current();
        if (user.isEmpty() || user.get().userId() == null || TenantContext.current().isEmpty()) {
            return null;
        }
        return preferences.of(user.get().userId()).language();
    }

    private Locale companyDefault() {
        if (CurrentUser.current().isEmpty() || TenantContext.current().isEmpty()) {
            return Locale.ENGLISH;
        }
        String country = transaction.execute(tx -> jdbc.sql("SELECT country FROM company_profiles").query(String.class)
                .optional().orElse(""));
        return "DO".equals(country) ? Locale.of("es") : Locale.ENGLISH;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Cookie cookie = new Cookie(COOKIE, locale == null ? "" : locale.getLanguage());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
    }
}
