-- Salesforce Outbound Message notifications, stored before the Ack is sent (issue 5).
-- A notification is a cue: the worker reads the record's current values back from the org.
-- (tenant, notification id) is unique, so Salesforce's retries and replays store nothing twice.
create table outbound_message_notification (
    id               bigint generated always as identity primary key,
    tenant_id        varchar(64)  not null,
    notification_id  varchar(18)  not null,
    org_id           varchar(18)  not null,
    action_id        varchar(18),
    object_type      varchar(40)  not null,
    record_id        varchar(18)  not null,
    received_at      timestamptz  not null default now(),
    -- PENDING until applied (DONE) or given up on (FAILED, a permanent Salesforce error).
    status           varchar(16)  not null default 'PENDING' check (status in ('PENDING', 'DONE', 'FAILED')),
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null default now(),
    claimed_until    timestamptz,
    last_error_code  varchar(64),
    last_error       varchar(2000),
    processed_at     timestamptz,
    constraint outbound_message_notification_uk unique (tenant_id, notification_id)
);
-- The worker's claim: due pending notifications, oldest first.
create index outbound_message_notification_due_idx on outbound_message_notification (next_attempt_at, id)
    where status = 'PENDING';
