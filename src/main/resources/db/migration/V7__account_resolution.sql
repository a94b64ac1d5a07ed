-- Companies are resolved to Accounts before their Contacts are sent, in batches of up to 200
-- new names per call: an account_link without account_id is a company waiting for its Account.
alter table account_link alter column account_id drop not null;
create index account_link_unresolved_idx on account_link (tenant_id, created_at) where account_id is null;

-- The company key (normalised name) of the Account a pending write needs, set by the planner,
-- so claims can wait for unresolved Accounts without re-normalising names in SQL.
alter table outbox_item add column company_key varchar(255);
