-- Backfill jobs: a full sync of a tenant's members, sent as Collections (small jobs, through the
-- outbox at backfill priority) or as one Bulk API 2.0 ingest job (above the threshold).
create table backfill_job (
    id                  bigint generated always as identity primary key,
    tenant_id           varchar(64)  not null,
    status              varchar(16)  not null
        check (status in ('RECEIVING', 'QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    mode                varchar(16)  check (mode in ('COLLECTIONS', 'BULK')),
    total               integer      not null default 0,
    done                integer      not null default 0,
    failed              integer      not null default 0,
    api_calls           integer      not null default 0,
    salesforce_job_id   varchar(18),
    error               varchar(1000),
    requested_by        varchar(255) not null,
    created_at          timestamptz  not null default now(),
    started_at          timestamptz,
    finished_at         timestamptz,
    claimed_until       timestamptz
);
create index backfill_job_tenant_idx on backfill_job (tenant_id, id desc);
create index backfill_job_queue_idx on backfill_job (id) where status in ('QUEUED', 'RUNNING');

-- The members of a job as MemberPulse sent them (member.upserted profile fields).
create table backfill_member (
    job_id        bigint       not null references backfill_job (id) on delete cascade,
    member_id     varchar(128) not null,
    fields        jsonb        not null,
    status        varchar(16)  not null default 'PENDING' check (status in ('PENDING', 'DONE', 'FAILED')),
    salesforce_id varchar(18),
    error_code    varchar(64),
    error_message varchar(1000),
    primary key (job_id, member_id)
);

alter table outbox_item add constraint outbox_item_backfill_fk
    foreign key (backfill_job_id) references backfill_job (id) on delete set null;
create index outbox_item_backfill_idx on outbox_item (backfill_job_id) where backfill_job_id is not null;
