-- Lead enrichment: the Lead a member's data is written to while no Contact exists, and, once
-- Salesforce converted it, the Contact it became (later writes go there).
create table lead_link (
    tenant_id             varchar(64)  not null,
    member_id             varchar(128) not null,
    lead_id               varchar(18)  not null,
    converted_contact_id  varchar(18),
    updated_at            timestamptz  not null default now(),
    primary key (tenant_id, member_id)
);
