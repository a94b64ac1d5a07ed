-- Platform event channels a tenant subscribes to besides Contact and Lead change events
-- (PUT /api/v1/tenants/{tenantId}/salesforce/platform-event-channels). The CDC subscription lease
-- uses worker_lease with lane -3; its replay ids live in inbound_position (inbound core).
create table platform_event_channel (
    tenant_id  varchar(64)  not null,
    channel    varchar(100) not null,
    created_at timestamptz  not null default now(),
    primary key (tenant_id, channel)
);
