-- Per-tenant sync settings: field mapping, external id and status fields, policies, API budget.
-- A tenant without a row uses the defaults of DESIGN.md.
create table sync_settings (
    tenant_id               varchar(64)  primary key,
    external_id_field       varchar(80)  not null default 'MemberPulse_Id__c',
    membership_status_field varchar(80)  not null default 'MemberPulse_Membership_Status__c',
    deleted_member_policy   varchar(24)  not null default 'IGNORE'
        check (deleted_member_policy in ('IGNORE', 'CLEAR_STATUS')),
    api_budget_share        numeric(3,2) not null default 0.50
        check (api_budget_share > 0 and api_budget_share <= 1),
    -- [{"memberPulseField":"email","salesforceField":"Email","rule":"TWO_WAY"}, ...]
    field_mappings          jsonb        not null,
    updated_at              timestamptz  not null,
    updated_by              varchar(255) not null,
    version                 bigint       not null default 0
);
