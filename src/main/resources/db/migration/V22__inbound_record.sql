-- Per Salesforce record of a tenant, what inbound applies have done to it (issue 5 review).
-- Catch-up, reconciliation, gap fetches and Outbound Messages read a record first and apply it
-- later in a transaction of their own, so they race the CDC drain: the applier locks these rows
-- (one apply of a record at a time) and drops a change older than the newest one applied.
create table inbound_record (
    tenant_id      varchar(64)  not null,
    salesforce_id  varchar(18)  not null,
    -- Salesforce's own clock for the newest change applied: CDC commitTimestamp, else the read
    -- record's SystemModstamp. Compared at whole seconds (SystemModstamp's precision); within one
    -- second the values decide. Null until a change was applied.
    changed_at     timestamptz,
    -- Contacts linked to no member: the values last offered to MemberPulse (member.unlinked_contact),
    -- by MemberPulse field name, so a change every source sees is offered once.
    offered        jsonb        not null default '{}'::jsonb,
    updated_at     timestamptz  not null default now(),
    primary key (tenant_id, salesforce_id)
);
