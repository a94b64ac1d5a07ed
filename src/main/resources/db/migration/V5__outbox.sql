-- The outbox: Salesforce writes to make, one pending item per member and operation (changes to
-- the same member coalesce into it), claimed with FOR UPDATE SKIP LOCKED by any replica.
create table outbox_item (
    id                bigint generated always as identity primary key,
    tenant_id         varchar(64)  not null,
    member_id         varchar(128) not null,
    operation         varchar(24)  not null check (operation in ('CONTACT_UPSERT')),
    -- MemberPulse-side values to write, by MemberPulse field name; JSON null clears a field
    fields            jsonb        not null default '{}'::jsonb,
    -- when each field last changed in MemberPulse (the member event's occurredAt)
    field_times       jsonb        not null default '{}'::jsonb,
    -- 0: live changes, 1: backfill; live work is always served first
    priority          smallint     not null default 0,
    -- items of one lane are sent one batch at a time; an Account's items share a lane, so two
    -- batches never lock the same parent Account concurrently (UNABLE_TO_LOCK_ROW)
    lane              smallint     not null,
    status            varchar(16)  not null check (status in ('PENDING', 'IN_FLIGHT', 'DONE', 'FAILED')),
    attempts          integer      not null default 0,
    next_attempt_at   timestamptz  not null default now(),
    claimed_until     timestamptz,
    last_error_code   varchar(64),
    last_error_message varchar(2000),
    backfill_job_id   bigint,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now()
);
create unique index outbox_item_pending_uk on outbox_item (tenant_id, member_id, operation) where status = 'PENDING';
create index outbox_item_claim_idx on outbox_item (tenant_id, lane, priority, id) where status = 'PENDING';
create index outbox_item_in_flight_idx on outbox_item (claimed_until) where status = 'IN_FLIGHT';

-- member <-> Contact: the Salesforce id and the values the service last wrote (for no-echo).
create table member_link (
    tenant_id       varchar(64)  not null,
    member_id       varchar(128) not null,
    salesforce_id   varchar(18)  not null,
    account_id      varchar(18),
    last_written    jsonb        not null default '{}'::jsonb,
    last_written_at timestamptz  not null,
    primary key (tenant_id, member_id)
);
create index member_link_salesforce_idx on member_link (tenant_id, salesforce_id);

-- Company name -> Account, found or created once per tenant.
create table account_link (
    tenant_id   varchar(64)  not null,
    name_key    varchar(255) not null,
    name        varchar(255) not null,
    account_id  varchar(18)  not null,
    created_at  timestamptz  not null default now(),
    primary key (tenant_id, name_key)
);

-- Which replica works a tenant's lane (lane -1: the planner). Expires, so a dead holder is replaced.
create table worker_lease (
    tenant_id  varchar(64)  not null,
    lane       smallint     not null,
    holder     varchar(64)  not null,
    until      timestamptz  not null,
    primary key (tenant_id, lane)
);

-- What happened to each write, for admins: one entry per outcome.
create table sync_log (
    id              bigint generated always as identity primary key,
    tenant_id       varchar(64)  not null,
    member_id       varchar(128) not null,
    operation       varchar(24)  not null,
    salesforce_id   varchar(18),
    outcome         varchar(16)  not null check (outcome in ('SUCCESS', 'FAILED', 'SKIPPED')),
    error_code      varchar(64),
    error_message   varchar(2000),
    admin_hint      varchar(1000),
    attempts        integer      not null,
    outbox_item_id  bigint,
    created_at      timestamptz  not null default now()
);
create index sync_log_tenant_idx on sync_log (tenant_id, id desc);
create index sync_log_member_idx on sync_log (tenant_id, member_id, id desc);

-- A tenant whose org said REQUEST_LIMIT_EXCEEDED, or whose API budget is spent, waits until then.
alter table salesforce_connection add column paused_until timestamptz;
