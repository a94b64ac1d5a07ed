-- Inbound: Salesforce changes bound for MemberPulse core.

-- Where each CDC / platform event channel of a tenant stands: the replay id of the last event
-- whose effect is committed (stored in the same transaction as that effect).
create table inbound_position (
    tenant_id       varchar(64)  not null,
    channel         varchar(255) not null,
    replay_id       bigint       not null,
    -- the Salesforce commit time of that event: now() - last_commit_at is the channel's lag
    last_commit_at  timestamptz,
    updated_at      timestamptz  not null default now(),
    primary key (tenant_id, channel)
);

-- How far SOQL catch-up / reconciliation has read each object of a tenant (SystemModstamp).
create table inbound_watermark (
    tenant_id   varchar(64)  not null,
    object_type varchar(40)  not null,
    watermark   timestamptz  not null,
    updated_at  timestamptz  not null default now(),
    primary key (tenant_id, object_type)
);

-- When MemberPulse last changed each field of the member (member field name -> ISO instant, the
-- member event's occurredAt), recorded when the outbound pipeline writes it: two_way fields
-- compare it with the Salesforce change's commit time (latest change wins).
alter table member_link add column field_times jsonb not null default '{}'::jsonb;

-- The durable queue of webhook deliveries to MemberPulse core. Sent strictly in order per
-- order_key (the member, or the Contact for unlinked contacts): only the oldest undelivered row
-- of a key is ever claimed.
create table webhook_delivery (
    id              bigint generated always as identity primary key,
    delivery_id     varchar(36)  not null,
    tenant_id       varchar(64)  not null,
    order_key       varchar(160) not null,
    member_id       varchar(128),
    salesforce_id   varchar(18)  not null,
    change_type     varchar(32)  not null,
    -- the exact JSON body sent and signed (the same bytes on every attempt)
    body            text         not null,
    -- source + source key + record: the same change applied twice queues nothing twice
    dedupe_key      varchar(300) not null,
    source          varchar(24)  not null,
    changed_at      timestamptz  not null,
    status          varchar(16)  not null default 'PENDING'
        check (status in ('PENDING', 'IN_FLIGHT', 'DELIVERED')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    claimed_until   timestamptz,
    last_error      varchar(1000),
    created_at      timestamptz  not null default now(),
    delivered_at    timestamptz,
    constraint webhook_delivery_uk unique (tenant_id, dedupe_key)
);
create index webhook_delivery_open_idx on webhook_delivery (tenant_id, order_key, id) where status <> 'DELIVERED';
create index webhook_delivery_due_idx on webhook_delivery (id) where status <> 'DELIVERED';
create index webhook_delivery_done_idx on webhook_delivery (delivered_at) where status = 'DELIVERED';

-- Who runs a tenant's reconciliation, and what its last run found.
create table reconciliation_run (
    tenant_id     varchar(64)  primary key,
    holder        varchar(64),
    lease_until   timestamptz,
    last_run_at   timestamptz,
    examined      integer      not null default 0,
    applied       integer      not null default 0,
    last_error    varchar(1000)
);

-- Inbound entries have no member when the Contact is linked to none, and reconciliation
-- entries belong to the tenant.
alter table sync_log alter column member_id drop not null;

-- Whether changes to Contacts linked to no member are offered to MemberPulse core
-- (member.unlinked_contact deliveries). Off unless the tenant opts in.
alter table sync_settings add column offer_unlinked_contacts boolean not null default false;

-- Every statement that queues deliveries wakes the senders once, when it commits.
create function webhook_delivery_notify() returns trigger language plpgsql as $$
begin
    if exists (select 1 from queued) then
        perform pg_notify('memberpulse_webhook', '');
    end if;
    return null;
end
$$;
create trigger webhook_delivery_queued after insert on webhook_delivery
    referencing new table as queued for each statement execute function webhook_delivery_notify();
