-- Single sign-on (OpenID Connect authorization-code login for the web UI), one identity provider per tenant.
-- The client secret is sealed under the tenant's data key (credentials module); the endpoints are those the
-- issuer's discovery document named when the configuration was saved.
CREATE TABLE sso_configs (
    tenant_id              text PRIMARY KEY REFERENCES tenants (id),
    preset                 text NOT NULL CHECK (preset IN ('google', 'keycloak', 'custom')),
    issuer                 text NOT NULL,
    client_id              text NOT NULL,
    client_secret_sealed   text NOT NULL,
    authorization_endpoint text NOT NULL,
    token_endpoint         text NOT NULL,
    jwks_uri               text NOT NULL,
    userinfo_endpoint      text,
    token_auth_method      text NOT NULL CHECK (token_auth_method IN ('client_secret_basic', 'client_secret_post')),
    allow_user_creation    boolean NOT NULL DEFAULT false,
    default_role           text NOT NULL CHECK (default_role IN ('manager', 'executive', 'agent')),
    default_agent_kind     text CHECK (default_agent_kind IN ('csr', 'sales_rep', 'shopper')),
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CHECK ((default_role = 'agent') = (default_agent_kind IS NOT NULL))
);
SELECT verbatim_enable_tenant_rls('sso_configs');

-- The e-mail domains whose users the sign-in page sends to this tenant's provider. A domain routes to one
-- tenant only, so no tenant can put its own provider's login page in front of another's users.
CREATE TABLE sso_email_domains (
    tenant_id text NOT NULL REFERENCES sso_configs (tenant_id) ON DELETE CASCADE,
    domain    text NOT NULL CHECK (domain = lower(domain)),
    PRIMARY KEY (tenant_id, domain)
);
CREATE UNIQUE INDEX sso_email_domains_domain ON sso_email_domains (domain);
SELECT verbatim_enable_tenant_rls('sso_email_domains');

-- The sign-in page finds the tenant before any is bound: by its id or external organisation id, or by the
-- e-mail's domain. Only tenants that are active and have single sign-on set up are returned, and only their id.
CREATE FUNCTION sso_find_tenant(p_organisation text, p_email_domain text)
    RETURNS TABLE (tenant_id text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT c.tenant_id
    FROM sso_configs c JOIN tenants t ON t.id = c.tenant_id
    WHERE t.deactivated_at IS NULL
      AND ((p_organisation IS NOT NULL AND (t.id = lower(p_organisation) OR t.external_org_id = p_organisation))
        OR (p_email_domain IS NOT NULL AND c.tenant_id IN (
              SELECT d.tenant_id FROM sso_email_domains d WHERE d.domain = lower(p_email_domain))))
$$;
REVOKE ALL ON FUNCTION sso_find_tenant(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sso_find_tenant(text, text) TO ${app_role};
