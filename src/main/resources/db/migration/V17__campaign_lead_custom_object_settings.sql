-- Per-tenant settings documents of issue 6, part 2. Each is one JSON document per tenant, replaced
-- whole by its PUT endpoint; tenants without a row use the documented defaults.

-- Campaign rules ("when X occurs, add the member to Campaign C with status S") and tag campaigns.
create table campaign_settings (
    tenant_id   varchar(64)   not null primary key,
    document    jsonb         not null,
    updated_at  timestamptz   not null,
    updated_by  varchar(255)  not null,
    version     bigint        not null default 0
);

-- Lead enrichment: on/off and the Lead fields written.
create table lead_settings (
    tenant_id   varchar(64)   not null primary key,
    document    jsonb         not null,
    updated_at  timestamptz   not null,
    updated_by  varchar(255)  not null,
    version     bigint        not null default 0
);

-- MemberPulse record types mapped to custom objects.
create table custom_object_settings (
    tenant_id   varchar(64)   not null primary key,
    document    jsonb         not null,
    updated_at  timestamptz   not null,
    updated_by  varchar(255)  not null,
    version     bigint        not null default 0
);
