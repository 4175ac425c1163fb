package io.verbatim.billing;

/**
 * A company's profile as the seeding path gives it ({@link CompanyProfiles}).
 *
 * @param state   ISO 3166-2 subdivision of the country ({@code DO-01}), or null
 * @param country ISO 3166-1 alpha-2; null = {@code DO}
 */
public record CompanyProfile(String email, String phone, String address, String state, String country) {
}
