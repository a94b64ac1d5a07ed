-- What the service knows of the org behind a connection, and whether it can reach it.
alter table salesforce_connection
    add column org_id           varchar(18),
    add column instance_url     varchar(255),
    add column state            varchar(24) not null default 'NOT_CONNECTED'
        check (state in ('NOT_CONNECTED', 'CONNECTED', 'RECONNECT_NEEDED')),
    add column state_detail     varchar(512),
    add column state_changed_at timestamptz;

-- Pending "Connect with Salesforce" authorizations: single use, short-lived, bound to a tenant.
-- Only a hash of the state is stored; the PKCE verifier is sealed like every other secret.
create table oauth_authorization (
    state_hash     varchar(64)  primary key,
    tenant_id      varchar(64)  not null,
    code_verifier  bytea        not null,
    key_id         varchar(32)  not null,
    redirect_uri   varchar(512) not null,
    login_url      varchar(255) not null,
    client_id      varchar(255) not null,
    requested_by   varchar(255) not null,
    created_at     timestamptz  not null,
    expires_at     timestamptz  not null
);
create index oauth_authorization_expiry_idx on oauth_authorization (expires_at);
