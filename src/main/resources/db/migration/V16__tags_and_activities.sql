-- Per-tenant tag settings (GET|PUT /tag-settings). No row: the documented defaults.
create table tag_settings (
    tenant_id          varchar(64)  primary key,
    -- PICKLIST: a multi-select picklist on Contact; CUSTOM_OBJECT: one record per member and tag;
    -- CAMPAIGN: campaign membership (written by the campaigns feature)
    target             varchar(16)  not null check (target in ('PICKLIST', 'CUSTOM_OBJECT', 'CAMPAIGN')),
    picklist_field     varchar(80)  not null,
    -- READ: read the picklist's current value before each write; LAST_WRITTEN: trust what
    -- MemberPulse last wrote, read only when it never wrote the field
    picklist_baseline  varchar(16)  not null check (picklist_baseline in ('READ', 'LAST_WRITTEN')),
    object_name        varchar(80)  not null,
    contact_field      varchar(80)  not null,
    tag_field          varchar(80)  not null,
    external_id_field  varchar(80)  not null,
    updated_at         timestamptz  not null default now(),
    updated_by         varchar(255) not null
);

-- Per-tenant activity settings (GET|PUT /activity-settings). No row: the documented defaults.
create table activity_settings (
    tenant_id          varchar(64)  primary key,
    subject_prefix     varchar(40)  not null,
    ticket_tasks       boolean      not null,
    event_tasks        boolean      not null,
    external_id_field  varchar(80)  not null,
    updated_at         timestamptz  not null default now(),
    updated_by         varchar(255) not null
);

-- Tag records (custom object target) MemberPulse created, so a removed tag can be deleted by id.
create table tag_record (
    tenant_id      varchar(64)  not null,
    member_id      varchar(128) not null,
    tag            varchar(80)  not null,
    salesforce_id  varchar(18)  not null,
    primary key (tenant_id, member_id, tag)
);
