-- The outbox carries every kind of Salesforce write, not only Contact upserts. An operation's
-- name is owned by the feature that sends it (see OutboundOperation); the database only checks
-- its shape, so a new kind of write needs no migration.
alter table outbox_item drop constraint outbox_item_operation_check;
alter table outbox_item add constraint outbox_item_operation_check check (operation ~ '^[A-Z][A-Z0-9_]{2,23}$');
-- Which write of the member and operation this is: '' for writes that coalesce per member (the
-- Contact), the record's own key otherwise (a Task's external id, a tag). Pending items coalesce
-- per (member, operation, item_key).
alter table outbox_item add column item_key varchar(255) not null default '';
-- Writes that refer to the member's Contact (Task.WhoId, tag records) wait until it exists.
alter table outbox_item add column needs_contact boolean not null default false;
drop index outbox_item_pending_uk;
create unique index outbox_item_pending_uk on outbox_item (tenant_id, member_id, operation, item_key)
    where status = 'PENDING';
drop index outbox_item_claim_idx;
create index outbox_item_claim_idx on outbox_item (tenant_id, priority, operation, id) where status = 'PENDING';
-- What the sync log entry wrote, besides the member: the Task's or tag's key.
alter table sync_log add column item_key varchar(255);
