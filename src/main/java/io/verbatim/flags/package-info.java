/**
 * Feature flags, evaluated through OpenFeature with our own provider: global definitions (platform admins),
 * per-tenant overrides (tenant admins, where a flag allows them), targeting by user or role, and a percentage
 * rollout that is sticky per tenant. Other modules ask {@link io.verbatim.flags.FeatureFlags#enabled(String)}
 * for the current tenant and user; this module depends on none of them.
 */
package io.verbatim.flags;
