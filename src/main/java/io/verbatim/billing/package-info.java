/**
 * Companies and their subscriptions: a company is a tenant with a profile (phone, e-mail, address, state, country)
 * created by a platform admin together with its first admin; its plan, subscription status and recorded payments.
 * Other modules ask {@link io.verbatim.billing.CompanyStanding#requireGoodStanding()} before work a company in
 * arrears may not start (new campaigns, new evaluations); reading is never blocked.
 */
package io.verbatim.billing;
