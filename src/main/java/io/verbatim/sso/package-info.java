/**
 * Single sign-on for the web UI: each tenant may name one OpenID Connect provider (Google, a Keycloak realm,
 * or any other issuer) whose users sign in with the authorization-code flow (PKCE and nonce). Users are matched
 * by verified e-mail to the tenant's accounts, or created with the tenant's default role when it allows that;
 * the session is then the one the identity module starts for a password sign-in. The client secret is sealed
 * under the tenant's data key (credentials module) and never returned. Nothing depends on this module.
 */
package io.verbatim.sso;
