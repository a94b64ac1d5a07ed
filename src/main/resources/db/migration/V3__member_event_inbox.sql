-- The inbox: member events from MemberPulse core, stored before they are acknowledged.
-- (tenant_id, event_id) makes a re-sent event a duplicate instead of a second change.
create table member_event (
    id           bigint generated always as identity primary key,
    tenant_id    varchar(64)  not null,
    event_id     varchar(128) not null,
    type         varchar(64)  not null,
    member_id    varchar(128) not null,
    occurred_at  timestamptz  not null,
    received_at  timestamptz  not null default now(),
    data         jsonb        not null default '{}'::jsonb,
    -- null until the planner has turned the event into outbox work (or decided it needs none)
    planned_at   timestamptz,
    constraint member_event_uk unique (tenant_id, event_id)
);
create index member_event_unplanned_idx on member_event (tenant_id, id) where planned_at is null;
